// A small argument parser: --flag, --name value, --name=value, repeatable options, `--` ends options, and
// --help/-h everywhere. Usage errors are values; the caller prints them and exits 2.

export interface OptionSpec {
  name: string;
  /** flag: no value; value: one value (last wins); list: repeatable and comma-separable; repeat: repeatable, taken whole. */
  kind: 'flag' | 'value' | 'list' | 'repeat';
  /** Placeholder in the usage line, e.g. NAME. */
  meta?: string;
  help: string;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  help?: string;
}

export interface CommandSpec {
  /** Full command words, e.g. "profiles push". */
  command: string;
  summary: string;
  positionals: PositionalSpec[];
  options: OptionSpec[];
  /** Extra lines after the options (environment, examples). */
  notes?: string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
}

export type ParseResult = { kind: 'ok'; args: ParsedArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParseResult {
  const args: ParsedArgs = { positionals: [], flags: new Set(), values: new Map(), lists: new Map() };
  const byName = new Map(spec.options.map((o) => [o.name, o]));
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') { args.positionals.push(arg); continue; }
    if (arg === '--') { onlyPositionals = true; continue; }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('--')) return { kind: 'error', message: `unknown option ${arg}` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const option = byName.get(name);
    if (!option) return { kind: 'error', message: `unknown option --${name}` };
    if (option.kind === 'flag') {
      if (eq >= 0) return { kind: 'error', message: `--${name} takes no value` };
      args.flags.add(name);
      continue;
    }
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : argv[i + 1];
    if (eq < 0) {
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return { kind: 'error', message: `--${name} needs a value` };
      i++;
    }
    value ??= '';
    if (option.kind === 'value') args.values.set(name, value);
    else if (option.kind === 'repeat') args.lists.set(name, [...(args.lists.get(name) ?? []), value]);
    else args.lists.set(name, [...(args.lists.get(name) ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)]);
  }
  const required = spec.positionals.filter((p) => p.required).length;
  if (args.positionals.length < required) {
    return { kind: 'error', message: `missing ${spec.positionals.slice(args.positionals.length).filter((p) => p.required).map((p) => `<${p.name}>`).join(' ')}` };
  }
  if (args.positionals.length > spec.positionals.length) {
    return { kind: 'error', message: `unexpected argument ${JSON.stringify(args.positionals[spec.positionals.length])}` };
  }
  return { kind: 'ok', args };
}

export function usageLine(spec: CommandSpec): string {
  const pos = spec.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`));
  const opts = spec.options.map((o) => (o.kind === 'flag' ? `[--${o.name}]` : `[--${o.name} ${o.meta ?? 'VALUE'}${o.kind === 'repeat' ? ' ...' : ''}]`));
  return `profile-studio ${spec.command} ${[...pos, ...opts].join(' ')}`.trimEnd();
}

export function helpText(spec: CommandSpec): string {
  const lines = [`Usage: ${usageLine(spec)}`, '', spec.summary];
  const described = spec.positionals.filter((p) => p.help);
  if (described.length > 0) lines.push('', 'Arguments:', ...described.map((p) => `  ${p.name.padEnd(22)} ${p.help}`));
  if (spec.options.length > 0) {
    const label = (o: OptionSpec) => (o.kind === 'flag' ? `--${o.name}` : `--${o.name} ${o.meta ?? 'VALUE'}`);
    const width = Math.max(22, ...spec.options.map((o) => label(o).length));
    lines.push('', 'Options:');
    for (const o of spec.options) lines.push(`  ${label(o).padEnd(width)} ${o.help}`);
    lines.push(`  ${'--help'.padEnd(width)} show this help`);
  }
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}
