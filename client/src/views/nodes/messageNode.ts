// A row that says something instead of a silent empty list: an error with Retry, or an empty-state hint.
import * as vscode from 'vscode';
import type { ApiError } from '../../../../tenant/src/api/errors';
import { TreeNode, type TreeHost } from './treeNode';

export class MessageNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode | undefined,
    readonly label: string,
    readonly kind: 'error' | 'empty' | 'info',
    readonly detail?: string,
    readonly command?: vscode.Command,
  ) {
    super(host, parent);
  }

  /** An API failure under `parent`; clicking it retries `parent` (or asks for a new token on 401). */
  static forError(host: TreeHost, parent: TreeNode, what: string, error: ApiError, tenantId: string): MessageNode {
    const hint = 'hint' in error && error.hint ? ` ${error.hint}` : '';
    const command: vscode.Command =
      error.kind === 'unauthorized'
        ? { command: 'profileStudio.updateToken', title: 'Update Token', arguments: [tenantId] }
        : { command: 'profileStudio.refresh', title: 'Retry', arguments: [parent] };
    const action = error.kind === 'unauthorized' ? 'click to update the token' : 'click to retry';
    return new MessageNode(host, parent, `Could not load ${what}: ${error.message}`, 'error', `${error.message}.${hint} (${action})`, command);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = this.kind === 'error' ? 'message.error' : 'message';
    item.tooltip = this.detail ?? this.label;
    item.iconPath = new vscode.ThemeIcon(
      this.kind === 'error' ? 'error' : this.kind === 'empty' ? 'circle-slash' : 'info',
      this.kind === 'error' ? new vscode.ThemeColor('errorForeground') : undefined,
    );
    if (this.command) item.command = this.command;
    return item;
  }
}
