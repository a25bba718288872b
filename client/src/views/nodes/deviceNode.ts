// One enrolled device: icon per platform, tooltip with serial, OS, blueprint and last check-in.
import * as vscode from 'vscode';
import type { Device } from '../../../../tenant/src/api/tenantApi';
import type { TenantAccess } from './access';
import { escapeMd } from './libraryItemNode';
import { TreeNode, type TreeHost } from './treeNode';

export interface DeviceRef {
  tenantId: string;
  deviceId: string;
  device?: Device;
}

export class DeviceNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly access: TenantAccess,
    readonly device: Device,
  ) {
    super(host, parent);
  }

  get ref(): DeviceRef {
    return { tenantId: this.access.tenantId, deviceId: this.device.id, device: this.device };
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.device;
    const t = new vscode.TreeItem(d.name, vscode.TreeItemCollapsibleState.None);
    t.id = `${this.access.tenantId}/device/${d.id}`;
    t.description = [d.platform, d.osVersion, d.user].filter(Boolean).join(' · ');
    t.iconPath = this.icon();
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(d.name)}** (${d.platform}${d.model ? `, ${escapeMd(d.model)}` : ''})\n\n`);
    md.appendMarkdown(`- Serial: ${d.serial ? `\`${escapeMd(d.serial)}\`` : 'unknown'}\n`);
    md.appendMarkdown(`- OS: ${d.osVersion ? escapeMd(d.osVersion) : 'unknown'}\n`);
    md.appendMarkdown(`- Blueprint: ${d.blueprintName ? escapeMd(d.blueprintName) : (d.blueprintId ?? 'none')}\n`);
    md.appendMarkdown(`- Last check-in: ${d.lastCheckIn ? escapeMd(formatTime(d.lastCheckIn)) : 'never'}\n`);
    if (d.user) md.appendMarkdown(`- User: ${escapeMd(d.user)}\n`);
    t.tooltip = md;
    t.contextValue = `device.${d.platform}`;
    return t;
  }

  private icon(): vscode.TreeItem['iconPath'] {
    switch (this.device.platform) {
      case 'Mac':
        return new vscode.ThemeIcon('device-desktop');
      case 'iPhone':
        return new vscode.ThemeIcon('device-mobile');
      case 'iPad':
        return this.host.media('ipad.svg');
      case 'AppleTV':
        return this.host.media('appletv.svg');
      case 'Vision':
        return this.host.media('vision.svg');
    }
  }
}

const formatTime = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toLocaleString();
};
