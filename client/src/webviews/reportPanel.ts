// A Prism report as a table: one page at a time from the API (never the whole category), sorted by the
// server, filtered by blueprint and device. The page script asks by message; rows go back as plain data.
// Export CSV exports what the table shows: the same blueprint, device and sort.
import * as vscode from 'vscode';
import { PRISM_TITLES, type PrismCategory, type ReportQuery, type VendorRecord } from '../../../tenant/src/api/fleetApi';
import type { Device } from '../../../tenant/src/api/tenantApi';
import { pickDevice } from '../commands/pickDevice';
import type { ExportOutcome, ReportExportArgs } from '../commands/reports';
import type { Ctx } from '../ctx';
import { escapeHtml, renderPage, webviewOptions } from './html';

export const REPORT_PAGE_SIZE = 50;

interface QueryMessage {
  type: 'query';
  page: number;
  sort?: { column: string; descending: boolean };
  blueprintId?: string;
  device?: string;
}

export interface ReportPageShown {
  category: PrismCategory;
  page: number;
  columns: string[];
  rows: VendorRecord[];
  total?: number;
  hasMore: boolean;
  query: ReportQuery;
  error?: string;
}

export class ReportPanels implements vscode.Disposable {
  private readonly open = new Map<string, ReportPanel>();

  constructor(private readonly ctx: Ctx) {}

  show(tenantId: string, category: PrismCategory): ReportPanel {
    const key = `${tenantId}/${category}`;
    let panel = this.open.get(key);
    if (panel) {
      panel.panel.reveal();
      return panel;
    }
    panel = new ReportPanel(this.ctx, tenantId, category, () => this.open.delete(key));
    this.open.set(key, panel);
    return panel;
  }

  get(tenantId: string, category: PrismCategory): ReportPanel | undefined {
    return this.open.get(`${tenantId}/${category}`);
  }

  dispose(): void {
    for (const p of this.open.values()) p.panel.dispose();
  }
}

export class ReportPanel {
  readonly panel: vscode.WebviewPanel;
  /** The last page sent to the table (tests read it). */
  last: ReportPageShown | undefined;
  private readonly changed = new vscode.EventEmitter<ReportPageShown>();
  readonly onDidShowPage = this.changed.event;
  /** Cursor of each page of the current query; page 0 has none. */
  private cursors: (string | undefined)[] = [undefined];
  private queryKey = '';
  /** Counts the pages asked for: an answer that comes back after a later question is dropped. */
  private asked = 0;
  /** Names for the filter's ids, so the export can say which blueprint and device it holds. */
  private readonly blueprintNames = new Map<string, string>();
  private readonly deviceNames = new Map<string, string>();

  constructor(
    private readonly ctx: Ctx,
    readonly tenantId: string,
    readonly category: PrismCategory,
    onClose: () => void,
  ) {
    const tenant = ctx.tenant(tenantId);
    const title = `${PRISM_TITLES[category]}${tenant ? ` · ${tenant.label}` : ''}`;
    this.panel = vscode.window.createWebviewPanel('profileStudio.report', title, vscode.ViewColumn.Active, webviewOptions(ctx.extension.extensionUri, true));
    this.panel.onDidDispose(() => {
      this.changed.dispose();
      onClose();
    });
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    void this.init(title);
  }

  /**
   * Asks for a page as the table's own controls would (tests drive the table through this). Resolves with
   * that page, or, when a later question overtook it, with the page on screen once its answer came back.
   */
  async query(m: Omit<QueryMessage, 'type'>): Promise<ReportPageShown> {
    return (await this.sendPage({ type: 'query', ...m })) ?? this.last!;
  }

