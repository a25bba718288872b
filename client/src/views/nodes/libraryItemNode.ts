// A custom profile (library item), either in the tenant's library or under a blueprint that has it assigned.
import * as vscode from 'vscode';
import type { LibraryItem, RunsOn } from '../../../../tenant/src/api/tenantApi';
import { TreeNode, type TreeHost } from './treeNode';

export interface ItemRef {
  tenantId: string;
  itemId: string;
  name?: string;
  /** Set when the node sits under a blueprint (enables Remove from Blueprint). */
  blueprintId?: string;
  blueprintName?: string;
}

export class LibraryItemNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly tenantId: string,
    readonly item: LibraryItem,
    readonly blueprint?: { id: string; name: string },
  ) {
    super(host, parent);
  }

  get ref(): ItemRef {
    return {
      tenantId: this.tenantId,
      itemId: this.item.id,
      name: this.item.name,
      blueprintId: this.blueprint?.id,
      blueprintName: this.blueprint?.name,
    };
  }

  getTreeItem(): vscode.TreeItem {
    const { item } = this;
    const t = new vscode.TreeItem(item.name, vscode.TreeItemCollapsibleState.None);
    t.id = `${this.tenantId}/${this.blueprint ? `bp/${this.blueprint.id}` : 'lib'}/${item.id}`;
    const platforms = platformsLabel(item.runsOn);
    const counts = item.statusCounts;
    const countText = counts ? ` · ✓${counts.success} ⋯${counts.pending} ✗${counts.failed}` : '';
    t.description = `${item.active ? 'active' : 'inactive'} · ${platforms}${countText}`;
    t.iconPath = new vscode.ThemeIcon(item.active ? 'file-code' : 'circle-slash');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(item.name)}**\n\n`);
    md.appendMarkdown(`- State: ${item.active ? 'active' : 'inactive'}\n- Runs on: ${platforms}\n`);
    if (item.mdmIdentifier) md.appendMarkdown(`- Identifier: \`${escapeMd(item.mdmIdentifier)}\`\n`);
    if (counts) md.appendMarkdown(`- Devices: ${counts.success} installed, ${counts.pending} pending, ${counts.failed} failed\n`);
    if (item.updatedAt) md.appendMarkdown(`- Updated: ${item.updatedAt}\n`);
    md.appendMarkdown(`- ID: \`${item.id}\``);
    t.tooltip = md;
    t.contextValue = `${this.blueprint ? 'blueprintItem' : 'libraryItem'}.${item.active ? 'active' : 'inactive'}`;
    t.command = { command: 'profileStudio.openRemote', title: 'Open Remote Profile', arguments: [this.ref] };
    return t;
  }
}

export const PLATFORM_LABELS: Record<keyof RunsOn, string> = { mac: 'macOS', iphone: 'iOS', ipad: 'iPadOS', tv: 'tvOS', vision: 'visionOS' };

export const platformsLabel = (runsOn: RunsOn): string => {
  const on = (Object.keys(PLATFORM_LABELS) as (keyof RunsOn)[]).filter((k) => runsOn[k]).map((k) => PLATFORM_LABELS[k]);
  return on.length ? on.join(', ') : 'no platform';
};

export const escapeMd = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
