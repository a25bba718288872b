// `profile-studio lint [--format text|json|sarif] [--platform macOS,iOS,...] [--manifests DIR ...] <file|dir>...`
// Exit 0: no errors. 1: at least one error diagnostic. 2: usage or I/O error (takes precedence).

import { readdir, stat } from 'node:fs/promises';
import { version as packageVersion } from '../../package.json';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { AllCodeInfo, createLineIndex, createProfileService, PLATFORMS, type Platform, type Problem, type ProfileService } from '../../server/src/core';
import { helpText, parseArgs, type CommandSpec, type ParsedArgs } from './args';
import { fileSchemaSource, locateSchemasDir } from '../../server/src/host/schemaSource';
import { readProfileFile } from '../../server/src/host/readProfile';
import { manifestFolderSource } from '../../server/src/host/manifestSource';
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
const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

export const lintSpec: CommandSpec = {
  command: 'lint',
  summary: 'Checks configuration profiles (.mobileconfig; signed and binary ones too). Folders are searched recursively for .mobileconfig files.',
  positionals: [{ name: 'file|dir', required: true, variadic: true }],
  options: [
    { name: 'format', kind: 'value', meta: 'text|json|sarif', help: 'text (default), json, or sarif (SARIF 2.1.0 for code scanning)' },
    { name: 'platform', kind: 'list', meta: 'macOS,iOS,...', help: `target platforms for support notes: ${PLATFORMS.join(', ')}` },
    { name: 'manifests', kind: 'repeat', meta: 'DIR', help: 'a folder of preference manifests (ProfileManifests format), searched recursively; repeatable' },
  ],
  notes: ['Exit status: 0 no errors, 1 errors found, 2 usage or read errors.'],
};

interface Args {
  format: Format;
  targets: Platform[];
  paths: string[];
  manifests: string[];
}

function lintArgs(args: ParsedArgs): { ok: true; args: Args } | { ok: false; error: string } {
  const format = args.values.get('format') ?? 'text';
  if (!FORMATS.includes(format as Format)) return { ok: false, error: `unknown format "${format}" (text, json or sarif)` };
  const targets: Platform[] = [];
  for (const p of args.lists.get('platform') ?? []) {
    const match = PLATFORMS.find((x) => x.toLowerCase() === p.toLowerCase());
    if (!match) return { ok: false, error: `unknown platform "${p}" (${PLATFORMS.join(', ')})` };
    if (!targets.includes(match)) targets.push(match);
  }
  return { ok: true, args: { format: format as Format, targets, paths: args.positionals, manifests: args.lists.get('manifests') ?? [] } };
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

const isFolder = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
};

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
  const parsed = parseArgs(argv, lintSpec);
  if (parsed.kind === 'help') {
    io.stdout(helpText(lintSpec));
    return 0;
  }
  const checked = parsed.kind === 'ok' ? lintArgs(parsed.args) : { ok: false as const, error: parsed.message };
  if (!checked.ok) {
    io.stderr(`profile-studio lint: ${checked.error}\n\n${helpText(lintSpec)}`);
    return 2;
  }
  const { format, targets, paths, manifests } = checked.args;
  const schemasDir = locateSchemasDir(__dirname);
  if (!schemasDir) {
    io.stderr('profile-studio lint: the schemas folder was not found (set PROFILE_STUDIO_SCHEMAS to its path)\n');
    return 2;
  }
  for (const dir of manifests) {
    if (!(await isFolder(dir))) {
      io.stderr(`profile-studio lint: --manifests ${dir}: no such folder\n`);
      return 2;
    }
  }
  const manifestSource = manifests.length > 0 ? manifestFolderSource(manifests, (m) => io.stderr(`profile-studio lint: ${m}\n`)) : undefined;
  const service = createProfileService({ schemaSource: fileSchemaSource(schemasDir), manifests: manifestSource, parseCacheSize: 1 });
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
