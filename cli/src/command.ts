// Shared plumbing for the tenant commands: parse or print help, build the tenant from the environment,
// print tables and JSON, turn API errors into one stderr line.
import { formatApiError, type ApiError } from '../../tenant/src/api';
import type { TenantApi } from '../../tenant/src/api/tenantApi';
import { helpText, parseArgs, usageLine, type CommandSpec, type ParsedArgs } from './args';
import { ExitCode, type CliIo } from './io';
import { TENANT_ENV_NOTES, tenantFromEnv } from './tenantEnv';

export interface TenantCommand {
  spec: CommandSpec;
  run(args: ParsedArgs, ctx: TenantContext): Promise<number>;
}

export interface TenantContext {
  io: CliIo;
  api: TenantApi;
}

export function usageError(io: CliIo, spec: CommandSpec, message: string): number {
  io.stderr(`profile-studio ${spec.command}: ${message}\nUsage: ${usageLine(spec)}\nRun \`profile-studio ${spec.command} --help\` for details.\n`);
  return ExitCode.usage;
}

/** Parses, prints help, checks the environment, then runs the command. */
export async function runTenantCommand(command: TenantCommand, argv: readonly string[], io: CliIo): Promise<number> {
  const spec = { ...command.spec, notes: [...(command.spec.notes ?? []), ...TENANT_ENV_NOTES] };
  const parsed = parseArgs(argv, spec);
  if (parsed.kind === 'help') { io.stdout(helpText(spec)); return ExitCode.ok; }
  if (parsed.kind === 'error') return usageError(io, spec, parsed.message);
  const tenant = tenantFromEnv(io);
  if (!tenant.ok) return usageError(io, spec, tenant.message);
  return command.run(parsed.args, { io, api: tenant.api });
}

export function apiFailure(io: CliIo, what: string, error: ApiError): number {
  io.stderr(`${what} failed: ${formatApiError(error)}\n`);
  return ExitCode.failed;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns; the last column is not padded. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  io.stdout(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}
