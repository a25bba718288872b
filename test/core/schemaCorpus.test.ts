// Quirk regression: the real profiles in ../shared/corpus that deploy (no structural issues) must match the
// schemas: no wrong types, no values outside allowed lists, no missing required keys.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSchemaRegistry } from '../../server/src/core/schema';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { checkProfile } from './schemaCorpusCheck';
import { sharedMissing, sharedPath } from '../shared';

const corpus = sharedPath('corpus');
const noCorpus = sharedMissing('corpus/index.json');
const registry = createSchemaRegistry(fileSchemaSource('schemas'));

interface CorpusEntry { path: string; wellFormed: boolean; structuralIssues: string[] }

/** The XML plist inside a file; signed profiles embed it verbatim in the CMS envelope. */
function plistText(bytes: Buffer): string | undefined {
  const latin = bytes.toString('latin1');
  const start = latin.indexOf('<?xml');
  const end = latin.indexOf('</plist>');
  return start >= 0 && end > start ? Buffer.from(latin.slice(start, end + '</plist>'.length), 'latin1').toString('utf8') : undefined;
}

async function parsePlist(text: string): Promise<Record<string, unknown>> {
  const plist = await import('plist'); // ESM-only package
  return plist.parse(text) as Record<string, unknown>;
}

test('deployable corpus profiles match the schemas', { skip: noCorpus }, async () => {
  const entries = (JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as CorpusEntry[])
    .filter((e) => e.wellFormed && e.structuralIssues.length === 0);
  assert.ok(entries.length > 100, `expected the corpus to hold many profiles, found ${entries.length}`);
  const problems: string[] = [];
  let checked = 0;
  for (const e of entries) {
    const text = plistText(readFileSync(join(corpus, e.path)));
    if (!text) continue;
    checked++;
    for (const m of checkProfile(await parsePlist(text), registry)) problems.push(`${e.path}: ${m.payloadType} ${m.path}: ${m.problem}`);
  }
  assert.ok(checked > 100, `checked only ${checked} profiles`);
  assert.deepEqual(problems, []);
});

const tccProfile = (entry: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>PayloadIdentifier</key><string>p</string><key>PayloadUUID</key><string>u</string>
<key>PayloadType</key><string>Configuration</string><key>PayloadVersion</key><integer>1</integer>
<key>PayloadContent</key><array><dict>
<key>PayloadType</key><string>com.apple.TCC.configuration-profile-policy</string>
<key>PayloadIdentifier</key><string>p.tcc</string><key>PayloadUUID</key><string>u2</string>
<key>Services</key><dict><key>SystemPolicyAllFiles</key><array><dict>
<key>Identifier</key><string>com.example.app</string><key>IdentifierType</key><string>bundleID</string>
<key>CodeRequirement</key><string>identifier "com.example.app"</string>${entry}
</dict></array></dict></dict></array></dict></plist>`;

test('the TCC alternative pair: one of Allowed/Authorization, not both, integer booleans accepted', async () => {
  const check = async (entry: string) => checkProfile(await parsePlist(tccProfile(entry)), registry).map((m) => m.problem);
  assert.deepEqual(await check('<key>Allowed</key><true/>'), []);
  assert.deepEqual(await check('<key>Allowed</key><integer>1</integer>'), []);
  assert.deepEqual(await check('<key>Authorization</key><string>AllowStandardUserToSetSystemService</string>'), []);
  assert.deepEqual(await check(''), ['none of Allowed, Authorization']);
  assert.deepEqual(await check('<key>Allowed</key><true/><key>Authorization</key><string>Allow</string>'), ['more than one of Allowed, Authorization']);
  assert.deepEqual(await check('<key>Authorization</key><string>Maybe</string>'), ['value Maybe not in Allow, Deny, AllowStandardUserToSetSystemService']);
});
