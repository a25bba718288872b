// Open Report (the table webview) and Export Report… (the vendor's export: request → poll → download, under a
// cancellable progress notification; the file goes to reports/ in the workspace or where the user says).
// From the tree or the palette the export is the whole category; the report panel passes its filter and sort.
import * as vscode from 'vscode';
import { PRISM_CATEGORIES, PRISM_TITLES, type ExportState, type PrismCategory, type ReportQuery } from '../../../tenant/src/api/fleetApi';
import type { Device } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { ReportNode } from '../views/nodes/fleetNodes';
import { pickTenant } from './targets';

const POLL_MS = 1_000;
const EXPORT_DEADLINE_MS = 10 * 60_000;

/** What the report panel hands Export: its filter and sort, and the names of the blueprint and device it names. */
export interface ReportExportArgs {
  tenantId: string;
  category: PrismCategory;
  query?: ReportQuery;
  names?: { blueprint?: string; device?: string };
}

interface ReportRef {
  tenantId: string;
  category: PrismCategory;
  query: ReportQuery;
  names: { blueprint?: string; device?: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

async function reportRefOf(ctx: Ctx, arg: unknown): Promise<ReportRef | undefined> {
  if (arg instanceof ReportNode) return { ...arg.ref, query: {}, names: {} };
  const a = arg as { tenantId?: unknown; category?: unknown; query?: Record<string, unknown>; names?: Record<string, unknown> } | undefined;
  if (a && typeof a.tenantId === 'string' && typeof a.category === 'string' && (PRISM_CATEGORIES as readonly string[]).includes(a.category)) {
    const q = a.query && typeof a.query === 'object' ? a.query : {};
    const n = a.names && typeof a.names === 'object' ? a.names : {};
    const query: ReportQuery = {};
    if (str(q.blueprintId)) query.blueprintId = str(q.blueprintId);
    if (str(q.deviceId)) query.deviceId = str(q.deviceId);
    if (str(q.sortBy)) query.sortBy = str(q.sortBy);
    const names = { ...(str(n.blueprint) ? { blueprint: str(n.blueprint) } : {}), ...(str(n.device) ? { device: str(n.device) } : {}) };
    return { tenantId: a.tenantId, category: a.category as PrismCategory, query, names };
  }
  const tenant = await pickTenant(ctx, arg);
  if (!tenant) return undefined;
  const picked = await vscode.window.showQuickPick(
    PRISM_CATEGORIES.map((c) => ({ label: PRISM_TITLES[c], description: c, c })),
    { placeHolder: 'Which report?' },
  );
  return picked ? { tenantId: tenant.id, category: picked.c, query: {}, names: {} } : undefined;
}

/** "blueprint Engineering, device Studio Mac" for the messages; empty for the whole category. */
export function filterLabel(ref: Pick<ReportRef, 'query' | 'names'>): string {
  const parts: string[] = [];
  if (ref.query.blueprintId) parts.push(`blueprint ${ref.names.blueprint ?? ref.query.blueprintId}`);
  if (ref.query.deviceId) parts.push(`device ${ref.names.device ?? ref.query.deviceId}`);
  return parts.join(', ');
}

export const openReport =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<{ tenantId: string; category: PrismCategory } | undefined> => {
    const ref = await reportRefOf(ctx, arg);
    if (!ref) return undefined;
    ctx.reports.show(ref.tenantId, ref.category);
    return { tenantId: ref.tenantId, category: ref.category };
  };

/** The report panel's Pick… button: a device QuickPick whose answer fills the panel's Device field. */
export const pickReportDevice =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<Device | undefined> => {
    const a = arg as { tenantId?: unknown; category?: unknown } | undefined;
    const panel = a && typeof a.tenantId === 'string' && typeof a.category === 'string' ? ctx.reports.get(a.tenantId, a.category as PrismCategory) : undefined;
    if (!panel) return void ctx.say.info('Pick a device from an open report (Open Report… first).');
    return panel.pickDevice();
  };

export interface ExportOutcome {
  status: 'saved' | 'cancelled' | 'failed';
  uri?: vscode.Uri;
  bytes?: number;
}

export const exportReport =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { out?: vscode.Uri; pollMs?: number } = {}): Promise<ExportOutcome> => {
    const ref = await reportRefOf(ctx, arg);
    if (!ref) return { status: 'cancelled' };
    const tenant = ctx.tenant(ref.tenantId);
    const filtered = filterLabel(ref);
    const title = `${PRISM_TITLES[ref.category]}${filtered ? ` (${filtered})` : ''}`;
    const target = opts.out ?? (await destination(ref));
    if (!target) return { status: 'cancelled' };
    const access = ctx.access(ref.tenantId);
    const outcome = await ctx.progress(`Exporting ${title}`, async (report, token): Promise<ExportOutcome> => {
      report('asking for the export');
      const requested = await access.call((api) => api.requestReportExport(ref.category, ref.query));
      if (!requested.ok) {
        ctx.say.apiError(`Exporting ${title}`, requested.error, tenant);
        return { status: 'failed' };
      }
      let state: ExportState = requested.value;
      const deadline = Date.now() + EXPORT_DEADLINE_MS;
      while (state.state === 'pending') {
        if (token.isCancellationRequested) return { status: 'cancelled' };
        if (Date.now() > deadline) {
          ctx.say.error(`Exporting ${title}: the export was not ready after 10 minutes.`);
          return { status: 'failed' };
        }
        report('waiting for the file');
        await sleep(opts.pollMs ?? POLL_MS, token);
        if (token.isCancellationRequested) return { status: 'cancelled' };
        const polled = await access.call((api) => api.reportExportState(state.exportId));
        if (!polled.ok) {
          ctx.say.apiError(`Exporting ${title}`, polled.error, tenant);
          return { status: 'failed' };
        }
        state = polled.value;
      }
      if (state.state === 'failed') {
        ctx.say.error(`Exporting ${title} failed: ${state.message}`);
        return { status: 'failed' };
      }
      report('downloading');
      const url = state.downloadUrl;
      const file = await access.call((api) => api.downloadReportExport(url));
      if (!file.ok) {
        ctx.say.apiError(`Downloading the ${title} export`, file.error, tenant);
        return { status: 'failed' };
      }
      if (token.isCancellationRequested) return { status: 'cancelled' };
      await vscode.workspace.fs.writeFile(target, file.value);
      return { status: 'saved', uri: target, bytes: file.value.byteLength };
    });
    if (outcome.status === 'saved') {
      void vscode.window.showInformationMessage(`Saved the ${title} export to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((c) => {
        if (c === 'Open') void vscode.window.showTextDocument(target);
      });
    } else if (outcome.status === 'cancelled') {
      vscode.window.setStatusBarMessage(`Export of ${title} cancelled`, 3000);
    }
    return outcome;
  };

/** reports/<category>[-blueprint-<name>][-device-<name>]-<date>.csv in the first workspace folder, else a save dialog. */
async function destination(ref: ReportRef): Promise<vscode.Uri | undefined> {
  const parts: string[] = [ref.category];
  if (ref.query.blueprintId) parts.push('blueprint', slug(ref.names.blueprint ?? ref.query.blueprintId));
  if (ref.query.deviceId) parts.push('device', slug(ref.names.device ?? ref.query.deviceId));
  const name = `${parts.join('-')}-${new Date().toISOString().slice(0, 10)}.csv`;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const dir = vscode.Uri.joinPath(folder.uri, 'reports');
    await vscode.workspace.fs.createDirectory(dir);
    return vscode.Uri.joinPath(dir, name);
  }
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(name), filters: { CSV: ['csv'] } });
}

/** A file-name-safe part: lower case letters and digits joined by dashes, at most 40 characters. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'filtered'
  );
}

const sleep = (ms: number, token: vscode.CancellationToken): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
