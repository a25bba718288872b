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

// Severity policy (docs/validation.md): every downgrade or upgrade names the deployed profiles that justify it.
const deployed = () => results.filter((r) => !broken(r.entry) && !exempt(r.entry));
const codesIn = (path: string) => {
  const r = results.find((x) => x.entry.path === path);
  assert.ok(r, `${path} is in the corpus`);
  return r.problems.map((p) => `${p.severity} ${p.code}`);
};

const policyEvidence: { change: string; expect: string; paths: string[] }[] = [
  {
    change: 'a payload PayloadIdentifier equal to the profile\'s: warning → information (Apple does not forbid it; these install)',
    expect: 'info payload.identifier-same-as-profile',
    paths: [
      'microsoft__shell-intune-samples/macOS/Apps/RemoteHelp/Microsoft Remote Help PPPC.mobileconfig',
      'microsoft__shell-intune-samples/macOS/Custom Profiles/Adobe Acrobat/Adobe Acrobat Updater  - Full Disk Access/Adobe Acrobat Updater - Full Disk Access.mobileconfig',
      'microsoft__shell-intune-samples/macOS/Custom Profiles/Microsoft Intune Agent/Microsoft Intune Agent - System Events Access.mobileconfig',
      'rtrouton__profiles/DisableMacAppStore/Disable Mac App Store.mobileconfig',
    ],
  },
  {
    change: 'an unlisted key named like Apple\'s own (com.apple.…) in an Apple payload: unknown-key warning → "data may predate the OS" note',
    expect: 'info payload.key-newer-than-data',
    paths: ['rtrouton__profiles/EnableFullDiskAccessforSSH/EnableFullDiskAccessforSSH.mobileconfig'],
  },
  {
    change: 'a key Apple requires that deployed profiles omit (payload PayloadVersion): a warning, not an error',
    expect: 'warning payload.missing-payload-version',
    paths: ['kandji-inc__support/custom-apps/crowdstrike/crowdstrike_settings_with_kext.mobileconfig'],
  },
];

for (const { change, expect, paths } of policyEvidence) {
  test(`policy evidence: ${change}`, { skip }, () => {
    for (const path of paths) assert.ok(codesIn(path).includes(expect), `${path}: ${codesIn(path).join(', ')}`);
  });
}

test('warnings per code on the deployed profiles (the table in docs/validation.md, "after")', { skip }, () => {
  const counts: Record<string, number> = {};
  for (const r of deployed()) for (const p of r.problems) if (p.severity === 'warning') counts[p.code] = (counts[p.code] ?? 0) + 1;
  // Before the policy: duplicate-identifier 4, malformed-uuid 3, missing-payload-version 3, unknown-key 2 (12).
  assert.deepEqual(counts, { 'payload.missing-payload-version': 3, 'payload.unknown-key': 1, 'profile.malformed-uuid': 3 });
});
