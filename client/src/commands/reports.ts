// Open Report (the table webview) and Export Report… (the vendor's export: request → poll → download, under a
// cancellable progress notification; the file goes to reports/ in the workspace or where the user says).
import * as vscode from 'vscode';
import { PRISM_CATEGORIES, PRISM_TITLES, type ExportState, type PrismCategory } from '../../../tenant/src/api/fleetApi';
import type { Ctx } from '../ctx';
import { ReportNode } from '../views/nodes/fleetNodes';
import { pickTenant } from './targets';

const POLL_MS = 1_000;
const EXPORT_DEADLINE_MS = 10 * 60_000;

async function reportRefOf(ctx: Ctx, arg: unknown): Promise<{ tenantId: string; category: PrismCategory } | undefined> {
  if (arg instanceof ReportNode) return arg.ref;
  const a = arg as { tenantId?: unknown; category?: unknown } | undefined;
  if (a && typeof a.tenantId === 'string' && typeof a.category === 'string' && (PRISM_CATEGORIES as readonly string[]).includes(a.category)) {
    return { tenantId: a.tenantId, category: a.category as PrismCategory };
  }
  const tenant = await pickTenant(ctx, arg);
  if (!tenant) return undefined;
  const picked = await vscode.window.showQuickPick(
    PRISM_CATEGORIES.map((c) => ({ label: PRISM_TITLES[c], description: c, c })),
    { placeHolder: 'Which report?' },
  );
  return picked ? { tenantId: tenant.id, category: picked.c } : undefined;
}

export const openReport =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<{ tenantId: string; category: PrismCategory } | undefined> => {
    const ref = await reportRefOf(ctx, arg);
    if (!ref) return undefined;
    ctx.reports.show(ref.tenantId, ref.category);
    return ref;
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
    const title = PRISM_TITLES[ref.category];
    const target = opts.out ?? (await destination(ref.category));
    if (!target) return { status: 'cancelled' };
    const access = ctx.access(ref.tenantId);
    const outcome = await ctx.progress(`Exporting ${title}`, async (report, token): Promise<ExportOutcome> => {
      report('asking for the export');
      const requested = await access.call((api) => api.requestReportExport(ref.category));
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

/** reports/<category>-<date>.csv in the first workspace folder, else a save dialog. */
async function destination(category: PrismCategory): Promise<vscode.Uri | undefined> {
  const name = `${category}-${new Date().toISOString().slice(0, 10)}.csv`;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const dir = vscode.Uri.joinPath(folder.uri, 'reports');
    await vscode.workspace.fs.createDirectory(dir);
    return vscode.Uri.joinPath(dir, name);
  }
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(name), filters: { CSV: ['csv'] } });
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
