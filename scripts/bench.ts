// `npm run bench`: parse/validate timings, LSP edit->diagnostics latency against a no-op server on the
// same library and transport, completion latency, server peak RSS and a long fuzz run. Prints tables;
// never fails on a number (targets are shown beside the figures).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList } from 'vscode-languageserver/node';
import { createProfileService } from '../server/src/core';
import { fileSchemaSource, locateSchemasDir } from '../server/src/host/schemaSource';
import { syntheticProfile } from './bench/synthetic';
import { editAt, open, startBenchServer, type BenchServer } from './bench/lspClient';
import { fuzz } from './bench/fuzz';

const root = join(__dirname, '..');
const sizes = [
  { name: '5 KB', bytes: 5_000, runs: 40, edits: 60 },
  { name: '1 MB', bytes: 1_000_000, runs: 6, edits: 25 },
  { name: '10 MB', bytes: 10_000_000, runs: 2, edits: 6 },
];

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : 'n/a');

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const schemasDir = locateSchemasDir(join(root, 'server', 'out')) ?? join(root, 'schemas');
  const service = createProfileService({ schemaSource: fileSchemaSource(schemasDir) });
  const texts = new Map(sizes.map((s) => [s.name, syntheticProfile(s.bytes)]));
  console.log(`Profile Studio bench (node ${process.version}, ${new Date().toISOString()}); synthetic profiles: ${sizes.map((s) => `${s.name} = ${texts.get(s.name)!.length} chars`).join(', ')}`);

  // 1. Core: parse and validate (validation on an already parsed document).
  const coreRows: string[][] = [];
  for (const s of sizes) {
    const text = texts.get(s.name)!;
    const parse: number[] = [];
    const validate: number[] = [];
    let problems = 0;
    for (let i = 0; i < s.runs; i++) {
      const fresh = text + ' '.repeat(i + 1); // a new text each run: no parse-cache hit
      const a = performance.now();
      const doc = service.parse(fresh);
      const b = performance.now();
      problems = service.validate(doc).length;
      validate.push(performance.now() - b);
      parse.push(b - a);
    }
    coreRows.push([s.name, ms(pct(parse, 50)), ms(pct(parse, 95)), ms(pct(validate, 50)), ms(pct(validate, 95)), String(problems), String(s.runs)]);
  }
  table('Core (in process)', ['size', 'parse p50', 'parse p95', 'validate p50', 'validate p95', 'problems', 'runs'], coreRows);

  // 2. LSP over stdio: our bundled server against a no-op server built the same way.
  const serverJs = join(root, 'server', 'out', 'server.js');
  if (!existsSync(serverJs)) execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), 'ps-bench-'));
  const noopJs = join(tmp, 'noopServer.js');
  await esbuild.build({ entryPoints: [join(__dirname, 'bench', 'noopServer.ts')], outfile: noopJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const env = { ...process.env, PROFILE_STUDIO_SCHEMAS: schemasDir };

  const latency = async (server: BenchServer, name: string, text: string, edits: number, where: 'payload' | 'root' = 'payload'): Promise<number[]> => {
    const uri = `file:///bench/${name.replace(' ', '')}-${where}.mobileconfig`;
    await open(server, uri, text);
    const doc = TextDocument.create(uri, 'mobileconfig', 1, text);
    // Type over the "P" of a display name near the middle, or (root) over the indentation before one of the
    // profile's own keys, an edit between root entries that takes the full-parse path. Either way the document
    // stays a valid profile.
    const mid = where === 'payload' ? text.indexOf('<string>Payload ', Math.floor(text.length / 2)) + '<string>'.length : text.lastIndexOf('\t<key>PayloadDisplayName</key>');
    const at = doc.positionAt(mid);
    const times: number[] = [];
    const [a, b] = where === 'payload' ? ['Q', 'P'] : [' ', '\t'];
    for (let v = 2; v < edits + 2; v++) times.push(await editAt(server, uri, v, at, v % 2 === 0 ? a : b));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return times;
  };

  const ours = await startBenchServer(serverJs, env);
  const noop = await startBenchServer(noopJs, env);
  const lspRows: string[][] = [];
  let completion: number[] = [];
  let rootRow: string[] | undefined;
  for (const s of sizes) {
    const text = texts.get(s.name)!;
    const a = await latency(ours, s.name, text, s.edits);
    const b = await latency(noop, s.name, text, s.edits);
    const ratio = pct(a, 50) / pct(b, 50);
    const target = s.name === '10 MB' ? `p50 <= 300 ms: ${pct(a, 50) <= 300 ? 'met' : 'NOT met'}` : `ratio <= 2: ${ratio <= 2 ? 'met' : 'NOT met'}`;
    lspRows.push([s.name, ms(pct(a, 50)), ms(pct(a, 95)), ms(pct(b, 50)), ms(pct(b, 95)), ratio.toFixed(2), target]);
    if (s.name === '1 MB') {
      completion = await completionLatency(ours, text);
      const c = await latency(ours, s.name, text, 8, 'root');
      const d = await latency(noop, s.name, text, 8, 'root');
      rootRow = ['1 MB, edit between root keys (full reparse)', ms(pct(c, 50)), ms(pct(c, 95)), ms(pct(d, 50)), ms(pct(d, 95)), (pct(c, 50) / pct(d, 50)).toFixed(2), 'not a target: shows the fallback'];
    }
  }
  if (rootRow) lspRows.push(rootRow);
  table('LSP edit -> publishDiagnostics over stdio (incremental one-character edits)', ['size', 'ours p50', 'ours p95', 'no-op p50', 'no-op p95', 'ratio p50', 'target'], lspRows);
  table('Completion over stdio, 1 MB document', ['requests', 'p50', 'p95', 'target'], [[String(completion.length), ms(pct(completion, 50)), ms(pct(completion, 95)), `p50 <= 5 ms: ${pct(completion, 50) <= 5 ? 'met' : 'NOT met'}`]]);
  const rss = ours.peakRssMb();
  const noopRss = noop.peakRssMb();
  await ours.stop();
  await noop.stop();
  rmSync(tmp, { recursive: true, force: true });
  table('Server peak RSS (VmHWM, after the 10 MB runs)', ['server', 'peak RSS', 'target'], [
    ['ours', rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`, `<= 400 MB: ${rss !== undefined && rss <= 400 ? 'met' : 'NOT met'}`],
    ['no-op', noopRss === undefined ? 'n/a' : `${noopRss.toFixed(0)} MB`, ''],
  ]);

  // 3. Fuzz: fixtures and a small synthetic profile, mutated.
  const fixtures = join(root, 'test', 'fixtures', 'profiles');
  const bases = [texts.get('5 KB')!];
  for (const dir of ['valid', 'invalid']) {
    const d = join(fixtures, dir);
    if (existsSync(d)) for (const f of readdirSync(d)) if (f.endsWith('.mobileconfig')) bases.push(readFileSync(join(d, f), 'utf8'));
  }
  const seed = Number(process.env.BENCH_SEED ?? 20260401);
  const f = fuzz(service, bases, seed, 45_000, 200_000);
  table(`Fuzz (seed ${seed}, ${bases.length} base profiles)`, ['cases', 'seconds', 'slowest case', 'failures'], [[String(f.cases), f.seconds.toFixed(1), ms(f.slowest), String(f.failures.length)]]);
  for (const failure of f.failures.slice(0, 10)) console.log(`  ${failure}`);
  console.log(`\nbench finished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** Completion between two entries of a payload in the middle of the document, repeated. */
async function completionLatency(server: BenchServer, text: string): Promise<number[]> {
  const uri = 'file:///bench/completion.mobileconfig';
  await open(server, uri, text);
  const doc = TextDocument.create(uri, 'mobileconfig', 1, text);
  const at = doc.positionAt(text.indexOf('\n', text.indexOf('<key>PayloadVersion</key>', Math.floor(text.length / 2))));
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const a = performance.now();
    const list = await server.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at });
    times.push(performance.now() - a);
    if (i === 0 && !(list?.items?.length > 0)) console.log('warning: completion returned no items');
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return times;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
