// The real-world corpus (../shared/corpus): deployed profiles lint with zero errors; profiles recorded as
// broken (not well-formed, or with structural issues) get at least one error. Signed ones are linted
// through their embedded plist. Entries marked expectedInvalid or lenient are exempt, as the corpus README says.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readProfileBytes } from '../../server/src/core/container';
import type { Problem } from '../../server/src/core/validate/problem';
import { lint } from '../core/validateHelpers';
import { sharedMissing, sharedPath } from '../shared';

interface CorpusEntry {
  path: string;
  signed?: boolean;
  wellFormed: boolean;
  structuralIssues?: string[];
  expectedInvalid?: boolean;
  lenient?: boolean;
}

const corpusDir = sharedPath('corpus');
const indexPath = join(corpusDir, 'index.json');
const skip = sharedMissing('corpus/index.json');

function load(): { entry: CorpusEntry; problems: Problem[]; kind: string }[] {
  const entries = JSON.parse(readFileSync(indexPath, 'utf8')) as CorpusEntry[];
  return entries.map((entry) => {
    const bytes = readFileSync(join(corpusDir, entry.path));
    const content = readProfileBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const problems: Problem[] = content.problem
      ? [{ code: content.problem.code, severity: 'error', message: content.problem.message, offset: 0, length: 0 }]
      : lint(content.text);
    return { entry, problems, kind: content.kind };
  });
}

const results = skip ? [] : load();
const broken = (e: CorpusEntry) => !e.wellFormed || (e.structuralIssues ?? []).length > 0;
const exempt = (e: CorpusEntry) => e.expectedInvalid === true || e.lenient === true;
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const describe = (r: { entry: CorpusEntry; problems: Problem[] }) =>
  `${r.entry.path}: ${errors(r.problems).slice(0, 3).map((p) => `${p.code} ${p.message}`).join(' | ') || 'no error'}`;

test('deployed corpus profiles lint with zero errors', { skip }, () => {
  const checked = results.filter((r) => !broken(r.entry) && !exempt(r.entry));
  assert.ok(checked.length > 200, `only ${checked.length} clean entries`);
  assert.deepEqual(checked.filter((r) => errors(r.problems).length > 0).map(describe), []);
});

test('broken corpus profiles get at least one error', { skip }, () => {
  const checked = results.filter((r) => broken(r.entry) && !exempt(r.entry));
  assert.deepEqual(checked.filter((r) => errors(r.problems).length === 0).map(describe), []);
});

test('the validator fixtures in the corpus with recorded defects get an error too (beyond what the README asks)', { skip }, () => {
  const checked = results.filter((r) => broken(r.entry) && r.entry.expectedInvalid);
  assert.ok(checked.length >= 3);
  assert.deepEqual(checked.filter((r) => errors(r.problems).length === 0).map(describe), []);
});

test('signed corpus profiles are recognised as signed, never as broken XML', { skip }, () => {
  const signed = results.filter((r) => r.entry.signed);
  assert.ok(signed.length > 0);
  assert.deepEqual(signed.filter((r) => !r.kind.startsWith('signed') || r.problems.some((p) => /^(xml|plist|container)\./.test(p.code))).map(describe), []);
});
