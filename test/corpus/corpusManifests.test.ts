// The corpus with the shared ProfileManifests collection configured: app preference payloads (and managed
// preferences) are now checked, deployed profiles still have zero errors, and each softer rule for manifest
// facts names the deployed profile that justifies it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProfileService, readProfileBytes, type Problem } from '../../server/src/core';
import { manifestFolderSource } from '../../server/src/host/manifestSource';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { sharedMissing, sharedPath } from '../shared';

interface CorpusEntry { path: string; wellFormed: boolean; structuralIssues?: string[]; expectedInvalid?: boolean; lenient?: boolean }

const skip = sharedMissing('corpus/index.json') || sharedMissing('profile-manifests/Manifests');
const service = createProfileService({ schemaSource: fileSchemaSource('schemas'), manifests: skip ? undefined : manifestFolderSource([sharedPath('profile-manifests')]) });

function lintDeployed(): { path: string; problems: Problem[] }[] {
  const entries = JSON.parse(readFileSync(sharedPath('corpus', 'index.json'), 'utf8')) as CorpusEntry[];
  return entries
    .filter((e) => e.wellFormed && (e.structuralIssues ?? []).length === 0 && !e.expectedInvalid && !e.lenient)
    .map((e) => {
      const bytes = readFileSync(join(sharedPath('corpus'), e.path));
      const content = readProfileBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { path: e.path, problems: service.validate(content.text) };
    });
}

const results = skip ? [] : lintDeployed();
const rows = (path: string) => results.find((r) => r.path === path)?.problems.map((p) => `${p.severity} ${p.code}`) ?? ['(not in the corpus)'];

test('with the manifests configured, deployed corpus profiles still lint with zero errors', { skip }, () => {
  assert.ok(results.length > 200);
  const withErrors = results.filter((r) => r.problems.some((p) => p.severity === 'error'));
  assert.deepEqual(withErrors.map((r) => `${r.path}: ${r.problems.filter((p) => p.severity === 'error').map((p) => p.message).join(' | ')}`), []);
});

const office = 'rtrouton__profiles/EnableAutomaticDownloadandInstallofOffice2019Updates/EnableAutomaticDownloadandInstallofOffice2019Updates.mobileconfig';

test('policy evidence: a numeric <string> for a manifest integer (LCID "1033") is a note, not a type error', { skip }, () => {
  assert.ok(rows(office).includes('info value.numeric-string'), rows(office).join(', '));
  assert.ok(!rows(office).includes('error value.wrong-type'));
});

test('policy evidence: a value a manifest does not list (Application ID "TEAM01") is a warning, not an error', { skip }, () => {
  assert.ok(rows(office).includes('warning value.unlisted-value'), rows(office).join(', '));
});

test('policy evidence: preference keys described nowhere are notes (managed preferences and app domains)', { skip }, () => {
  for (const path of [
    'rtrouton__profiles/EnableScrollbarVisibility/EnableScrollbarVisibility.mobileconfig',
    'rtrouton__profiles/ReduceTransparency/ReduceTransparency.mobileconfig',
    'microsoft__shell-intune-samples/macOS/Custom Profiles/Microsoft Edge/Force-Installed Web Apps/Microsoft Edge - Force-Installed Web Apps.mobileconfig',
  ]) {
    assert.ok(rows(path).includes('info payload.unlisted-preference'), `${path}: ${rows(path).join(', ')}`);
    assert.ok(!rows(path).some((r) => r.startsWith('warning payload.unknown-key')), path);
  }
});

test('warnings per code with the manifests configured', { skip }, () => {
  const counts: Record<string, number> = {};
  for (const r of results) for (const p of r.problems) if (p.severity === 'warning') counts[p.code] = (counts[p.code] ?? 0) + 1;
  assert.deepEqual(counts, { 'payload.missing-payload-version': 3, 'payload.unknown-key': 1, 'profile.malformed-uuid': 3, 'value.unlisted-value': 1 });
});
