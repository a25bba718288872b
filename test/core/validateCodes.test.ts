// The code table is the contract for overrides, fixes, goldens and docs: well-formed names, one entry per
// code, and every code exercised by a fixture golden or a validation unit test.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AdapterCodeInfo, AllCodeInfo, ContainerCodes, SyntaxCodeInfo, ValidationCodes } from '../../server/src/core/validate/codes';
import { SyntaxCodes } from '../../server/src/core/plist/syntaxCodes';
import { fixturesDir } from './validateHelpers';

test('codes are namespaced kebab strings with a severity and a summary', () => {
  for (const [code, info] of Object.entries(AllCodeInfo)) {
    assert.match(code, /^(xml|plist|container|profile|payload|value|platform|file|server)\.[a-z0-9]+(-[a-z0-9]+)*$/, code);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(info.severity), code);
    assert.ok(info.summary.length > 10, code);
  }
});

test('the table holds every parser, container and validation code, once', () => {
  assert.deepEqual(Object.keys(SyntaxCodeInfo).sort(), Object.values(SyntaxCodes).sort());
  const values = Object.values(ValidationCodes);
  assert.equal(new Set(values).size, values.length);
  assert.deepEqual(Object.keys(AllCodeInfo).sort(), [...Object.values(SyntaxCodes), ...Object.values(ContainerCodes), ...values, ...Object.keys(AdapterCodeInfo)].sort());
});

test('every code has a fixture golden, a validation unit test or a CLI test', () => {
  const invalid = join(fixturesDir, 'invalid');
  const goldenCodes = new Set(
    readdirSync(invalid).filter((f) => f.endsWith('.expected.json'))
      .flatMap((f) => (JSON.parse(readFileSync(join(invalid, f), 'utf8')) as { code: string }[]).map((r) => r.code)),
  );
  const testFiles = [
    ...readdirSync(join('test', 'core')).filter((f) => f.startsWith('validate') && f.endsWith('.test.ts')).map((f) => join('test', 'core', f)),
    ...readdirSync(join('test', 'cli')).filter((f) => f.startsWith('lint') && f.endsWith('.test.ts')).map((f) => join('test', 'cli', f)),
  ];
  const unitText = testFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  const mentioned = (c: string) => new RegExp(`(?<![\\w.-])${c.replace(/\./g, '\\.')}(?![\\w-])`).test(unitText);
  // Adapter codes come from the language server and belong to its tests.
  const uncovered = Object.keys(AllCodeInfo).filter((c) => !(c in AdapterCodeInfo) && !goldenCodes.has(c) && !mentioned(c));
  assert.deepEqual(uncovered, []);
});
