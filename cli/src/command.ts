// Shared plumbing for the tenant commands: parse or print help, build the tenant from the environment,
// print tables and JSON, turn API errors into one stderr line.
import type { ApiError } from '../../tenant/src/api';
import type { TenantApi } from '../../tenant/src/api/tenantApi';
import { apiMessage } from './failure';
import { helpText, parseArgs, usageLine, type CommandSpec, type ParsedArgs } from './args';
import { ExitCode, type CliIo } from './io';
import { TENANT_ENV_NOTES, tenantFromEnv } from './tenantEnv';

export interface TenantCommand {
  spec: CommandSpec;
  run(args: ParsedArgs, ctx: TenantContext): Promise<number>;
  /** Help lines that depend on the environment (e.g. the vendor's device actions). */
  helpNotes?: (env: CliIo['env']) => string[];
}

export interface TenantContext {
  io: CliIo;
  api: TenantApi;
  /** The variable holding the API URL (KANDJI_API_URL or JUMPCLOUD_API_URL), for hints. */
  urlVariable: string;
}

export function usageError(io: CliIo, spec: CommandSpec, message: string): number {
  io.stderr(`profile-studio ${spec.command}: ${message}\nUsage: ${usageLine(spec)}\nRun \`profile-studio ${spec.command} --help\` for details.\n`);
  return ExitCode.usage;
}

/** Parses, prints help, checks the environment, then runs the command. */
export async function runTenantCommand(command: TenantCommand, argv: readonly string[], io: CliIo): Promise<number> {
  const spec = { ...command.spec, notes: [...(command.spec.notes ?? []), ...(command.helpNotes?.(io.env) ?? []), ...TENANT_ENV_NOTES] };
  const parsed = parseArgs(argv, spec);
  if (parsed.kind === 'help') { io.stdout(helpText(spec)); return ExitCode.ok; }
  if (parsed.kind === 'error') return usageError(io, spec, parsed.message);
  const tenant = tenantFromEnv(io);
  if (!tenant.ok) return usageError(io, spec, tenant.message);
  return command.run(parsed.args, { io, api: tenant.api, urlVariable: tenant.urlVariable });
}

/** One stderr line; a capability the vendor lacks is a usage error (exit 2), anything else a failure (exit 1). */
export function apiFailure(io: CliIo, what: string, error: ApiError, hint?: string): number {
  if (error.kind === 'not-offered') {
    io.stderr(`${what}: ${error.message}\n`);
    return ExitCode.usage;
  }
  io.stderr(`${apiMessage(what, error, hint)}\n`);
  return ExitCode.failed;
}

/**
 * A failed list call. A 404 there cannot be a deleted item: the URL is wrong (most often an extra path such
 * as /api/v1 after the origin), so say which setting to fix rather than "it may have been deleted".
 */
export function listFailure(ctx: TenantContext, what: string, error: ApiError): number {
  const hint = error.kind === 'not-found'
    ? `The tenant has no such endpoint: check that ${ctx.urlVariable} is the API origin only (scheme, host and port, no path after it)`
    : undefined;
  return apiFailure(ctx.io, what, error, hint);
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns; the last column is not padded. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  io.stdout(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

/** Streams every page of a list as one JSON array (one element per line): memory stays at one page. */
export async function streamJsonPages<T>(
  io: CliIo, fetchPage: (cursor?: string) => Promise<{ ok: true; value: { items: T[]; next?: string } } | { ok: false; error: ApiError }>,
): Promise<{ ok: true; count: number } | { ok: false; error: ApiError }> {
  let count = 0;
  let cursor: string | undefined;
  const seen = new Set<string>();
  io.stdout('[');
  try {
    do {
      const page = await fetchPage(cursor);
      if (!page.ok) return page;
      if (page.value.items.length) io.stdout(page.value.items.map((item) => `${count++ ? ',' : ''}\n${JSON.stringify(item)}`).join(''));
      cursor = page.value.next !== undefined && !seen.has(page.value.next) ? page.value.next : undefined;
      if (cursor !== undefined) seen.add(cursor);
    } while (cursor !== undefined);
  } finally {
    io.stdout(count ? '\n]\n' : ']\n');
  }
  return { ok: true, count };
}
