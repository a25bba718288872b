// One enrolled device: icon per platform, tooltip with serial, OS, blueprint and last check-in.
import * as vscode from 'vscode';
import type { Device } from '../../../../tenant/src/api/tenantApi';
import type { TenantAccess } from './access';
import { capabilitiesOf, deviceFolders } from './deviceChildren';
import { escapeMd } from './libraryItemNode';
import { MessageNode } from './messageNode';
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
    const t = new vscode.TreeItem(d.name, vscode.TreeItemCollapsibleState.Collapsed);
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
    t.command = { command: 'profileStudio.openDevice', title: 'Show Device Details', arguments: [this.ref] };
    return t;
  }

  protected override async loadChildren(): Promise<TreeNode[]> {
    const caps = await capabilitiesOf(this.access);
    if (!caps.ok) return [MessageNode.forError(this.host, this, 'the device', caps.error, this.access.tenantId)];
    const folders = deviceFolders(this.host, this, this.access, this.device.id, this.device.name, caps.value);
    return folders.length ? folders : [new MessageNode(this.host, this, `No device history is offered by ${caps.value.vendorName}`, 'empty')];
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
