// Quick fixes against the real validator and schemas: for each fixture named after a fixable code,
// applying the preferred fix for that problem removes it, and the result parses as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileService } from '../../server/src/core';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { applyEdits } from './completeFixtures';

const root = join(__dirname, '..', '..');
const service = createProfileService({ schemaSource: fileSchemaSource(join(root, 'schemas')) });
const fixable = [
  'payload.missing-payload-uuid',
  'payload.missing-payload-identifier',
  'payload.missing-payload-version',
  'payload.missing-required-key',
  'payload.unknown-key--nested-eap',
  'payload.unknown-apple-type',
  'profile.duplicate-uuid',
  'profile.malformed-uuid',
  'profile.missing-payload-uuid',
  'profile.missing-payload-version',
  'profile.wrong-payload-type',
  'value.wrong-type',
  'value.integer-as-boolean',
  'value.not-allowed',
  'value.out-of-range',
];

for (const name of fixable) {
  test(`fix for ${name}`, () => {
    const code = name.split('--')[0]!;
    const text = readFileSync(join(root, 'test', 'fixtures', 'profiles', 'invalid', `${name}.mobileconfig`), 'utf8');
    const before = service.validate(text);
    const problem = before.find((p) => p.code === code);
    assert.ok(problem, `fixture has no ${code}: ${before.map((p) => p.code).join(', ')}`);
    const fixes = service.quickFixes(text, problem);
    assert.ok(fixes.length > 0, `no fix offered for ${code} (data ${JSON.stringify(problem.data)})`);
    const fixed = applyEdits(text, (fixes.find((f) => f.preferred) ?? fixes[0]!).edits);
    const after = service.validate(fixed);
    assert.ok(after.filter((p) => p.code === code).length < before.filter((p) => p.code === code).length, `${code} still reported after "${fixes[0]!.title}"`);
    assert.deepEqual(service.parse(fixed).problems.filter((p) => !service.parse(text).problems.some((q) => q.code === p.code)), [], 'the fix introduced syntax problems');
  });
}

test('no rename onto a key the dict already has', () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'profiles', 'invalid', 'payload.unknown-key.mobileconfig'), 'utf8');
  for (const p of service.validate(text).filter((q) => q.code === 'payload.unknown-key')) {
    for (const f of service.quickFixes(text, p)) {
      const fixed = applyEdits(text, f.edits);
      assert.ok(!service.parse(fixed).problems.some((q) => q.code === 'plist.duplicate-key'), f.title);
    }
  }
});
