// Completion and hover through the facade with the generated schemas (what users get).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createProfileService } from '../../server/src/core';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { applyEdits, cursor, expandSnippet, profile, wifiHead } from './completeFixtures';

const service = createProfileService({ schemaSource: fileSchemaSource(join(__dirname, '..', '..', 'schemas')) });

test('Wi-Fi payload: SSID_STR offered first among missing required keys; the result validates without it missing', () => {
  const { text, offset } = cursor(profile(`${wifiHead}\n\t\t\t|`));
  const items = service.complete(text, offset);
  const keys = items.map((i) => i.label);
  assert.ok(keys.includes('SSID_STR') && keys.includes('EncryptionType') && keys.includes('PayloadUUID'));
  const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  assert.equal(sorted[0]!.sortText!.startsWith('0'), true);
  const ssid = items.find((i) => i.label === 'SSID_STR')!;
  const out = applyEdits(text, [{ ...ssid.edit, text: expandSnippet(ssid.edit.text) }]);
  assert.ok(!service.validate(out).some((p) => p.code === 'payload.missing-required-key' && p.message.includes('SSID_STR')));
});

test('PayloadContent offers every payload type; a chosen skeleton has no missing required keys', () => {
  const { text, offset } = cursor(profile().replace('\t</array>', '\t\t|\n\t</array>'));
  const items = service.complete(text, offset);
  assert.ok(items.length > 50, `only ${items.length} payload types`);
  for (const type of ['com.apple.wifi.managed', 'com.apple.TCC.configuration-profile-policy', 'com.apple.applicationaccess']) {
    const item = items.find((i) => i.label === type);
    assert.ok(item, type);
    const out = applyEdits(text, [{ ...item.edit, text: expandSnippet(item.edit.text) }]);
    const problems = service.validate(out).filter((p) => p.severity === 'error' && !p.code.startsWith('profile.'));
    assert.deepEqual(problems.filter((p) => p.code === 'payload.missing-required-key' || p.code.startsWith('xml.') || p.code.startsWith('plist.')), [], type);
  }
});

test('hover on a real payload type and key', () => {
  const { text, offset } = cursor(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wifi.man|aged</string>\n\t\t\t<key>SSID_STR</key>\n\t\t\t<string>x</string>'));
  const h = service.hover(text, offset);
  assert.ok(h);
  assert.match(h.contents, /`com\.apple\.wifi\.managed`/);
  assert.match(h.contents, /macOS: since \d+/);
  const key = service.hover(text, text.indexOf('SSID_STR') + 2);
  assert.match(key!.contents, /^\*\*SSID\*\* \(`SSID_STR`\)\n\n- Type: string/);
});

test('TCC: keys of an array item under a service name the schema does not list (additionalKeys)', () => {
  const tcc = '\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.TCC.configuration-profile-policy</string>\n\t\t\t<key>Services</key>\n\t\t\t<dict>\n\t\t\t\t<key>SomeFutureService</key>\n\t\t\t\t<array>\n\t\t\t\t\t<dict>\n\t\t\t\t\t\t|\n\t\t\t\t\t</dict>\n\t\t\t\t</array>\n\t\t\t</dict>';
  const { text, offset } = cursor(profile(tcc));
  const keys = service.complete(text, offset).map((i) => i.label);
  assert.ok(keys.includes('Identifier') && keys.includes('IdentifierType'), keys.join(', '));
  const listed = cursor(profile(tcc.replace('SomeFutureService', 'Camera')));
  assert.ok(service.complete(listed.text, listed.offset).some((i) => i.label === 'CodeRequirement'));
});
