// Devices, a page at a time: the node keeps the items seen so far (by id, so pages merge without
// duplicates), the API cursor for the next page, and the active filter. "Load more" asks for the next page.
import * as vscode from 'vscode';
import type { Device, DevicePlatform, DeviceQuery } from '../../../../tenant/src/api/tenantApi';
import type { TenantAccess } from './access';
import { DeviceNode } from './deviceNode';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './treeNode';

export class DevicesNode extends TreeNode {
  private devices = new Map<string, Device>();
  private next: string | undefined;
  private total: number | undefined;
  private started = false;
  private failure: MessageNode | undefined;
  private filter: { platform?: DevicePlatform; search?: string } = {};

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly access: TenantAccess,
  ) {
    super(host, parent);
  }

  get query(): DeviceQuery {
    return { ...this.filter };
  }

  get loadedCount(): number {
    return this.devices.size;
  }

  get hasMore(): boolean {
    return this.next !== undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem('Devices', vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `${this.access.tenantId}/devices`;
    t.iconPath = new vscode.ThemeIcon('device-desktop');
    const parts = [this.filter.platform, this.filter.search ? `"${this.filter.search}"` : undefined].filter(Boolean);
    const count = this.started ? `${this.devices.size}${this.total !== undefined ? ` of ${this.total}` : this.next ? '+' : ''}` : '';
    t.description = [parts.length ? `filter: ${parts.join(', ')}` : '', count].filter(Boolean).join(' · ');
    t.contextValue = parts.length ? 'category.devices.filtered' : 'category.devices';
    return t;
  }

  /** Sets the filter and starts again from the first page. */
  setFilter(filter: { platform?: DevicePlatform; search?: string }): void {
    this.filter = { platform: filter.platform, search: filter.search?.trim() || undefined };
    this.invalidate();
    this.host.refresh(this);
  }

  /** Full reload (refresh): forget the pages seen so far. */
  override invalidate(): void {
    this.reset();
    super.invalidate();
  }

  /** Fetches the next page and re-renders this node. */
  async loadMore(): Promise<void> {
    await this.fetchPage();
    super.invalidate();
    this.host.refresh(this);
  }

  protected override async loadChildren(): Promise<TreeNode[]> {
    if (!this.started) await this.fetchPage();
    const nodes: TreeNode[] = [...this.devices.values()].map((d) => new DeviceNode(this.host, this, this.access, d));
    if (this.failure) nodes.push(this.failure);
    else if (this.next !== undefined) nodes.push(new LoadMoreNode(this.host, this, this.devices.size, this.total));
    if (!nodes.length) {
      const filtered = this.filter.platform || this.filter.search;
      nodes.push(new MessageNode(this.host, this, filtered ? 'No devices match the filter' : 'No devices enrolled', 'empty'));
    }
    return nodes;
  }

  private reset(): void {
    this.devices = new Map();
    this.next = undefined;
    this.total = undefined;
    this.started = false;
    this.failure = undefined;
  }

  private async fetchPage(): Promise<void> {
    const cursor = this.next;
    const result = await this.access.call((api) => api.listDevices(this.query, cursor));
    this.started = true;
    if (!result.ok) {
      this.failure = MessageNode.forError(this.host, this, 'devices', result.error, this.access.tenantId);
      // Keep the cursor: retrying the failure asks for the same page again.
      return;
    }
    this.failure = undefined;
    for (const d of result.value.items) this.devices.set(d.id, d);
    this.next = result.value.next;
    this.total = result.value.total;
  }
}

export class LoadMoreNode extends TreeNode {
  constructor(
    host: TreeHost,
    readonly devicesNode: DevicesNode,
    private readonly loaded: number,
    private readonly total: number | undefined,
  ) {
    super(host, devicesNode);
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    t.description = this.total !== undefined ? `${this.loaded} of ${this.total} shown` : `${this.loaded} shown`;
    t.iconPath = new vscode.ThemeIcon('more');
    t.contextValue = 'loadMore';
    t.command = { command: 'profileStudio.loadMore', title: 'Load More', arguments: [this.devicesNode] };
    return t;
  }
}
