// Language features on mutated profiles: completion, hover, fixes, outline, folding and format never
// throw and never take a second (the bench runs the same fuzz for longer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileService } from '../../server/src/core';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { fuzz } from '../../scripts/bench/fuzz';
import { syntheticProfile } from '../../scripts/bench/synthetic';

test('1500 mutated profiles through every feature', () => {
  const root = join(__dirname, '..', '..');
  const service = createProfileService({ schemaSource: fileSchemaSource(join(root, 'schemas')) });
  const bases = [syntheticProfile(4000)];
  for (const dir of ['valid', 'invalid']) {
    const d = join(root, 'test', 'fixtures', 'profiles', dir);
    for (const f of readdirSync(d)) if (f.endsWith('.mobileconfig')) bases.push(readFileSync(join(d, f), 'utf8'));
  }
  const result = fuzz(service, bases, 7, 60_000, 1500);
  assert.deepEqual(result.failures, []);
  assert.equal(result.cases, 1500, `only ${result.cases} cases in the time budget`);
});
