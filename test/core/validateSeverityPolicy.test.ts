// The severity policy of docs/validation.md, rule by rule: error = will not install or cannot take effect,
// warning = likely wrong, information = style. Corpus evidence for each change is in test/corpus/corpus.test.ts.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { closestMatch, namespaceOf, sameNamespace } from '../../server/src/core/schema/suggest';
import { lint, payloadXml, profileWith, registry, spanText } from './validateHelpers';

const rows = (text: string) => lint(text).map((p) => `${p.severity} ${p.code}`);

describe('severity policy', () => {
  test('a payload identifier equal to the profile identifier is information, with the profile identifier as related span', () => {
    const p = payloadXml('com.apple.dock', '').replace(/com\.example\.unit\.p\d+/, 'com.example.unit');
    const text = profileWith(p);
    const problems = lint(text);
    assert.deepEqual(problems.map((x) => `${x.severity} ${x.code}`), ['info payload.identifier-same-as-profile']);
    assert.equal(spanText(text, problems[0]!), 'com.example.unit');
    assert.equal(problems[0]!.related?.length, 1);
  });

  test('two payloads sharing an identifier stay a warning', () => {
    const a = payloadXml('com.apple.dock', '').replace(/com\.example\.unit\.p\d+/, 'same.id');
    const b = payloadXml('com.apple.finder', '').replace(/com\.example\.unit\.p\d+/, 'same.id');
    assert.deepEqual(rows(profileWith(`${a}\n${b}`)), ['warning profile.duplicate-identifier']);
  });

  test('a value differing from an allowed one only by letter case is a warning naming the allowed spelling', () => {
    const text = profileWith(payloadXml('com.apple.wifi.managed', '<key>SSID_STR</key><string>x</string><key>EncryptionType</key><string>wpa2</string>'));
    const problems = lint(text).filter((p) => p.code.startsWith('value.'));
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code} ${String(p.data?.suggestion)}`), ['warning value.case-mismatch WPA2']);
    assert.equal(spanText(text, problems[0]!), 'wpa2');
  });

  test('a value matching no allowed one in any case stays an error', () => {
    const text = profileWith(payloadXml('com.apple.wifi.managed', '<key>SSID_STR</key><string>x</string><key>EncryptionType</key><string>WPA4</string>'));
    assert.deepEqual(rows(text).filter((r) => r.includes('value.')), ['error value.not-allowed']);
  });

  test('an unknown Apple-looking restriction says the data may predate the OS instead of guessing', () => {
    const text = profileWith(payloadXml('com.apple.applicationaccess', '<key>allowSomethingFromNextYear</key><true/>'));
    const problems = lint(text);
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code}`), ['info payload.key-newer-than-data']);
    assert.match(problems[0]!.message, /may predate the OS/);
    assert.equal(problems[0]!.data, undefined);
  });

  test('an unknown key that looks like nothing Apple names stays a warning; a near miss gets did-you-mean', () => {
    assert.deepEqual(rows(profileWith(payloadXml('com.apple.dock', '<key>unknownKeyThatDoesNotExist</key><true/>'))), ['warning payload.unknown-key']);
    const near = lint(profileWith(payloadXml('com.apple.dock', '<key>autohdie</key><true/>')));
    assert.deepEqual(near.map((p) => `${p.severity} ${p.code} ${String(p.data?.suggestion)}`), ['warning payload.unknown-key autohide']);
  });

  test('did-you-mean for payload types stays in the namespace and is silent when nothing is close', () => {
    assert.equal(namespaceOf('com.Apple.Safari'), 'com.apple');
    assert.deepEqual(sameNamespace('com.apple.x', ['com.apple.dock', 'com.google.Chrome', 'org.mozilla.firefox']), ['com.apple.dock']);
    const types = registry.payloadTypes();
    assert.equal(closestMatch('com.apple.Safari', sameNamespace('com.apple.Safari', types)), undefined);
    assert.equal(closestMatch('com.apple.wifi.manged', sameNamespace('com.apple.wifi.manged', types)), 'com.apple.wifi.managed');
    const unknown = lint(profileWith(payloadXml('com.apple.Safari', '')));
    assert.deepEqual(unknown.map((p) => `${p.severity} ${p.code} ${String(p.data?.suggestion)}`), ['warning payload.unknown-apple-type undefined']);
  });
});

test('value.case-mismatch offers the allowed spelling as the preferred quick fix', async () => {
  const { createProfileService } = await import('../../server/src/core');
  const { fileSchemaSource } = await import('../../server/src/host/schemaSource');
  const service = createProfileService({ schemaSource: fileSchemaSource('schemas') });
  const text = profileWith(payloadXml('com.apple.wifi.managed', '<key>SSID_STR</key><string>x</string><key>EncryptionType</key><string>wpa2</string>'));
  const problem = service.validate(text).find((p) => p.code === 'value.case-mismatch')!;
  const fixes = service.quickFixes(text, problem);
  assert.equal(fixes[0]?.title, "Change to 'WPA2'");
  assert.equal(fixes[0]?.preferred, true);
  assert.deepEqual(fixes[0]?.edits, [{ offset: problem.offset, length: problem.length, text: 'WPA2' }]);
});
