// Deterministic fuzzing of the parser: random text, XML-ish fragment soup, truncations and character
// flips of every corpus profile. The parser must return (never throw), keep every span inside its
// parent and the text, and finish each case well under a second. A fixed seed keeps CI stable;
// fast-check prints the seed and path of any failure so it can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { parsePlist } from '../../server/src/core/plist/parser';
import { locate } from '../../server/src/core/complete/locate';
import { toValue } from '../../server/src/core/plist/value';
import type { PlistDocument, PlistNode, Span } from '../../server/src/core/plist/ast';
import { createLineIndex } from '../../server/src/core/text/lineIndex';
import { readProfileBytes } from '../../server/src/core/container';
import { sharedMissing, sharedPath } from '../shared';

const SEED = Number(process.env.FUZZ_SEED ?? 20240131);
const PER_CASE_LIMIT_MS = 1000;

const corpusDir = sharedPath('corpus');
const noCorpus = sharedMissing('corpus');
const fixtureDir = join(import.meta.dirname, '..', 'fixtures');

/** Every profile text we have: the shared corpus (if present) and our own fixtures. */
function loadProfiles(): string[] {
  const texts: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(mobileconfig|plist)$/.test(entry.name)) {
        const read = readProfileBytes(new Uint8Array(readFileSync(path)));
        if (read.text) texts.push(read.text);
      }
    }
  };
  if (!noCorpus) walk(corpusDir);
  walk(fixtureDir);
  return texts;
}
const profiles = loadProfiles();

const inside = (inner: Span, outer: Span) => inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;

function checkInvariants(doc: PlistDocument): void {
  const all: Span = { offset: 0, length: doc.text.length };
  for (const p of doc.problems) assert.ok(inside(p, all) && p.message.length > 0, `problem ${p.code} out of range`);
  if (doc.plistSpan) assert.ok(inside(doc.plistSpan, all), 'plist span out of range');
  if (!doc.root) return;
  assert.ok(inside(doc.root.span, all), 'root out of range');
  const work: PlistNode[] = [doc.root];
  while (work.length > 0) {
    const node = work.pop()!;
    assert.ok(inside(node.content, node.span), `${node.kind} content outside its element`);
    let last = node.content.offset;
    const child = (c: PlistNode) => {
      assert.equal(c.parent, node, 'wrong parent');
      assert.ok(inside(c.span, node.span), `${c.kind} outside its parent ${node.kind}`);
      assert.ok(c.span.offset >= last, 'children out of order');
      last = c.span.offset + c.span.length;
      work.push(c);
    };
    if (node.kind === 'dict') {
      for (const e of node.entries) {
        assert.ok(inside(e.keySpan, node.span) && inside(e.keyContent, e.keySpan), 'key outside its dict');
        assert.ok(e.keySpan.offset >= last, 'entries out of order');
        last = e.keySpan.offset + e.keySpan.length;
        if (e.value) child(e.value);
      }
    } else if (node.kind === 'array') node.items.forEach(child);
  }
}

function parseChecked(text: string): PlistDocument {
  const start = performance.now();
  const doc = parsePlist(text);
  const elapsed = performance.now() - start;
  assert.ok(elapsed < PER_CASE_LIMIT_MS, `parse took ${elapsed.toFixed(0)} ms`);
  checkInvariants(doc);
  return doc;
}

const fragments = fc.constantFrom(
  '<plist version="1.0">', '</plist>', '<dict>', '</dict>', '<array>', '</array>', '<key>', '</key>', 'PayloadType',
  '<string>', '</string>', '<integer>', '</integer>', '1', '-0x1F', '<real>', '</real>', '<true/>', '<false/>', '<date>',
  '</date>', '2024-01-31T12:00:00Z', '<data>', '</data>', 'AA==', '<dict/>', '<array/>', '<string/>', '<', '>', '/>', '</',
  '&amp;', '&', '&#x41;', '&bogus;', '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE plist>',
  ' ', '\n', '\r\n', '\t', '\uFEFF', 'text', '"', "'", '=', '<foo>', '</foo>', 'é😀',
);

