import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import { quickFixes } from '../../server/src/core/fixes/fixes';
import type { Problem } from '../../server/src/core/validate/problem';
import { applyEdits, profile, testSchemas, wifiHead } from './completeFixtures';

/** A problem on the first occurrence of `needle`. */
function problemAt(text: string, needle: string, code: string, data: Record<string, unknown>): Problem {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return { code, severity: 'error', message: code, offset, length: needle.length, data };
}

function fix(text: string, problem: Problem, index = 0): string {
  const fixes = quickFixes(parsePlist(text), problem, testSchemas);
  assert.ok(fixes[index], `no fix for ${problem.code}`);
  return applyEdits(text, fixes[index].edits);
}

const UUID = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/;

test('duplicate UUID: the value gets a fresh one', () => {
  const text = profile(`${wifiHead}\n\t\t\t<key>PayloadUUID</key>\n\t\t\t<string>SAME</string>`);
  const out = fix(text, problemAt(text, '<string>SAME</string>', 'profile.duplicate-uuid', { fix: 'new-uuid' }));
  assert.match(out, new RegExp(`<key>PayloadUUID</key>\\n\\t\\t\\t<string>${UUID.source}</string>`));
  assert.ok(!out.includes('SAME'));
});

test('missing PayloadUUID: added to the payload dict, indented like its keys', () => {
  const text = profile(wifiHead);
  const out = fix(text, problemAt(text, '<dict>\n\t\t\t<key>PayloadType', 'payload.missing-payload-uuid', { fix: 'new-uuid' }));
  assert.match(out, new RegExp(`<string>com.apple.wifi.managed</string>\\n\\t\\t\\t<key>PayloadUUID</key>\\n\\t\\t\\t<string>${UUID.source}</string>\\n\\t\\t</dict>`));
  assert.deepEqual(parsePlist(out).problems, []);
});

test('did-you-mean renames an unknown key or payload type', () => {
  const text = profile(`${wifiHead}\n\t\t\t<key>SSIDSTR</key>\n\t\t\t<string>Office</string>`);
  const out = fix(text, problemAt(text, '<key>SSIDSTR</key>', 'payload.unknown-key', { suggestion: 'SSID_STR' }));
  assert.ok(out.includes('<key>SSID_STR</key>\n\t\t\t<string>Office</string>'));
  const typo = profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wifi.manged</string>');
  const fixed = fix(typo, problemAt(typo, '<string>com.apple.wifi.manged</string>', 'payload.unknown-apple-type', { suggestion: 'com.apple.wifi.managed' }));
  assert.ok(fixed.includes('<string>com.apple.wifi.managed</string>'));
});

test('wrong type: the value is rewritten as the expected element', () => {
  const cases: [string, string, string][] = [
    ['<string>1</string>', 'integer', '<integer>1</integer>'],
    ['<string>true</string>', 'boolean', '<true/>'],
    ['<string>NO</string>', 'boolean', '<false/>'],
    ['<integer>5</integer>', 'string', '<string>5</string>'],
    ['<true/>', 'integer', '<integer>1</integer>'],
    ['<string>2.5</string>', 'real', '<real>2.5</real>'],
    ['<string>x</string>', 'array', '<array><string>x</string></array>'],
  ];
  for (const [before, expectedType, after] of cases) {
    const text = profile(`${wifiHead}\n\t\t\t<key>Priority</key>\n\t\t\t${before}`);
    const out = fix(text, problemAt(text, before, 'value.wrong-type', { expectedType, key: 'Priority' }));
    assert.ok(out.includes(`<key>Priority</key>\n\t\t\t${after}\n`), `${before} -> ${after}`);
  }
  const text = profile(`${wifiHead}\n\t\t\t<key>AutoJoin</key>\n\t\t\t<string>maybe</string>`);
  assert.deepEqual(quickFixes(parsePlist(text), problemAt(text, '<string>maybe</string>', 'value.wrong-type', { expectedType: 'boolean' }), testSchemas), []);
});

test('missing required keys are added with placeholder values', () => {
  const text = profile(`${wifiHead}\n\t\t\t<key>AutoJoin</key>\n\t\t\t<true/>`);
  const out = fix(text, problemAt(text, '<dict>\n\t\t\t<key>PayloadType', 'payload.missing-required-key', { missingKeys: ['SSID_STR', 'PayloadVersion'], payloadType: 'com.apple.wifi.managed' }));
  assert.ok(out.includes('<true/>\n\t\t\t<key>SSID_STR</key>\n\t\t\t<string></string>\n\t\t\t<key>PayloadVersion</key>\n\t\t\t<integer>1</integer>\n\t\t</dict>'), out);
  assert.deepEqual(parsePlist(out).problems, []);
});

test('value not allowed: one fix per allowed value; no fix without data', () => {
  const text = profile(`${wifiHead}\n\t\t\t<key>EncryptionType</key>\n\t\t\t<string>WPA4</string>`);
  const p = problemAt(text, '<string>WPA4</string>', 'value.not-allowed', { allowed: ['WPA2', 'WPA3'] });
  const fixes = quickFixes(parsePlist(text), p, testSchemas);
  assert.deepEqual(fixes.map((f) => f.title), ['Change to "WPA2"', 'Change to "WPA3"']);
  assert.ok(fix(text, p, 1).includes('<string>WPA3</string>'));
  assert.deepEqual(quickFixes(parsePlist(text), { ...p, data: undefined }, testSchemas), []);
});

test('profile-level fixes: Configuration, a missing PayloadUUID once, out-of-range numbers clamp', () => {
  const text = profile(wifiHead).replace('<string>Configuration</string>', '<string>Config</string>');
  const out = fix(text, problemAt(text, '<string>Config</string>', 'profile.wrong-payload-type', { expected: 'Configuration' }));
  assert.ok(out.includes('<key>PayloadType</key>\n\t<string>Configuration</string>'));
  const root = text.indexOf('<dict>\n\t<key>PayloadContent');
  const p = { code: 'profile.missing-payload-uuid', severity: 'error' as const, message: '', offset: root, length: 6, data: { fix: 'new-uuid', missingKeys: ['PayloadUUID'], payloadType: 'Configuration' } };
  const fixes = quickFixes(parsePlist(text), p, testSchemas);
  assert.equal(fixes.length, 1, JSON.stringify(fixes.map((f) => f.title)));
  assert.match(applyEdits(text, fixes[0]!.edits), new RegExp(`<string>Config</string>\\n\\t<key>PayloadUUID</key>\\n\\t<string>${UUID.source}</string>\\n</dict>`));
  const big = profile(`${wifiHead}\n\t\t\t<key>Priority</key>\n\t\t\t<integer>250</integer>`);
  const clamped = fix(big, problemAt(big, '<integer>250</integer>', 'value.out-of-range', { range: { min: 0, max: 100 } }));
  assert.ok(clamped.includes('<integer>100</integer>'));
});
