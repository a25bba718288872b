// Base of every tree node: it owns its children (cached until refreshed) and knows its parent for reveal.
import type * as vscode from 'vscode';

export interface TreeHost {
  /** Re-render `node` (or the whole tree); the node drops its cached children first. */
  refresh(node?: TreeNode): void;
  /** Light/dark variants of an icon shipped in media/. */
  media(name: string): { light: vscode.Uri; dark: vscode.Uri };
}

export abstract class TreeNode {
  private cached?: Promise<TreeNode[]>;

  constructor(
    readonly host: TreeHost,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;

  /** Loads children; subclasses never throw here: failures become MessageNodes. */
  protected loadChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }

  getChildren(): Promise<TreeNode[]> {
    this.cached ??= this.loadChildren();
    return this.cached;
  }

  /** Drops cached children so the next getChildren reloads. */
  invalidate(): void {
    this.cached = undefined;
  }

  refresh(): void {
    this.invalidate();
    this.host.refresh(this);
  }
}