  private async init(title: string): Promise<void> {
    const bps = await this.ctx.access(this.tenantId).call((api) => api.listBlueprints());
    const blueprints = bps.ok ? bps.value.map((b) => ({ id: b.id, name: b.name })) : [];
    for (const b of blueprints) this.blueprintNames.set(b.id, b.name);
    const body = `<h1>${escapeHtml(title)}</h1>
<div class="toolbar">
  <label for="blueprint">Blueprint</label><select id="blueprint"><option value="">All blueprints</option></select>
  <label for="device">Device ID</label><input id="device" type="text" placeholder="any device" size="38">
  <button id="pick" class="secondary" title="Choose the device from the tenant's devices">Pick…</button>
  <span id="deviceName" class="muted"></span>
  <button id="apply" class="secondary">Apply</button>
  <span style="flex:1"></span>
  <button id="prev" class="secondary" title="Previous page">‹ Previous</button>
  <button id="next" class="secondary" title="Next page">Next ›</button>
  <button id="export" title="Export the rows of the current filter and sort as CSV (the vendor prepares the file)">Export CSV…</button>
</div>
<div id="status" class="status">Loading…</div>
<div class="scroll"><table class="grid"><thead id="head"></thead><tbody id="rows"></tbody></table></div>`;
    this.panel.webview.html = renderPage(this.panel.webview, this.ctx.extension.extensionUri, { title, body, script: 'reportTable.js', data: { blueprints } });
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!m || typeof m !== 'object') return;
    const msg = m as { type?: string };
    if (msg.type === 'export') {
      await this.exportShown();
      return;
    }
    if (msg.type === 'pickDevice') {
      await vscode.commands.executeCommand('profileStudio.pickReportDevice', { tenantId: this.tenantId, category: this.category });
      return;
    }
    if (msg.type === 'query') await this.sendPage(m as QueryMessage);
  }

  /** Exports the category with the filter and sort of the rows shown (the Export CSV button). */
  exportShown(opts: { out?: vscode.Uri; pollMs?: number } = {}): Thenable<ExportOutcome> {
    const q = this.last?.query ?? {};
    const query: ReportQuery = { ...(q.blueprintId ? { blueprintId: q.blueprintId } : {}), ...(q.deviceId ? { deviceId: q.deviceId } : {}), ...(q.sortBy ? { sortBy: q.sortBy } : {}) };
    const names = {
      ...(q.blueprintId && this.blueprintNames.has(q.blueprintId) ? { blueprint: this.blueprintNames.get(q.blueprintId) } : {}),
      ...(q.deviceId && this.deviceNames.has(q.deviceId) ? { device: this.deviceNames.get(q.deviceId) } : {}),
    };
    const args: ReportExportArgs = { tenantId: this.tenantId, category: this.category, query, names };
    return vscode.commands.executeCommand<ExportOutcome>('profileStudio.exportReport', args, opts);
  }

  /** The Pick… button: a device QuickPick; the chosen id goes into the Device field (its name beside it) and applies. */
  async pickDevice(): Promise<Device | undefined> {
    const tenant = this.ctx.tenant(this.tenantId);
    if (!tenant) return undefined;
    const device = await pickDevice(this.ctx, tenant, `Show ${PRISM_TITLES[this.category]} of which device? (type to search by name)`);
    if (!device) return undefined;
    this.deviceNames.set(device.id, device.name);
    void this.panel.webview.postMessage({ type: 'device', id: device.id, name: device.name });
    return device;
  }

  /** Shows the asked page; undefined when a later question was asked before the answer came (nothing shown). */
  private async sendPage(m: QueryMessage): Promise<ReportPageShown | undefined> {
    const asked = ++this.asked;
    const query: ReportQuery = {
      pageSize: REPORT_PAGE_SIZE,
      blueprintId: m.blueprintId || undefined,
      deviceId: m.device?.trim() || undefined,
      sortBy: m.sort ? `${m.sort.descending ? '-' : ''}${m.sort.column}` : undefined,
    };
    const key = JSON.stringify(query);
    if (key !== this.queryKey) {
      this.queryKey = key;
      this.cursors = [undefined];
    }
    // Pages are reached one step at a time, so the cursor of the asked page is known (or it is page 0).
    const page = Math.max(0, Math.min(Math.floor(m.page) || 0, this.cursors.length - 1));
    const result = await this.ctx.access(this.tenantId).call((api) => api.reportPage(this.category, query, this.cursors[page]));
    // A slow answer to an older filter must not replace the newer one's rows, nor add to its cursors.
    if (asked !== this.asked) return undefined;
    let shown: ReportPageShown;
    if (!result.ok) {
      const tenant = this.ctx.tenant(this.tenantId);
      shown = { category: this.category, page, columns: [], rows: [], hasMore: false, query, error: `Could not load the report${tenant ? ` from ${tenant.label}` : ''}: ${result.error.message}` };
    } else {
      const rows = result.value.items;
      if (result.value.next !== undefined) this.cursors[page + 1] = result.value.next;
      shown = { category: this.category, page, columns: columnsOf(rows), rows, total: result.value.total, hasMore: result.value.next !== undefined, query };
    }
    this.last = shown;
    void this.panel.webview.postMessage({
      type: 'page',
      page: shown.page,
      pageSize: REPORT_PAGE_SIZE,
      total: shown.total,
      hasMore: shown.hasMore,
      error: shown.error,
      columns: shown.columns.map((c) => ({ key: c, label: c.replace(/_/g, ' ') })),
      rows: shown.rows.map((r) => Object.fromEntries(shown.columns.map((c) => [c, cell(r[c])]))),
    });
    this.changed.fire(shown);
    return shown;
  }
}

/** Columns in first-seen order across the page's rows. */
function columnsOf(rows: VendorRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
