// The committed schemas/ must be exactly what `npm run schemas` writes, and must carry facts only.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { generateSchemaFiles } from '../../scripts/schemaGen/generate';
import { sharedMissing, sharedPath } from '../shared';

const dataDir = sharedPath('apple-device-management');
const noData = sharedMissing('apple-device-management/mdm/profiles');
const schemasDir = 'schemas';

test('regenerating into a temp dir gives byte-identical files', { skip: noData }, () => {
  const out = mkdtempSync(join(tmpdir(), 'schemas-'));
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generateSchemas.ts', '--data', dataDir, '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const committed = readdirSync(schemasDir).sort();
    assert.deepEqual(readdirSync(out).sort(), committed);
    const differing = committed.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(schemasDir, f), 'utf8'));
    assert.deepEqual(differing, [], 'run `npm run schemas` and commit the result');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('generation is deterministic in memory', { skip: noData }, () => {
  const a = generateSchemaFiles(dataDir);
  const b = generateSchemaFiles(dataDir);
  assert.deepEqual([...a.entries()], [...b.entries()]);
});

test('index lists every schema file with the special entries, and the MIT notice ships beside the data', () => {
  const index = JSON.parse(readFileSync(join(schemasDir, 'index.json'), 'utf8')) as { payloadType: string; file: string; title: string }[];
  const types = index.map((e) => e.payloadType);
  assert.ok(types.includes('_TopLevel') && types.includes('_CommonPayloadKeys'));
  assert.equal(new Set(types).size, types.length, 'one entry per payload type');
  for (const e of index) {
    const schema = JSON.parse(readFileSync(join(schemasDir, e.file), 'utf8')) as { payloadType: string; generatedFrom: string; notInAppleData?: boolean };
    assert.equal(schema.payloadType, e.payloadType);
    assert.match(schema.generatedFrom, schema.notInAppleData ? /^quirk / : /^apple-device-management\/mdm\/profiles\/.+\.yaml/);
    assert.match(e.file, /^[A-Za-z0-9._-]+\.json$/);
    assert.ok(!e.file.startsWith('.'), `${e.file} must not be a hidden file`);
  }
  assert.match(readFileSync(join(schemasDir, 'LICENSE-apple.txt'), 'utf8'), /Permission is hereby granted/);
  assert.match(readFileSync(join(schemasDir, 'README.md'), 'utf8'), /never edit/i);
});

function rawTexts(value: unknown, out: string[], seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'content' || k === 'description') && typeof v === 'string') out.push(v);
    else rawTexts(v, out, seen);
  }
}

function generatedStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => generatedStrings(v, out));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => generatedStrings(v, out));
}

test('no sentence of Apple\'s descriptions appears in the generated files', { skip: noData }, () => {
  const profiles = join(dataDir, 'mdm', 'profiles');
  const prose: string[] = [];
  for (const f of readdirSync(profiles)) rawTexts(parse(readFileSync(join(profiles, f), 'utf8'), { maxAliasCount: -1 }), prose);
  const sentences = new Set(prose.flatMap((p) => p.split(/(?<=[.!?])\s+|\n+/)).map((s) => s.trim()).filter((s) => s.length >= 40));
  assert.ok(sentences.size > 500, `expected many description sentences, found ${sentences.size}`);

  const texts: string[] = [];
  for (const f of readdirSync(schemasDir)) {
    if (f === 'LICENSE-apple.txt') continue; // Apple's license text, kept on purpose
    const text = readFileSync(join(schemasDir, f), 'utf8');
    if (f.endsWith('.json')) generatedStrings(JSON.parse(text), texts);
    else texts.push(text);
  }
  const long = texts.filter((t) => t.length >= 40);
  const leaks = long.flatMap((t) => [...sentences].filter((s) => t.includes(s)).map((s) => s.slice(0, 60)));
  assert.deepEqual(leaks, []);
  // Short equal strings are titles (facts; e.g. a payload whose description is its own name).
  assert.ok(!texts.some((t) => t.length >= 40 && prose.includes(t)), 'a generated string equals a whole description');
});
