// validateProfile must never throw: on truncated and byte-flipped real profiles, and on arbitrary ASTs
// (spans that make no sense, keys without values, deep nesting). Fixed seeds; the seed prints on failure.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { DictNode, PlistDocument, PlistNode, ScalarNode } from '../../server/src/core/plist/ast';
import { parsePlist } from '../../server/src/core/plist/parser';
import { validateProfile } from '../../server/src/core/validate';
import { fixturesDir, mobileconfigsIn, registry } from './validateHelpers';
import { sharedMissing, sharedPath } from '../shared';

const seed = 20261123;
const targets = { targetPlatforms: ['macOS', 'iOS', 'tvOS'] as ('macOS' | 'iOS' | 'tvOS')[] };

function sources(): string[] {
  const texts = ['valid', 'invalid'].flatMap((d) => mobileconfigsIn(join(fixturesDir, d)).map((f) => readFileSync(join(fixturesDir, d, f), 'utf8')));
  const corpusIndex = sharedPath('corpus', 'index.json');
  if (!sharedMissing('corpus/index.json')) {
    const entries = JSON.parse(readFileSync(corpusIndex, 'utf8')) as { path: string; signed?: boolean }[];
    // Every seventh unsigned profile keeps the run short while covering many payload types.
    for (const e of entries.filter((x) => !x.signed).filter((_, i) => i % 7 === 0)) {
      texts.push(readFileSync(sharedPath('corpus', e.path), 'utf8'));
    }
  }
  return texts;
}

test('truncated and byte-flipped profiles never make validation throw', () => {
  const texts = sources();
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 127 })), { maxLength: 6 }), (i, cut, flips) => {
      let text = texts[i]!;
      text = text.slice(0, Math.floor(text.length * (cut < 0.3 ? cut / 0.3 : 1)));
      for (const [where, code] of flips) {
        const at = Math.floor(where * text.length);
        text = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
      }
      const problems = validateProfile(parsePlist(text), registry, targets);
      for (const p of problems) assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${p.code} out of bounds`);
    }),
    { seed, numRuns: 2000 },
  );
});

const span = fc.record({ offset: fc.integer({ min: -5, max: 500 }), length: fc.integer({ min: -5, max: 500 }) });
const payloadKeys = ['PayloadType', 'PayloadUUID', 'PayloadIdentifier', 'PayloadVersion', 'PayloadContent', 'Services', 'EAPClientConfiguration', 'ANY', '', 'IsEncrypted', 'AutoJoin', 'Camera'];
const scalarText = fc.constantFrom('Configuration', 'com.apple.wifi.managed', 'com.apple.TCC.configuration-profile-policy', 'com.apple.ManagedClient.preferences', 'com.apple.nope', 'x', '1', '-0x1', '');

const { node } = fc.letrec<{ node: PlistNode; scalar: ScalarNode; dict: DictNode }>((tie) => ({
  scalar: fc.record({
    kind: fc.constantFrom('string', 'integer', 'real', 'true', 'false', 'date', 'data'),
    span, content: span, closed: fc.boolean(), parent: fc.constant(undefined), text: scalarText,
  }) as fc.Arbitrary<ScalarNode>,
  dict: fc.record({
    kind: fc.constant('dict'), span, content: span, closed: fc.boolean(), parent: fc.constant(undefined),
    entries: fc.array(fc.record({ keySpan: span, key: fc.constantFrom(...payloadKeys), keyContent: span, value: fc.option(tie('node'), { nil: undefined }) }), { maxLength: 6 }),
  }) as fc.Arbitrary<DictNode>,
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('dict'),
    fc.record({ kind: fc.constant('array'), span, content: span, closed: fc.boolean(), parent: fc.constant(undefined), items: fc.array(tie('node'), { maxLength: 4 }) }) as fc.Arbitrary<PlistNode>),
}));

test('arbitrary ASTs never make validation throw', () => {
  fc.assert(
    fc.property(fc.option(node, { nil: undefined }), (root) => {
      const doc: PlistDocument = { text: 'x'.repeat(100), root, plistSpan: undefined, problems: [] };
      validateProfile(doc, registry, targets);
    }),
    { seed, numRuns: 1500 },
  );
});

test('very deep recursive structures are validated without exhausting the stack', () => {
  // Home-screen folders nest pages of icons inside folders: the schema is cyclic, so depth comes from the text.
  const depth = 3000;
  const open = '<array><dict><key>Type</key><string>Folder</string><key>Pages</key><array>';
  const close = '</array></dict></array>';
  const body = `<key>Pages</key><array>${open.repeat(depth)}${close.repeat(depth)}</array>`;
  const text = `<plist><dict><key>PayloadType</key><string>Configuration</string><key>PayloadContent</key><array><dict>
    <key>PayloadType</key><string>com.apple.homescreenlayout</string>${body}</dict></array></dict></plist>`;
  const problems = validateProfile(parsePlist(text), registry);
  assert.ok(problems.some((p) => p.code === 'payload.missing-payload-uuid'));
});
