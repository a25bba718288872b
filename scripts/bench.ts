// `npm run bench`: what a user gets (the bundled server over stdio, default settings, a client that pulls
// diagnostics after each change, as VS Code's does) against a no-op server on the same library and
// transport, and the engine alone (in process). Every timed edit flips the profile between valid and
// invalid, and the bench checks that the diagnostics it got say so. Prints tables with the machine's
// load beside the figures; fails (exit 1) only when diagnostics are wrong, never on a number.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { createProfileService, type ProfileService, type TextChange } from '../server/src/core';
import { fileSchemaSource, locateSchemasDir } from '../server/src/host/schemaSource';
import { syntheticProfile } from './bench/synthetic';
import { close, complete, editThenComplete, editThenPull, open, startBenchServer, type BenchServer } from './bench/lspClient';
import { fuzz } from './bench/fuzz';
import { fleetBench } from './bench/fleet';

const root = join(__dirname, '..');
// `warmup` edits run untimed first: the rows measure a server in its steady state, as after a few minutes
// of typing. At 5 KB an edit costs well under a millisecond and both servers keep getting faster for about
// a thousand edits while V8 optimises the code they run (ours: 0.6 ms after 200 edits, 0.25 ms after
// 1000), so that size warms up longest; the first edits after start are printed apart. At 1 MB and 10 MB
// one edit outweighs compilation.
const sizes = [
  { name: '5 KB', bytes: 5_000, runs: 30, edits: 200, warmup: 1000 },
  { name: '1 MB', bytes: 1_000_000, runs: 5, edits: 20, warmup: 2 },
  { name: '10 MB', bytes: 10_000_000, runs: 2, edits: 8, warmup: 2 },
];
type Size = (typeof sizes)[number];
type Where = 'inside a payload' | 'between root keys' | 'multi-cursor (3 changes)';
const places: Where[] = ['inside a payload', 'between root keys', 'multi-cursor (3 changes)'];

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : 'n/a');
const load = () => loadavg()[0]!.toFixed(2);
const failures: string[] = [];

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/** The two texts an edit location flips between, as changes in offsets (applied in order) and codes expected when invalid. */
interface Flip {
  toInvalid: TextChange[];
  toValid: TextChange[];
  invalidCodes: string[];
}

function flipFor(text: string, where: Where): Flip {
  const digitAt = (from: number) => text.indexOf('<string>WPA2</string>', from) + '<string>WPA'.length;
  if (where === 'inside a payload') {
    const at = digitAt(Math.floor(text.length / 2));
    return { toInvalid: [{ offset: at, length: 1, text: '7' }], toValid: [{ offset: at, length: 1, text: '2' }], invalidCodes: ['value.not-allowed'] };
  }
  if (where === 'between root keys') {
    const gap = text.lastIndexOf('\n\t<key>PayloadDisplayName</key>') + 1;
    return { toInvalid: [{ offset: gap, length: 0, text: 'x' }], toValid: [{ offset: gap, length: 1, text: '' }], invalidCodes: ['xml.unexpected-text'] };
  }
  // Three cursors on three different payloads spread over the text, sent bottom-up as editors do (each
  // change leaves the earlier offsets alone).
  const all: number[] = [];
  for (let i = digitAt(0); i >= 'WPA'.length + 8; i = digitAt(i + 1)) all.push(i);
  const at = [all[Math.floor(all.length / 4)]!, all[Math.floor(all.length / 2)]!, all[Math.floor((all.length * 3) / 4)]!].reverse();
  return { toInvalid: at.map((offset) => ({ offset, length: 1, text: '7' })), toValid: at.map((offset) => ({ offset, length: 1, text: '2' })), invalidCodes: ['value.not-allowed', 'value.not-allowed', 'value.not-allowed'] };
}

/** Converts offset changes to LSP ranges, each against the text the previous one produced; returns the new text. */
function toEvents(text: string, changes: TextChange[]): { events: TextDocumentContentChangeEvent[]; text: string } {
  const events: TextDocumentContentChangeEvent[] = [];
  for (const c of changes) {
    const doc = TextDocument.create('file:///x', 'x', 0, text);
    events.push({ range: { start: doc.positionAt(c.offset), end: doc.positionAt(c.offset + c.length) }, text: c.text });
    text = text.slice(0, c.offset) + c.text + text.slice(c.offset + c.length);
  }
  return { events, text };
}

