// Generic building blocks for the fleet folders: a folder that loads a list (one call, or page by page
// through the API's cursor with a "Load more…" row) and a leaf that shows one record.
import * as vscode from 'vscode';
import type { Page, Result, TenantApi } from '../../../../tenant/src/api/tenantApi';
import { visible } from '../../webviews/html';
import type { TenantAccess } from './access';
import { MessageNode } from './messageNode';
import { TreeNode, type TreeHost } from './treeNode';

/** A node the "Load more" command can ask for its next page. */
export interface Pageable {
  loadMore(): Promise<void>;
  readonly loadedCount: number;
}

export interface ListSpec<T> {
  /** Stable id suffix under the tenant (for reveal and expanded state). */
  key: string;
  label: string;
  icon: string;
  /** Lower-case noun for messages ("tags", "threats"). */
  what: string;
  contextValue?: string;
  description?: string;
  tooltip?: string;
  /** One call for the whole list, or a page per call (cursor from the previous page's `next`). */
  load: (api: TenantApi, cursor?: string) => Promise<Result<T[] | Page<T>>>;
  child: (item: T, parent: ListNode<T>) => TreeNode;
  empty?: string;
  /** What commands on this folder need (e.g. the ADE integration a Renew acts on). */
  data?: unknown;
}

export class ListNode<T> extends TreeNode implements Pageable {
  private items: T[] = [];
  private next: string | undefined;
  private total: number | undefined;
  private started = false;
  private failure: MessageNode | undefined;

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly access: TenantAccess,
    readonly spec: ListSpec<T>,
  ) {
    super(host, parent);
  }

  get loadedCount(): number {
    return this.items.length;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.spec;
    const t = new vscode.TreeItem(s.label, vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `${this.access.tenantId}/${s.key}`;
    t.iconPath = new vscode.ThemeIcon(s.icon);
    const count = this.started && !this.failure ? `${this.items.length}${this.total !== undefined && this.total !== this.items.length ? ` of ${this.total}` : this.next ? '+' : ''}` : '';
    t.description = [s.description, count].filter(Boolean).join(' · ');
    if (s.tooltip) t.tooltip = s.tooltip;
    t.contextValue = s.contextValue ?? `category.${s.key.replace(/\//g, '.')}`;
    return t;
  }

  override invalidate(): void {
    this.items = [];
    this.next = undefined;
    this.total = undefined;
    this.started = false;
    this.failure = undefined;
    super.invalidate();
  }

  async loadMore(): Promise<void> {
    await this.fetch();
    super.invalidate();
    this.host.refresh(this);
  }

  protected override async loadChildren(): Promise<TreeNode[]> {
    if (!this.started) await this.fetch();
    const nodes: TreeNode[] = this.items.map((item) => this.spec.child(item, this));
    if (this.failure) nodes.push(this.failure);
    else if (this.next !== undefined) nodes.push(new LoadMoreRow(this.host, this, this.items.length, this.total));
    if (!nodes.length) nodes.push(new MessageNode(this.host, this, this.spec.empty ?? `No ${this.spec.what}`, 'empty'));
    return nodes;
  }

  private async fetch(): Promise<void> {
    const cursor = this.next;
    const result = await this.access.call((api) => this.spec.load(api, cursor));
    this.started = true;
    if (!result.ok) {
      this.failure = MessageNode.forError(this.host, this, this.spec.what, result.error, this.access.tenantId);
      return;
    }
    this.failure = undefined;
    const value = result.value;
    if (Array.isArray(value)) {
      this.items = value;
      this.next = undefined;
      this.total = value.length;
    } else {
      this.items.push(...value.items);
      this.next = value.next;
      this.total = value.total;
    }
  }
}

/** "Load more…" under any pageable folder (Devices has its own, older row with the same command). */
export class LoadMoreRow extends TreeNode {
  constructor(
    host: TreeHost,
    readonly target: TreeNode & Pageable,
    private readonly loaded: number,
    private readonly total: number | undefined,
  ) {
    super(host, target);
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    t.description = this.total !== undefined ? `${this.loaded} of ${this.total} shown` : `${this.loaded} shown`;
    t.iconPath = new vscode.ThemeIcon('more');
    t.contextValue = 'loadMore';
    t.command = { command: 'profileStudio.loadMore', title: 'Load More', arguments: [this.target] };
    return t;
  }
}

/** What a record leaf shows; the tooltip is plain text (no markdown, so no value can format itself). */
export interface RecordView {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string | vscode.ThemeIcon;
  contextValue?: string;
  command?: vscode.Command;
  children?: (self: TreeNode) => TreeNode[];
}

export class RecordNode<T = unknown> extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly tenantId: string,
    readonly record: T,
    readonly view: RecordView,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.view;
    const t = new vscode.TreeItem(oneLine(v.label), v.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    t.id = `${this.tenantId}/${v.id}`;
    if (v.description) t.description = oneLine(v.description);
    if (v.tooltip) t.tooltip = v.tooltip;
    if (v.icon) t.iconPath = typeof v.icon === 'string' ? new vscode.ThemeIcon(v.icon) : v.icon;
    t.contextValue = v.contextValue ?? 'record';
    if (v.command) t.command = v.command;
    return t;
  }

  protected override loadChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.view.children?.(this) ?? []);
  }
}

/** Server text on one line with control characters made visible. */
export const oneLine = (s: string): string => visible(s.replace(/[\r\n\t]+/g, ' '));

/** A vendor field as text for labels and tooltips. */
export const field = (r: Record<string, unknown>, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = r[k];
    if (v !== undefined && v !== null && v !== '') return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return undefined;
};

/** A fixed folder of other folders (Threats, Vulnerabilities, ADE). */
export class FolderNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly tenantId: string,
    readonly key: string,
    readonly label: string,
    readonly icon: string,
    private readonly make: (self: FolderNode) => TreeNode[],
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const t = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    t.id = `${this.tenantId}/${this.key}`;
    t.iconPath = new vscode.ThemeIcon(this.icon);
    t.contextValue = `category.${this.key}`;
    return t;
  }

  protected override loadChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.make(this));
  }
}
