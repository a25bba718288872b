// Thousands of random edit sequences: after every edit the incrementally maintained tree and problems
// must deep-equal a full parse and a full validation of the same text. Windows of children are
// forced small in half of the sequences so that every container kind takes that path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileService } from '../../server/src/core';
import { parsePlist } from '../../server/src/core/plist/parser';
import { validateProfile } from '../../server/src/core/validate';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { syntheticProfile } from '../../scripts/bench/synthetic';
import { prng } from '../../scripts/bench/fuzz';
import { applyToState, randomChange, shape, type EditState } from './randomEdits';

const root = join(__dirname, '..', '..');
const schemaSource = fileSchemaSource(join(root, 'schemas'));

const SEQUENCES = 2500;

test(`${SEQUENCES} random edit sequences: incremental parse and validation equal full ones after every edit`, () => {
  const bases = [syntheticProfile(3000), syntheticProfile(6000)];
  for (const dir of ['valid', 'invalid']) {
    const d = join(root, 'test', 'fixtures', 'profiles', dir);
    for (const f of readdirSync(d).sort()) if (f.endsWith('.mobileconfig')) bases.push(readFileSync(join(d, f), 'utf8'));
  }
  const small = createProfileService({ schemaSource, minIncrementalText: 0, windowMinSpan: 0 });
  const usual = createProfileService({ schemaSource, minIncrementalText: 0 });
  const registry = usual.registry;
  const rnd = prng(20261206);
  let edits = 0;
  let incremental = 0;
  for (let seq = 0; seq < SEQUENCES; seq++) {
    const service = seq % 2 === 0 ? small : usual;
    const options = { targetPlatforms: seq % 3 === 0 ? (['iOS'] as const).slice() : (['macOS'] as const).slice() };
    const state: EditState = { text: bases[Math.floor(rnd() * bases.length)]!, undo: [] };
    let doc = service.parseOwned(state.text);
    service.validate(doc, options);
    const steps = 3 + Math.floor(rnd() * 10);
    for (let step = 0; step < steps; step++) {
      const { change, undo } = randomChange(state, rnd);
      const next = applyToState(state, change, undo);
      const before = doc.root;
      doc = service.applyChange(doc, change, next);
      edits++;
      if (doc.root && doc.root === before) incremental++;
      // Validation is skipped now and then, so edits pile up between two validations.
      if (rnd() < 0.3 && step < steps - 1) continue;
      const full = parsePlist(next);
      const where = `sequence ${seq} step ${step}: ${JSON.stringify(change).slice(0, 200)}`;
      assert.deepEqual(shape(doc), shape(full), `tree differs, ${where}`);
      assert.deepEqual(service.validate(doc, options), validateProfile(full, registry, options), `problems differ, ${where}`);
    }
  }
  assert.ok(incremental > edits / 3, `only ${incremental} of ${edits} edits took the incremental path`);
});