function check(label: string, got: string[], want: string[]): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: diagnostics ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

interface Timings {
  ours: number[];
  noop: number[];
  /** The untimed warm-up edits, in order. */
  warmupOurs: number[];
  warmupNoop: number[];
}

/**
 * Runs edit `i` on our server and on the no-op one in turn (which goes first alternates), so that both
 * see the same machine; `warmup` edits are not timed.
 */
async function inTurn(ours: BenchServer, noop: BenchServer, { edits, warmup }: Size, run: (server: BenchServer, i: number) => Promise<number>): Promise<Timings> {
  const times: Timings = { ours: [], noop: [], warmupOurs: [], warmupNoop: [] };
  for (let i = 0; i < edits + warmup; i++) {
    const first = i % 2 === 0 ? ours : noop;
    const a = await run(first, i);
    const b = await run(first === ours ? noop : ours, i);
    (i < warmup ? times.warmupOurs : times.ours).push(first === ours ? a : b);
    (i < warmup ? times.warmupNoop : times.noop).push(first === ours ? b : a);
  }
  return times;
}

/** Timed flips over the protocol; our server's answers are checked against the expected codes. */
async function lspFlips(ours: BenchServer, noop: BenchServer, size: Size, text: string, where: Where): Promise<Timings> {
  const uri = `file:///bench/${size.name.replace(' ', '')}-${where.split(' ')[0]}.mobileconfig`;
  check(`${size.name} open`, (await open(ours, uri, text)).map((d) => String(d.code)), []);
  await open(noop, uri, text);
  const flip = flipFor(text, where);
  const { events: breaking, text: invalidText } = toEvents(text, flip.toInvalid);
  const { events: mending } = toEvents(invalidText, flip.toValid);
  const times = await inTurn(ours, noop, size, async (server, i) => {
    const invalid = i % 2 === 0;
    const { ms: t, items } = await editThenPull(server, uri, i + 2, invalid ? breaking : mending);
    if (server === ours) check(`${size.name} ${where} edit ${i + 1}`, items.map((d) => String(d.code)), invalid ? flip.invalidCodes : []);
    return t;
  });
  await close(ours, uri);
  await close(noop, uri);
  return times;
}

/** The engine alone: apply the same flips in process and validate, per edit. */
function engineFlips(service: ProfileService, { name: size, edits, warmup }: Size, text: string, where: Where): number[] {
  const flip = flipFor(text, where);
  let current = text;
  let doc = service.parseOwned(text);
  service.validate(doc);
  const times: number[] = [];
  for (let i = 0; i < edits + warmup; i++) {
    const invalid = i % 2 === 0;
    const a = performance.now();
    for (const c of invalid ? flip.toInvalid : flip.toValid) {
      current = current.slice(0, c.offset) + c.text + current.slice(c.offset + c.length);
      doc = service.applyChange(doc, c, current);
    }
    const problems = service.validate(doc);
    if (i >= warmup) times.push(performance.now() - a);
    check(`engine ${size} ${where} edit ${i + 1}`, problems.map((p) => p.code), invalid ? flip.invalidCodes : []);
  }
  return times;
}

/** Typing with completion: the flip inside a payload plus a completion request right after it. */
async function completionFlips(ours: BenchServer, noop: BenchServer, size: Size, text: string): Promise<Timings> {
  const uri = `file:///bench/${size.name.replace(' ', '')}-completion.mobileconfig`;
  await open(ours, uri, text);
  await open(noop, uri, text);
  const flip = flipFor(text, 'inside a payload');
  const { events: breaking, text: invalidText } = toEvents(text, flip.toInvalid);
  const { events: mending } = toEvents(invalidText, flip.toValid);
  // Right after the edited character; the flip keeps every line's length, so one position fits both texts.
  const at = TextDocument.create(uri, 'x', 0, text).positionAt(flip.toInvalid[0]!.offset + 1);
  const times = await inTurn(ours, noop, size, async (server, i) => (await editThenComplete(server, uri, i + 2, i % 2 === 0 ? breaking : mending, at)).ms);
  await close(ours, uri);
  await close(noop, uri);
  return times;
}

