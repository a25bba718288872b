// A blueprint (JumpCloud: a device group) listing the library items assigned to it.
import * as vscode from 'vscode';
import type { Blueprint } from '../../../../tenant/src/api/tenantApi';
import type { TenantAccess } from './access';
import { LibraryItemNode } from './libraryItemNode';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './treeNode';

export class BlueprintNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly access: TenantAccess,
    readonly blueprint: Blueprint,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const bp = this.blueprint;
    const t = new vscode.TreeItem(bp.name, vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `${this.access.tenantId}/bp/${bp.id}`;
    const kind = bp.kind === 'map' ? 'map blueprint' : bp.kind === 'group' ? 'group' : 'blueprint';
    t.description = bp.deviceCount !== undefined ? `${kind} · ${bp.deviceCount} devices` : kind;
    t.tooltip = [bp.name, bp.description, `ID: ${bp.id}`].filter(Boolean).join('\n');
    t.iconPath = new vscode.ThemeIcon(bp.kind === 'map' ? 'type-hierarchy' : 'layers');
    t.contextValue = `blueprint.${bp.kind}`;
    return t;
  }

  protected override async loadChildren(): Promise<TreeNode[]> {
    const result = await this.access.call((api) => api.blueprintItems(this.blueprint.id));
    if (!result.ok) return [MessageNode.forError(this.host, this, 'assigned items', result.error, this.access.tenantId)];
    if (!result.value.length) return [new MessageNode(this.host, this, 'No library items assigned', 'empty')];
    const bp = { id: this.blueprint.id, name: this.blueprint.name };
    return result.value.map((item) => new LibraryItemNode(this.host, this, this.access.tenantId, item, bp));
  }
}
