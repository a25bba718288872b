// `profile-studio lint [--format text|json|sarif] [--platform macOS,iOS,...] <file|dir>...`
// Exit 0: no errors. 1: at least one error diagnostic. 2: usage or I/O error (takes precedence).

import { readdir, stat } from 'node:fs/promises';
import { version as packageVersion } from '../../../package.json';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { AllCodeInfo, createLineIndex, createProfileService, type Platform, type Problem, type ProfileService } from '../core';
import { fileSchemaSource, locateSchemasDir } from '../host/schemaSource';
import { readProfileFile } from '../host/readProfile';
import { formatJson } from './output/json';
import { formatSarif } from './output/sarif';
import { formatText } from './output/text';
import type { CliDiagnostic, LintedFile } from './output/types';

/** The part of the CLI io (io.ts) that lint needs. */
export interface LintIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Format = 'text' | 'json' | 'sarif';
const platforms: readonly Platform[] = ['macOS', 'iOS', 'tvOS', 'visionOS', 'watchOS'];

export const lintUsage = `Usage: profile-studio lint [--format text|json|sarif] [--platform macOS,iOS,...] <file|dir>...

Checks configuration profiles (.mobileconfig; signed and binary ones too). Folders are searched
recursively for .mobileconfig files.

  --format     text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --platform   target platforms for support notes: ${platforms.join(', ')} (comma-separated)

Exit status: 0 no errors, 1 errors found, 2 usage or read errors.
`;

interface Args {
  format: Format;
  targets: Platform[];
  paths: string[];
}

function parseArgs(argv: string[]): { ok: true; args: Args } | { ok: false; error: string } | { ok: 'help' } {
  const args: Args = { format: 'text', targets: [], paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--format' || name === '--platform') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
      if (name === '--format') {
        if (value !== 'text' && value !== 'json' && value !== 'sarif') return { ok: false, error: `unknown format "${value}" (text, json or sarif)` };
        args.format = value;
      } else {
        for (const p of value.split(',').map((s) => s.trim()).filter(Boolean)) {
          const match = platforms.find((x) => x.toLowerCase() === p.toLowerCase());
          if (!match) return { ok: false, error: `unknown platform "${p}" (${platforms.join(', ')})` };
          if (!args.targets.includes(match)) args.targets.push(match);
        }
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { ok: false, error: `unknown option ${arg}` };
    args.paths.push(arg);
  }
  if (args.paths.length === 0) return { ok: false, error: 'no files or folders given' };
  return { ok: true, args };
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Expands folders into their .mobileconfig files (sorted); files given by name are kept whatever their extension. */
async function collect(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.mobileconfig')) {
        files.push(path);
      }
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      missing.push(p);
    }
  }
  return { files: [...new Set(files)], missing };
}

const displayPath = (path: string): string => {
  const rel = isAbsolute(path) ? relative(process.cwd(), path) : normalize(path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
};

function toDiagnostics(text: string, problems: Problem[]): CliDiagnostic[] {
  const index = createLineIndex(text);
  return problems.map((p) => {
    const start = index.positionAt(p.offset);
    const end = index.positionAt(p.offset + p.length);
    return {
      line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
      severity: p.severity, code: p.code, message: p.message,
    };
  });
}

async function lintFile(service: ProfileService, path: string, targets: Platform[]): Promise<LintedFile> {
  const file = displayPath(path);
  const read = await readProfileFile(path);
  if (!read.ok) return { file, diagnostics: [], container: 'xml', readError: read.error };
  const content = read.profile;
  const container = content.kind === 'signed-der' || content.kind === 'signed-pem' ? 'signed' : content.kind === 'bplist' ? 'binary' : 'xml';
  const signer = content.signer?.subject.text;
  if (content.problem) {
    const { code, message } = content.problem;
    const diagnostic: CliDiagnostic = { line: 1, column: 1, endLine: 1, endColumn: 1, severity: AllCodeInfo[code]?.severity ?? 'error', code, message };
    return { file, diagnostics: [diagnostic], container, signer };
  }
  const problems = service.validate(content.text, { targetPlatforms: targets });
  return { file, diagnostics: toDiagnostics(content.text, problems), container, signer };
}

export async function runLint(argv: string[], io: LintIo, toolVersion = packageVersion): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') {
    io.stdout(lintUsage);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr(`profile-studio lint: ${parsed.error}\n\n${lintUsage}`);
    return 2;
  }
  const { format, targets, paths } = parsed.args;
  const schemasDir = locateSchemasDir(__dirname);
  if (!schemasDir) {
    io.stderr('profile-studio lint: the schemas folder was not found (set PROFILE_STUDIO_SCHEMAS to its path)\n');
    return 2;
  }
  const service = createProfileService({ schemaSource: fileSchemaSource(schemasDir), parseCacheSize: 1 });
  const { files, missing } = await collect(paths);
  for (const m of missing) io.stderr(`profile-studio lint: ${m}: no such file or folder\n`);
  if (files.length === 0 && missing.length === 0) {
    io.stderr(`profile-studio lint: no .mobileconfig files in ${paths.join(', ')}\n`);
    return 2;
  }
  const results: LintedFile[] = [];
  for (const f of files) results.push(await lintFile(service, f, targets));
  for (const r of results) if (r.readError) io.stderr(`profile-studio lint: ${r.file}: ${r.readError}\n`);

  const output = format === 'json' ? formatJson(results.filter((r) => !r.readError))
    : format === 'sarif' ? formatSarif(results, toolVersion)
    : formatText(results);
  io.stdout(output);

  if (missing.length > 0 || results.some((r) => r.readError)) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
