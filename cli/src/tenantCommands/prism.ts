// profile-studio prism <category> | prism count <category> | prism export <category> --out FILE
// Rows keep the vendor's field names (they are the vendor's records); pages are streamed, never all held.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PRISM_CATEGORIES, PRISM_TITLES, type PrismCategory, type ReportQuery, type VendorRecord } from '../../../tenant/src/api/fleetApi';
import { apiFailure, printJson, streamJsonPages, usageError, type TenantCommand } from '../command';
import { ExitCode, progressReporter, type CliIo } from '../io';
import { fileProblem } from '../failure';
import type { ParsedArgs } from '../args';

const filters = [
  { name: 'blueprint', kind: 'value' as const, meta: 'ID', help: 'only devices in this blueprint' },
  { name: 'device', kind: 'value' as const, meta: 'ID', help: 'only this device' },
];

function queryOf(args: ParsedArgs): ReportQuery {
  const b = args.values.get('blueprint');
  const d = args.values.get('device');
  return { ...(b ? { blueprintId: b } : {}), ...(d ? { deviceId: d } : {}) };
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Columns come from the first page; a later row's extra fields are dropped, missing ones left empty. */
function printRows(io: CliIo, rows: VendorRecord[], columns: string[], csv: boolean): void {
  if (csv) io.stdout(rows.map((r) => `${columns.map((c) => csvCell(r[c])).join(',')}\n`).join(''));
  else io.stdout(rows.map((r) => `${columns.map((c) => csvCell(r[c])).join('\t')}\n`).join(''));
}

function categoryCommand(category: PrismCategory): TenantCommand {
  return {
    spec: {
      command: `prism ${category}`, summary: `Prism report: ${PRISM_TITLES[category]}, every page (vendor field names).`, positionals: [],
      options: [...filters, { name: 'json', kind: 'flag', help: 'a JSON array of the rows, streamed' }, { name: 'csv', kind: 'flag', help: 'CSV with a header row' }],
    },
    async run(args, { io, api }) {
      if (args.flags.has('json') && args.flags.has('csv')) return usageError(io, this.spec, '--json and --csv exclude each other');
      const query = queryOf(args);
      if (args.flags.has('json')) {
        const r = await streamJsonPages(io, (c) => api.reportPage(category, query, c));
        return r.ok ? ExitCode.ok : apiFailure(io, `Reading the ${category} report`, r.error);
      }
      const csv = args.flags.has('csv');
      const progress = progressReporter(io);
      let columns: string[] | undefined;
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = await api.reportPage(category, query, cursor);
        if (!page.ok) { progress.done(); return apiFailure(io, `Reading the ${category} report`, page.error); }
        if (!columns) {
          columns = Object.keys(page.value.items[0] ?? {});
          if (columns.length) io.stdout(`${columns.join(csv ? ',' : '\t')}\n`);
        }
        printRows(io, page.value.items, columns, csv);
        count += page.value.items.length;
        progress.update(`${category}: ${count}${page.value.total !== undefined ? ` of ${page.value.total}` : ''} rows`);
        cursor = page.value.next;
      } while (cursor !== undefined);
      progress.done();
      if (count === 0 && !csv) io.stderr(`No ${category} rows.\n`);
      return ExitCode.ok;
    },
  };
}

export const prismCategoryCommands: TenantCommand[] = PRISM_CATEGORIES.map(categoryCommand);

const categoryArg = (io: CliIo, spec: TenantCommand['spec'], text: string): PrismCategory | number => {
  const c = PRISM_CATEGORIES.find((x) => x === text);
  return c ?? usageError(io, spec, `unknown Prism category "${text}"; one of ${PRISM_CATEGORIES.join(', ')}`);
};

export const prismCount: TenantCommand = {
  spec: { command: 'prism count', summary: 'The number of rows in a Prism category.', positionals: [{ name: 'category', required: true }], options: [...filters, { name: 'json', kind: 'flag', help: 'print JSON {category, count}' }] },
  async run(args, { io, api }) {
    const category = categoryArg(io, this.spec, args.positionals[0]!);
    if (typeof category === 'number') return category;
    const r = await api.reportCount(category, queryOf(args));
    if (!r.ok) return apiFailure(io, `Counting the ${category} report`, r.error);
    if (args.flags.has('json')) printJson(io, { category, count: r.value });
    else io.stdout(`${r.value}\n`);
    return ExitCode.ok;
  },
};

export const prismExport: TenantCommand = {
  spec: {
    command: 'prism export', summary: 'Export a Prism category to a CSV file: request, poll until ready, download.',
    positionals: [{ name: 'category', required: true }],
    options: [...filters, { name: 'out', kind: 'value', meta: 'FILE', help: 'where to write the CSV (required)' }, { name: 'timeout', kind: 'value', meta: 'SECONDS', help: 'give up polling after this long (default 300)' }],
  },
  async run(args, { io, api }) {
    const category = categoryArg(io, this.spec, args.positionals[0]!);
    if (typeof category === 'number') return category;
    const out = args.values.get('out');
    if (!out) return usageError(io, this.spec, '--out FILE is required');
    const timeoutText = args.values.get('timeout') ?? '300';
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1) return usageError(io, this.spec, `--timeout must be a positive number of seconds, not "${timeoutText}"`);
    const deadline = Date.now() + Number(timeoutText) * 1000;
    const progress = progressReporter(io);
    let state = await api.requestReportExport(category, queryOf(args));
    for (let wait = 500; state.ok && state.value.state === 'pending'; wait = Math.min(wait * 2, 5000)) {
      if (Date.now() > deadline) { progress.done(); io.stderr(`Exporting ${category} failed: not ready after ${timeoutText} s (export ${state.value.exportId})\n`); return ExitCode.failed; }
      progress.update(`${category}: export pending…`);
      await new Promise((r) => setTimeout(r, wait));
      state = await api.reportExportState(state.value.exportId);
    }
    progress.done();
    if (!state.ok) return apiFailure(io, `Exporting ${category}`, state.error);
    if (state.value.state === 'failed') { io.stderr(`Exporting ${category} failed: ${state.value.message}\n`); return ExitCode.failed; }
    if (state.value.state !== 'ready') return ExitCode.failed;
    const bytes = await api.downloadReportExport(state.value.downloadUrl);
    if (!bytes.ok) return apiFailure(io, `Downloading the ${category} export`, bytes.error);
    try {
      await writeFile(resolve(io.cwd, out), bytes.value);
    } catch (error) {
      io.stderr(`profile-studio prism export: cannot write ${out}: ${fileProblem(error)}\n`);
      return ExitCode.usage;
    }
    io.stdout(`Wrote ${out} (${bytes.value.length} bytes)\n`);
    return ExitCode.ok;
  },
};