/** The fleet section (100,000 simulated devices); `npm run bench -- --fleet` runs it alone. */
async function fleetSection(): Promise<void> {
  const devices = Number(process.env.BENCH_DEVICES ?? 100_000);
  const fleet = await fleetBench(root, devices);
  table(`Fleet at ${devices.toLocaleString('en-US')} simulated devices (loopback; simulator in this process, CLI spawned; load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')})`, ['vendor', 'what', 'figure', 'target'], fleet.rows);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (process.argv.includes('--fleet')) {
    await fleetSection();
    return;
  }
  const schemasDir = locateSchemasDir(join(root, 'server', 'out')) ?? join(root, 'schemas');
  const service = createProfileService({ schemaSource: fileSchemaSource(schemasDir) });
  const texts = new Map(sizes.map((s) => [s.name, syntheticProfile(s.bytes)]));
  console.log(`Profile Studio bench (node ${process.version}, ${new Date().toISOString()}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')})`);
  console.log(`synthetic profiles: ${sizes.map((s) => `${s.name} = ${texts.get(s.name)!.length} chars`).join(', ')}`);

  const only = process.argv.includes('--lsp');
  if (!only) engineSections(service, texts);
  await lspSection(schemasDir, texts);
  if (only) return;
  fuzzSection(service, texts);
  await fleetSection();

  console.log(`\nload average at the end ${loadavg().map((l) => l.toFixed(2)).join(' / ')}; bench finished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

function engineSections(service: ProfileService, texts: Map<string, string>): void {
  // 1. Core: parse and validate a whole text (validation on an already parsed document).
  const coreRows: string[][] = [];
  for (const s of sizes) {
    const text = texts.get(s.name)!;
    const parse: number[] = [];
    const validate: number[] = [];
    for (let i = 0; i < s.runs; i++) {
      const a = performance.now();
      const doc = service.parseOwned(text);
      const b = performance.now();
      service.validate(doc);
      validate.push(performance.now() - b);
      parse.push(b - a);
    }
    coreRows.push([s.name, ms(pct(parse, 50)), ms(pct(parse, 95)), ms(pct(validate, 50)), ms(pct(validate, 95)), String(s.runs), load()]);
  }
  table('Core, whole document (in process)', ['size', 'parse p50', 'parse p95', 'validate p50', 'validate p95', 'runs', 'load'], coreRows);

  // 2. The engine alone on each edit (incremental parse + validation, in process).
  const engineRows: string[][] = [];
  for (const s of sizes) {
    for (const where of places) {
      const t = engineFlips(service, s, texts.get(s.name)!, where);
      engineRows.push([s.name, where, ms(pct(t, 50)), ms(pct(t, 95)), String(t.length), load()]);
    }
  }
  table('Engine alone: edit -> problems (incremental parse + validation, in process)', ['size', 'edit', 'p50', 'p95', 'edits', 'load'], engineRows);
}

async function lspSection(schemasDir: string, texts: Map<string, string>): Promise<void> {
  // 3. Over stdio: our bundled server and a no-op server built the same way, same client.
  const serverJs = join(root, 'server', 'out', 'server.js');
  if (!existsSync(serverJs)) execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), 'ps-bench-'));
  const noopJs = join(tmp, 'noopServer.js');
  await esbuild.build({ entryPoints: [join(__dirname, 'bench', 'noopServer.ts')], outfile: noopJs, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const env = { ...process.env, PROFILE_STUDIO_SCHEMAS: schemasDir };
  const ours = await startBenchServer(serverJs, env);
  const noop = await startBenchServer(noopJs, env);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lspRows: string[][] = [];
  let coldStart: Timings | undefined;
  const completionRows: string[][] = [];
  let completion: number[] = [];
  for (const s of sizes) {
    const text = texts.get(s.name)!;
    for (const where of places) {
      const timings = await lspFlips(ours, noop, s, text, where);
      coldStart ??= timings;
      const { ours: a, noop: b } = timings;
      const ratio = pct(a, 50) / pct(b, 50);
      lspRows.push([s.name, where, ms(pct(a, 50)), ms(pct(a, 95)), ms(pct(b, 50)), ms(pct(b, 95)), ratio.toFixed(2), `<= 2: ${verdict(ratio <= 2)}`, `${s.edits} (+${s.warmup})`, load()]);
    }
    if (s.name !== '5 KB') {
      const { ours: a, noop: b } = await completionFlips(ours, noop, s, text);
      const ratio = pct(a, 50) / pct(b, 50);
      completionRows.push([s.name, ms(pct(a, 50)), ms(pct(a, 95)), ms(pct(b, 50)), ms(pct(b, 95)), ratio.toFixed(2), `<= 2: ${verdict(ratio <= 2)}`, load()]);
    }
    if (s.name === '1 MB') completion = await completionLatency(ours, text);
  }
  table('Edit -> diagnostics over stdio, default settings (didChange, then textDocument/diagnostic), each edit flips valid/invalid and is checked', ['size', 'edit', 'ours p50', 'ours p95', 'no-op p50', 'no-op p95', 'ratio p50', 'target', 'edits (+warm-up)', 'load'], lspRows);
  if (coldStart) {
    const rows = [40, 200, coldStart.warmupOurs.length].map((n) => {
      const [a, b] = [coldStart!.warmupOurs.slice(0, n), coldStart!.warmupNoop.slice(0, n)];
      return [`first ${n}`, ms(pct(a, 50)), ms(pct(b, 50)), (pct(a, 50) / pct(b, 50)).toFixed(2)];
    });
    table(`Right after start (the warm-up of the first row: ${sizes[0]!.name}, ${places[0]}; not a target)`, ['edits', 'ours p50', 'no-op p50', 'ratio p50'], rows);
  }
  table('Typing with completion over stdio (didChange, then textDocument/completion at the edit)', ['size', 'ours p50', 'ours p95', 'no-op p50', 'no-op p95', 'ratio p50', 'target', 'load'], completionRows);
  table('Completion alone over stdio, 1 MB document', ['requests', 'p50', 'p95', 'target', 'load'], [[String(completion.length), ms(pct(completion, 50)), ms(pct(completion, 95)), `p50 <= 5 ms: ${verdict(pct(completion, 50) <= 5)}`, load()]]);
  const rss = ours.peakRssMb();
  const noopRss = noop.peakRssMb();
  await ours.stop();
  await noop.stop();
  rmSync(tmp, { recursive: true, force: true });
  table('Server peak RSS (VmHWM, after the 10 MB runs)', ['server', 'peak RSS', 'target'], [
    ['ours', rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`, `<= 400 MB: ${verdict(rss !== undefined && rss <= 400)}`],
    ['no-op', noopRss === undefined ? 'n/a' : `${noopRss.toFixed(0)} MB`, ''],
  ]);
}

