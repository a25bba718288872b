// The three folders under a tenant. Blueprints and Library Items load in one call each; Devices pages.
import * as vscode from 'vscode';
import type { TenantAccess } from './access';
import { BlueprintNode } from './blueprintNode';
import { LibraryItemNode } from './libraryItemNode';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './treeNode';

/** A collapsible tenant folder (`category.<key>` in menus) whose children load on expand. */
export abstract class CategoryNode extends TreeNode {
  abstract readonly label: string;
  abstract readonly key: string;
  abstract readonly icon: string;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly access: TenantAccess,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `${this.access.tenantId}/${this.key}`;
    t.iconPath = new vscode.ThemeIcon(this.icon);
    t.contextValue = `category.${this.key}`;
    return t;
  }
}

export class BlueprintsNode extends CategoryNode {
  readonly label = 'Blueprints';
  readonly key = 'blueprints';
  readonly icon = 'layers';

  protected override async loadChildren(): Promise<TreeNode[]> {
    const result = await this.access.call((api) => api.listBlueprints());
    if (!result.ok) return [MessageNode.forError(this.host, this, 'blueprints', result.error, this.access.tenantId)];
    if (!result.value.length) return [new MessageNode(this.host, this, 'No blueprints in this tenant', 'empty')];
    return result.value.map((bp) => new BlueprintNode(this.host, this, this.access, bp));
  }
}

export class LibraryNode extends CategoryNode {
  readonly label = 'Library Items';
  readonly key = 'library';
  readonly icon = 'library';

  protected override async loadChildren(): Promise<TreeNode[]> {
    const result = await this.access.call((api) => api.listProfiles());
    if (!result.ok) return [MessageNode.forError(this.host, this, 'library items', result.error, this.access.tenantId)];
    if (!result.value.length) {
      return [
        new MessageNode(this.host, this, 'No custom profiles yet: right-click a .mobileconfig and choose Push Profile', 'empty', undefined, {
          command: 'profileStudio.pushProfile',
          title: 'Push Profile',
        }),
      ];
    }
    const items = [...result.value].sort((a, b) => a.name.localeCompare(b.name));
    return items.map((item) => new LibraryItemNode(this.host, this, this.access.tenantId, item));
  }
}
