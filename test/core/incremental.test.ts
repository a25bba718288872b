// The incremental path (reparse one container, reuse per-payload validation) must give exactly what a
// full parse and a full validation give, edit after edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createProfileService } from '../../server/src/core';
import { parsePlist } from '../../server/src/core/plist/parser';
import { validateProfile } from '../../server/src/core/validate';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { syntheticProfile } from '../../scripts/bench/synthetic';
import { prng } from '../../scripts/bench/fuzz';
import { shape } from './randomEdits';

const schemaSource = fileSchemaSource(join(__dirname, '..', '..', 'schemas'));

const pieces = ['x', '1', ' ', '\n', '<', '>', '</string>', '<string>', '<key>A</key>', '<true/>', '<dict>', '</dict>', '&amp;', '&bad;', '<integer>x</integer>', 'PayloadUUID'];

test('incremental reparse and validation equal full parse and validation over 400 random edits', () => {
  const service = createProfileService({ schemaSource, minIncrementalText: 0 });
  const registry = createProfileService({ schemaSource }).registry;
  const rnd = prng(424242);
  let text = syntheticProfile(30_000);
  let doc = service.parseOwned(text);
  let incrementalSteps = 0;
  for (let step = 0; step < 400; step++) {
    if (step % 50 === 0) {
      // Start over from a clean profile now and then: broken markup spreads and forces full parses.
      text = syntheticProfile(30_000 + step);
      if (step % 100 === 0) {
        // A duplicated UUID and identifier: profile-level problems that edits elsewhere must carry along.
        const uuids = [...text.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)</g)].map((m) => m[1]!);
        text = text.replace(uuids[3]!, uuids[1]!).replace('com.example.bench.payload7<', 'com.example.bench.payload2<');
      }
      doc = service.parseOwned(text);
    }
    let offset = Math.floor(rnd() * text.length);
    let length = rnd() < 0.5 ? 0 : Math.floor(rnd() * 12);
    let insert = rnd() < 0.3 ? '' : pieces[Math.floor(rnd() * pieces.length)]!;
    if (rnd() < 0.6) {
      // Typing inside element text, as an editor mostly sees.
      offset = text.indexOf('>', offset) + 1 || 1;
      length = Math.min(length, Math.max(0, text.indexOf('<', offset) - offset));
      insert = insert.replace(/[<>&]/g, '');
    }
    const next = text.slice(0, offset) + insert + text.slice(offset + length);
    const before = doc;
    doc = service.applyChange(doc, { offset, length, text: insert }, next);
    if (doc.root && doc.root === before.root) incrementalSteps++;
    const full = parsePlist(next);
    assert.deepEqual(shape(doc), shape(full), `tree differs after step ${step} (edit at ${offset})`);
    assert.deepEqual(service.validate(doc, { targetPlatforms: ['macOS'] }), validateProfile(full, registry, { targetPlatforms: ['macOS'] }), `problems differ after step ${step}`);
    text = next;
  }
  assert.ok(incrementalSteps > 60, `only ${incrementalSteps} of 400 edits took the incremental path`);
});

test('a payload edit re-validates that payload: fixing a value clears its problem, breaking it reports again', () => {
  const service = createProfileService({ schemaSource, minIncrementalText: 0 });
  let text = syntheticProfile(20_000);
  let doc = service.parseOwned(text);
  assert.deepEqual(service.validate(doc), []);
  const at = text.indexOf('<string>WPA2</string>') + '<string>'.length;
  const edit = (offset: number, length: number, insert: string) => {
    const next = text.slice(0, offset) + insert + text.slice(offset + length);
    doc = service.applyChange(doc, { offset, length, text: insert }, next);
    text = next;
  };
  edit(at, 4, 'WPA9');
  assert.deepEqual(service.validate(doc).map((p) => p.code), ['value.not-allowed']);
  edit(at, 4, 'WPA3');
  assert.deepEqual(service.validate(doc), []);
});

test('edits to UUIDs, identifiers and root-level values keep profile-level problems exact', () => {
  const service = createProfileService({ schemaSource, minIncrementalText: 0 });
  const registry = createProfileService({ schemaSource }).registry;
  let text = syntheticProfile(20_000);
  let doc = service.parseOwned(text);
  service.validate(doc);
  const uuids = [...text.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)</g)].map((m) => m[1]!);
  const replaceAt = (needle: string, from: number, replacement: string) => {
    const offset = text.indexOf(needle, from);
    assert.ok(offset >= 0, needle);
    const next = text.slice(0, offset) + replacement + text.slice(offset + needle.length);
    const before = doc;
    doc = service.applyChange(doc, { offset, length: needle.length, text: replacement }, next);
    text = next;
    return doc.root === before.root;
  };
  const check = (label: string) => assert.deepEqual(service.validate(doc), validateProfile(parsePlist(text), registry), label);
  const steps: [string, number, string][] = [
    [uuids[2]!, 0, uuids[1]!], // a payload takes another's UUID: duplicate
    ['<string>Bench</string>', 0, '<string>Bench 2</string>'], // root display name
    ['com.example.bench.payload5<', 0, 'com.example.bench.payload4<'], // duplicate identifier
    [uuids[1]!, text.indexOf(uuids[1]!) + 1, uuids[5]!], // the duplicate moves to another UUID
    ['<integer>1</integer>', text.lastIndexOf('<key>PayloadVersion</key>'), '<integer>2</integer>'], // root version
    [uuids[uuids.length - 1]!, 0, 'not-a-uuid'], // malformed UUID (the root's)
  ];
  let incremental = 0;
  for (const [needle, from, replacement] of steps) {
    if (replaceAt(needle, from, replacement)) incremental++;
    check(`after replacing ${needle}`);
  }
  assert.ok(incremental >= 4, `only ${incremental} edits were incremental`);
});