function fuzzSection(service: ProfileService, texts: Map<string, string>): void {
  // 4. Fuzz: fixtures and a small synthetic profile, mutated, through every feature.
  const fixtures = join(root, 'test', 'fixtures', 'profiles');
  const bases = [texts.get('5 KB')!];
  for (const dir of ['valid', 'invalid']) {
    const d = join(fixtures, dir);
    if (existsSync(d)) for (const f of readdirSync(d)) if (f.endsWith('.mobileconfig')) bases.push(readFileSync(join(d, f), 'utf8'));
  }
  const seed = Number(process.env.BENCH_SEED ?? 20260401);
  const f = fuzz(service, bases, seed, 20_000, 100_000);
  table(`Fuzz (seed ${seed}, ${bases.length} base profiles)`, ['cases', 'seconds', 'slowest case', 'failures'], [[String(f.cases), f.seconds.toFixed(1), ms(f.slowest), String(f.failures.length)]]);
  for (const failure of f.failures.slice(0, 10)) console.log(`  ${failure}`);
  failures.push(...f.failures);
}

/** Completion between two entries of a payload in the middle of the document, repeated. */
async function completionLatency(server: BenchServer, text: string): Promise<number[]> {
  const uri = 'file:///bench/completion-alone.mobileconfig';
  await open(server, uri, text);
  const at = TextDocument.create(uri, 'x', 1, text).positionAt(text.indexOf('\n', text.indexOf('<key>PayloadVersion</key>', Math.floor(text.length / 2))));
  const times: number[] = [];
  for (let i = 0; i < 42; i++) {
    const r = await complete(server, uri, at);
    if (i >= 2) times.push(r.ms);
    if (i === 0 && r.items === 0) failures.push('completion returned no items');
  }
  await close(server, uri);
  return times;
}

main()
  .then(() => {
    if (failures.length === 0) return;
    console.log(`\n${failures.length} wrong results:`);
    for (const x of failures.slice(0, 20)) console.log(`  ${x}`);
    process.exitCode = 1;
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
