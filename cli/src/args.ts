// Command specs and the one argument parser every command uses: --flag, --name value, --name=value,
// repeatable options, `--` ends options, --help/-h everywhere. Usage errors are values; callers exit 2.
import { parseArgs as nodeParseArgs } from 'node:util';
import { closestMatch } from '../../server/src/core';

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
  /** The last positional may take any number of values (e.g. lint's files). */
  variadic?: boolean;
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

/** Every command's argument parser: Node's util.parseArgs (strict), with our option kinds and messages. */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParseResult {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const o of spec.options) options[o.name] = o.kind === 'flag' ? { type: 'boolean' } : { type: 'string', multiple: o.kind !== 'value' };
  const beforeEnd = argv.indexOf('--') >= 0 ? argv.slice(0, argv.indexOf('--')) : argv;
  if (beforeEnd.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    return { kind: 'error', message: parseErrorMessage(error, ['help', ...spec.options.map((o) => o.name)]) };
  }
  const args: ParsedArgs = { positionals: [...parsed.positionals], flags: new Set(), values: new Map(), lists: new Map() };
  for (const o of spec.options) {
    const value = parsed.values[o.name];
    if (value === undefined) continue;
    if (o.kind === 'flag') args.flags.add(o.name);
    else if (o.kind === 'value') args.values.set(o.name, String(Array.isArray(value) ? value.at(-1) : value));
    else {
      const given = (Array.isArray(value) ? value : [value]).map(String);
      args.lists.set(o.name, o.kind === 'repeat' ? given : given.flatMap((v) => v.split(',').map((x) => x.trim()).filter(Boolean)));
    }
  }
  const required = spec.positionals.filter((p) => p.required).length;
  if (args.positionals.length < required) {
    return { kind: 'error', message: `missing ${spec.positionals.slice(args.positionals.length).filter((p) => p.required).map((p) => `<${p.name}>`).join(' ')}` };
  }
  const last = spec.positionals.at(-1);
  if (!last?.variadic && args.positionals.length > spec.positionals.length) {
    return { kind: 'error', message: `unexpected argument ${JSON.stringify(args.positionals[spec.positionals.length])}` };
  }
  return { kind: 'ok', args };
}

/** util.parseArgs explains in its own words; ours name the option and what is wrong with it. */
function parseErrorMessage(error: unknown, known: string[]): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(?:-\w, )?(--?[^' <]+)/.exec(message ?? '')?.[1] ?? 'an option';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const match = option.startsWith('--') ? closestMatch(option.slice(2), known) : undefined;
      return `unknown option ${option}${match ? `; did you mean --${match}?` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message ?? '') ? `${option} takes no value` : `${option} needs a value`;
    default: return message ?? 'the arguments could not be read';
  }
}

export function usageLine(spec: CommandSpec): string {
  const pos = spec.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`) + (p.variadic ? '...' : ''));
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
