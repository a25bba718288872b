// A configured tenant: its three folders. The active tenant is marked; a demo tenant says so.
import * as vscode from 'vscode';
import type { TenantRecord } from '../../tenants/registry';
import type { TenantAccess } from './access';
import { BlueprintsNode, LibraryNode } from './categoryNodes';
import { capabilitiesOf } from './deviceChildren';
import { DevicesNode } from './devicesNode';
import { fleetFolders, ReportsNode } from './fleetNodes';
import { FolderNode, ListNode } from './listNode';
import { TreeNode, type TreeHost } from './treeNode';

export class TenantNode extends TreeNode {
  readonly blueprints: BlueprintsNode;
  readonly library: LibraryNode;
  readonly devices: DevicesNode;
  private fleet: TreeNode[] | undefined;

  constructor(
    host: TreeHost,
    public record: TenantRecord,
    public isActive: boolean,
    readonly access: TenantAccess,
  ) {
    super(host, undefined);
    this.blueprints = new BlueprintsNode(host, this, access);
    this.library = new LibraryNode(host, this, access);
    this.devices = new DevicesNode(host, this, access);
  }

  get tenantId(): string {
    return this.record.id;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.record;
    const t = new vscode.TreeItem(r.label, vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `tenant/${r.id}`;
    const vendor = r.kind === 'kandji' ? 'Kandji' : 'JumpCloud';
    t.description = [vendor, r.demo ? 'demo' : undefined, this.isActive ? 'active' : undefined].filter(Boolean).join(' · ');
    t.tooltip = `${r.label}\n${vendor} · ${r.baseUrl}${r.orgId ? `\nOrg: ${r.orgId}` : ''}${this.isActive ? '\nActive tenant' : ''}`;
    t.iconPath = new vscode.ThemeIcon('cloud', this.isActive ? new vscode.ThemeColor('charts.green') : undefined);
    t.contextValue = this.isActive ? 'tenant.active' : 'tenant';
    return t;
  }

  /** The three profile folders, then the fleet folders this vendor offers (no node for what it lacks). */
  protected override async loadChildren(): Promise<TreeNode[]> {
    const base: TreeNode[] = [this.blueprints, this.library, this.devices];
    if (!this.fleet) {
      const caps = await capabilitiesOf(this.access);
      if (caps.ok) this.fleet = fleetFolders(this.host, this, this.access, caps.value);
    }
    return [...base, ...(this.fleet ?? [])];
  }

  /** A fleet folder by its key ('tags', 'users', 'ade' …), once the tenant has been expanded. */
  fleetFolder(key: string): TreeNode | undefined {
    return this.fleet?.find((n) => (n instanceof ListNode ? n.spec.key : n instanceof FolderNode ? n.key : n instanceof ReportsNode ? 'reports' : undefined) === key);
  }

  /** Refresh the whole tenant: every folder reloads on next expand. */
  override refresh(): void {
    this.fleet = undefined;
    this.blueprints.invalidate();
    this.library.invalidate();
    this.devices.invalidate();
    super.refresh();
  }
}