test('fuzz: random strings and XML fragment soup', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void parseChecked(s)), { seed: SEED, numRuns: 800 });
  fc.assert(
    fc.property(fc.array(fragments, { maxLength: 120 }), fc.nat(), (parts, at) => {
      const text = parts.join('');
      const doc = parseChecked(text);
      const offset = text.length === 0 ? 0 : at % (text.length + 1);
      // The locator completion, hover and fixes use must land on a node that really holds the offset.
      const { node } = locate(doc.root, offset);
      if (node) assert.ok(node.span.offset < offset && offset < node.span.offset + node.span.length);
      const index = createLineIndex(text);
      assert.equal(index.offsetAt(index.positionAt(offset)) <= offset, true);
    }),
    { seed: SEED, numRuns: 1200 },
  );
});

test('second oracle: whatever fast-xml-parser finds not well-formed, we report too', () => {
  fc.assert(
    fc.property(fc.array(fragments, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      if (XMLValidator.validate(text) !== true) assert.ok(parsePlist(text).problems.length > 0, 'no problem reported');
    }),
    { seed: SEED, numRuns: 1000 },
  );
});

test('fuzz: truncations and character flips of every profile', (t) => {
  if (profiles.length === 0) return t.skip('no profiles found (shared corpus and fixtures missing)');
  const profile = fc.constantFrom(...profiles);
  fc.assert(
    fc.property(profile, fc.double({ min: 0, max: 1, noNaN: true }), (text, frac) => void parseChecked(text.slice(0, Math.floor(text.length * frac)))),
    { seed: SEED, numRuns: 600 },
  );
  fc.assert(
    fc.property(profile, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('<', '>', '/', '&', '"', '\0', 'x', '', '</dict>', '<key>')), { minLength: 1, maxLength: 8 }), (text, flips) => {
      let s = text;
      for (const [frac, ch] of flips) {
        const i = Math.floor(s.length * frac);
        s = s.slice(0, i) + ch + s.slice(i + 1);
      }
      parseChecked(s);
    }),
    { seed: SEED, numRuns: 600 },
  );
});

test('fuzz: every profile parses; toValue agrees with the plist package on well-formed ones', async (t) => {
  if (profiles.length === 0) return t.skip('no profiles found');
  const plist = await import('plist'); // ESM-only package
  let compared = 0;
  for (const text of profiles) {
    const doc = parseChecked(text);
    if (doc.problems.length > 0) continue;
    // The oracle refuses (noisily) whitespace before <?xml, which Apple accepts.
    if (/^\s+<\?xml/.test(text)) continue;
    assert.deepEqual(normalise(toValue(doc.root)), normalise(plist.parse(text)));
    compared++;
  }
  assert.ok(compared > 0);
});

// Random plist values, written by the plist package, read back by us.
const { value: plistValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', ']', '\n', '\t', 'é', '😀', '"', "'") }),
    fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((n) => n % 1 !== 0),
    fc.boolean(),
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000)),
    fc.uint8Array({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'b', 'K', '_', '.', '&', ' ') }), tie('value'), { maxKeys: 5 }),
  ),
}));

test('oracle: plist.build output parses with no problems and the same value', async () => {
  const plist = await import('plist'); // ESM-only package
  fc.assert(
    fc.property(plistValue, (value) => {
      const xml = plist.build(value as Parameters<typeof plist.build>[0]);
      const doc = parseChecked(xml);
      assert.deepEqual(doc.problems, []);
      assert.deepEqual(normalise(toValue(doc.root)), normalise(plist.parse(xml)));
    }),
    { seed: SEED, numRuns: 400 },
  );
});

function normalise(v: unknown): unknown {
  if (v instanceof Uint8Array) return { data: Array.from(v) };
  if (v instanceof Date) return { date: v.toISOString() };
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}
