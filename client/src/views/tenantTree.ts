// The Profile Studio tree: delegates to nodes, keeps one TenantNode per tenant so refresh and reveal
// find the same objects, and refreshes single nodes instead of the whole tree.
import * as vscode from 'vscode';
import type { TenantRecord } from '../tenants/registry';
import type { TenantAccess } from './nodes/access';
import { TenantNode } from './nodes/tenantNode';
import type { TreeHost, TreeNode } from './nodes/treeNode';

export interface TreeModel {
  tenants(): TenantRecord[];
  activeTenantId(): string | undefined;
  access(tenantId: string): TenantAccess;
}

export class TenantTree implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes = new Map<string, TenantNode>();
  readonly view: vscode.TreeView<TreeNode>;

  constructor(
    private readonly model: TreeModel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.view = vscode.window.createTreeView('profileStudio.tenants', { treeDataProvider: this, showCollapseAll: true });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return node ? node.getChildren() : Promise.resolve(this.tenantNodes());
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** The stable node for a tenant (created on first use). */
  tenantNode(tenantId: string): TenantNode | undefined {
    this.tenantNodes();
    return this.nodes.get(tenantId);
  }

  refresh(node?: TreeNode): void {
    if (!node) for (const n of this.nodes.values()) n.invalidate();
    this.changed.fire(node);
  }

  /** Re-read the tenant list (added, renamed, removed, switched) and redraw the roots. */
  tenantsChanged(): void {
    this.changed.fire(undefined);
  }

  media(name: string): { light: vscode.Uri; dark: vscode.Uri } {
    return {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'light', name),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'dark', name),
    };
  }

  private tenantNodes(): TenantNode[] {
    const active = this.model.activeTenantId();
    const next = new Map<string, TenantNode>();
    for (const record of this.model.tenants()) {
      const existing = this.nodes.get(record.id);
      if (existing) {
        existing.record = record;
        existing.isActive = record.id === active;
        next.set(record.id, existing);
      } else {
        next.set(record.id, new TenantNode(this, record, record.id === active, this.model.access(record.id)));
      }
    }
    this.nodes = next;
    return [...next.values()];
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
