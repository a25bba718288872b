// One block per rule family: profile structure, payload keys, schema values, uniqueness, platforms,
// options. Real schemas unless a test needs exact platform facts (then an in-memory lookup).
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import type { PlistDocument } from '../../server/src/core/plist/ast';
import { parsePlist } from '../../server/src/core/plist/parser';
import type { KeySchema, PayloadSchema } from '../../server/src/core/schema/types';
import { type SchemaLookup, validateProfile } from '../../server/src/core/validate';
import { closestMatch } from '../../server/src/core/schema/suggest';
import { codesOf, errorsOf, lint, payloadXml, profileWith, registry, spanText } from './validateHelpers';

const only = (text: string, code: string) => lint(text).filter((p) => p.code === code);

describe('profile structure', () => {
  test('profile.no-root when an AST has no value and no syntax problem explains it', () => {
    const doc: PlistDocument = { text: '<plist></plist>', root: undefined, plistSpan: { offset: 0, length: 15 }, problems: [] };
    const problems = validateProfile(doc, registry);
    assert.deepEqual(codesOf(problems), ['profile.no-root']);
    assert.equal(problems[0]!.severity, 'error');
  });

  test('an encrypted profile needs no PayloadContent', () => {
    const text = profileWith('').replace(/<key>PayloadContent<\/key>\s*<array>\s*<\/array>/, '<key>IsEncrypted</key><true/><key>EncryptedPayloadContent</key><data>AAAA</data>');
    assert.deepEqual(codesOf(lint(text)), []);
  });

  test('PayloadScope outside System/User is not allowed, and names the value', () => {
    const text = profileWith(payloadXml('com.apple.dock', ''), '<key>PayloadScope</key><string>Computer</string>');
    const [p] = only(text, 'value.not-allowed');
    assert.ok(p);
    assert.match(p.message, /PayloadScope.*"Computer".*System, User/);
    assert.equal(spanText(text, p), 'Computer');
  });

  test('top-level option types: removal keys', () => {
    const text = profileWith(payloadXml('com.apple.dock', ''), [
      '<key>PayloadRemovalDisallowed</key><string>true</string>',
      '<key>RemovalDate</key><string>2030-01-01</string>',
      '<key>DurationUntilRemoval</key><integer>3600</integer>',
    ].join('\n'));
    const wrong = only(text, 'value.wrong-type');
    assert.deepEqual(wrong.map((p) => spanText(text, p)), ['<string>true</string>', '<string>2030-01-01</string>']);
    assert.deepEqual(wrong.map((p) => p.data?.expectedType), ['boolean', 'date']);
  });

  test('PayloadVersion of the profile must be an integer 1', () => {
    const asString = profileWith(payloadXml('com.apple.dock', '')).replace('<key>PayloadVersion</key><integer>1</integer>\n\n</dict>', '<key>PayloadVersion</key><string>1</string>\n</dict>');
    assert.ok(codesOf(lint(asString)).includes('value.wrong-type'));
  });

  test('PayloadContent that is not an array is a type error', () => {
    const text = profileWith('').replace(/<array>\s*<\/array>/, '<dict/>');
    assert.deepEqual(codesOf(errorsOf(lint(text))), ['value.wrong-type']);
  });
});

describe('payloads', () => {
  test('an unknown com.apple type gets a did-you-mean with data.suggestion', () => {
    const text = profileWith(payloadXml('com.apple.applicationacess', ''));
    const [p] = only(text, 'payload.unknown-apple-type');
    assert.equal(p?.severity, 'warning');
    assert.equal(p?.data?.suggestion, 'com.apple.applicationaccess');
  });

  test('an app preference domain is an information note only, its keys unchecked', () => {
    const text = profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><string>https://example.com</string>'));
    assert.deepEqual(lint(text).map((p) => `${p.severity} ${p.code}`), ['info payload.custom-type']);
  });

  test('com.apple.ManagedClient.preferences content is never flagged', () => {
    const body = `<key>PayloadContent</key><dict><key>com.example.tool</key><dict><key>Forced</key><array><dict>
      <key>mcx_preference_settings</key><dict><key>Whatever</key><array><integer>1</integer></array><key>Nested</key><dict><key>x</key><true/></dict></dict>
    </dict></array></dict></dict>`;
    assert.deepEqual(codesOf(lint(profileWith(payloadXml('com.apple.ManagedClient.preferences', body)))), []);
  });

  test('keys real profiles use beyond Apple data are known (PayloadEnabled, PayloadOrganization...)', () => {
    const body = '<key>PayloadEnabled</key><true/><key>PayloadOrganization</key><string>Org</string><key>PayloadDisplayName</key><string>Dock</string><key>PayloadDescription</key><string>d</string>';
    const top = '<key>PayloadEnabled</key><true/><key>TargetDeviceType</key><integer>5</integer><key>ConsentText</key><dict><key>default</key><string>ok</string></dict>';
    assert.deepEqual(codesOf(lint(profileWith(payloadXml('com.apple.dock', body), top))), []);
  });

  test('a payload PayloadVersion of 2 is a note, a string PayloadVersion an error', () => {
    const two = profileWith(payloadXml('com.apple.dock', '').replace('<integer>1</integer>', '<integer>2</integer>'));
    assert.deepEqual(lint(two).map((p) => `${p.severity} ${p.code}`), ['info payload.unusual-payload-version']);
    const str = profileWith(payloadXml('com.apple.dock', '').replace('<integer>1</integer>', '<string>1</string>'));
    assert.deepEqual(codesOf(errorsOf(lint(str))), ['value.wrong-type']);
  });

  test('missing payload keys: three errors and a PayloadVersion warning, with quick-fix data', () => {
    const text = profileWith('    <dict><key>autohide</key><true/></dict>');
    const problems = lint(text);
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code}`).sort(), [
      'error payload.missing-payload-identifier', 'error payload.missing-payload-type', 'error payload.missing-payload-uuid',
      'warning payload.missing-payload-version',
    ]);
    assert.equal(problems.find((p) => p.code === 'payload.missing-payload-uuid')?.data?.fix, 'new-uuid');
    for (const p of problems) assert.equal(spanText(text, p), '<dict>');
  });
});

describe('schema keys and values', () => {
  test('unknown key: warning on the key text with data.suggestion (case-insensitive match first)', () => {
    const text = profileWith(payloadXml('com.apple.dock', '<key>AutoHide</key><true/>'));
    const [p] = only(text, 'payload.unknown-key');
    assert.equal(p?.severity, 'warning');
    assert.equal(spanText(text, p!), 'AutoHide');
    assert.equal(p?.data?.suggestion, 'autohide');
    assert.match(p!.message, /did you mean `autohide`/);
  });

  test('unknown key with nothing close has no suggestion', () => {
    const [p] = only(profileWith(payloadXml('com.apple.dock', '<key>zzzzzzzzzzzz</key><true/>')), 'payload.unknown-key');
    assert.equal(p?.data, undefined);
  });

  test('missing required keys list every key and the payload type', () => {
    const [p] = only(profileWith(payloadXml('com.apple.security.FDERecoveryKeyEscrow', '')), 'payload.missing-required-key');
    assert.deepEqual(p?.data, { missingKeys: ['Location', 'EncryptCertPayloadUUID'], payloadType: 'com.apple.security.FDERecoveryKeyEscrow' });
  });

  test('TCC: Authorization stands in for Allowed; neither is an error; both a warning', () => {
    const entry = (extra: string) => profileWith(payloadXml('com.apple.TCC.configuration-profile-policy', `<key>Services</key><dict><key>Camera</key><array><dict>
      <key>Identifier</key><string>com.example.app</string><key>IdentifierType</key><string>bundleID</string>
      <key>CodeRequirement</key><string>identifier "com.example.app"</string>${extra}</dict></array></dict>`));
    assert.deepEqual(codesOf(lint(entry('<key>Authorization</key><string>Deny</string>'))), []);
    assert.deepEqual(codesOf(lint(entry('<key>Allowed</key><false/>'))), []);
    assert.deepEqual(codesOf(lint(entry(''))), ['payload.missing-required-key']);
    assert.deepEqual(codesOf(lint(entry('<key>Allowed</key><false/><key>Authorization</key><string>Deny</string>'))), ['payload.conflicting-keys']);
  });

  test('TCC: a service name newer than the data is accepted when shaped like the others', () => {
    const text = profileWith(payloadXml('com.apple.TCC.configuration-profile-policy', `<key>Services</key><dict><key>SomeFutureService</key><array><dict>
      <key>Identifier</key><string>com.example.app</string><key>IdentifierType</key><string>bundleID</string>
      <key>CodeRequirement</key><string>x</string><key>Allowed</key><string>yes</string></dict></array></dict>`));
    assert.deepEqual(codesOf(lint(text)), ['value.wrong-type']);
  });

  test('TCC: a service name close to a listed one is a warning with a suggestion (a misspelt service makes the rule do nothing)', () => {
    const text = profileWith(payloadXml('com.apple.TCC.configuration-profile-policy', `<key>Services</key><dict><key>SystemPolicyAllfiles</key><array><dict>
      <key>Identifier</key><string>com.example.app</string><key>IdentifierType</key><string>bundleID</string>
      <key>CodeRequirement</key><string>x</string><key>Allowed</key><true/></dict></array></dict>`));
    const problems = lint(text);
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code} ${String(p.data?.suggestion)}`), ['warning payload.unlisted-key SystemPolicyAllFiles']);
    assert.equal(spanText(text, problems[0]!), 'SystemPolicyAllfiles');
  });

  test('Wi-Fi EAPClientConfiguration: nested enum, nested array element type', () => {
    const text = profileWith(payloadXml('com.apple.wifi.managed', `<key>SSID_STR</key><string>x</string><key>EAPClientConfiguration</key><dict>
      <key>AcceptEAPTypes</key><array><string>25</string></array><key>TTLSInnerAuthentication</key><string>MSCHAPv3</string></dict>`));
    const problems = lint(text);
    assert.deepEqual(codesOf(problems), ['value.wrong-type', 'value.not-allowed']);
    assert.match(problems[0]!.message, /`AcceptEAPTypes` item 1 is <string>25<\/string>; expected <integer>/);
  });

  test('numbers: range bounds, reals accept integers, allowed numeric lists', () => {
    const port = (n: string) => profileWith(payloadXml('com.apple.wifi.managed', `<key>SSID_STR</key><string>x</string><key>ProxyServerPort</key><integer>${n}</integer>`));
    assert.deepEqual(codesOf(lint(port('65535'))), []);
    assert.deepEqual(codesOf(lint(port('65536'))), ['value.out-of-range']);
    assert.deepEqual(codesOf(lint(port('-1'))), ['value.out-of-range']);
    const top = profileWith(payloadXml('com.apple.dock', ''), '<key>TargetDeviceType</key><integer>9</integer>');
    assert.deepEqual(codesOf(lint(top)), ['value.not-allowed']);
  });

  test('format: a regular expression mismatch is a warning naming the value', () => {
    const text = profileWith(payloadXml('com.apple.mdm', `<key>IdentityCertificateUUID</key><string>nope</string>
      <key>Topic</key><string>t</string><key>ServerURL</key><string>https://mdm.example.com</string>`));
    const [p] = only(text, 'value.format-mismatch');
    assert.equal(p?.severity, 'warning');
    assert.match(p!.message, /IdentityCertificateUUID.*"nope"/);
  });

  test('an <integer>0/1</integer> boolean is a warning with wrap data, other integers an error', () => {
    const v = (x: string) => lint(profileWith(payloadXml('com.apple.dock', `<key>autohide</key>${x}`)));
    assert.deepEqual(v('<integer>0</integer>').map((p) => `${p.severity} ${p.code} ${String(p.data?.expectedType)}`), ['warning value.integer-as-boolean boolean']);
    assert.deepEqual(codesOf(v('<integer>7</integer>')), ['value.wrong-type']);
  });
});

describe('uniqueness', () => {
  test('a payload reusing the profile UUID (other case) is an error with a related span at the first use', () => {
    const payload = payloadXml('com.apple.dock', '').replace(/(<key>PayloadUUID<\/key><string>)[^<]+/, '$1abcdef00-2222-4333-8444-555555555555');
    const text = profileWith(payload).replace('11111111-2222-4333-8444-555555555555', 'ABCDEF00-2222-4333-8444-555555555555');
    const [p] = only(text, 'profile.duplicate-uuid');
    assert.ok(p);
    assert.equal(p.data?.fix, 'new-uuid');
    assert.equal(p.related?.length, 1);
    assert.equal(spanText(text, p), 'abcdef00-2222-4333-8444-555555555555');
    assert.equal(spanText(text, { ...p, ...p.related![0]! }), 'ABCDEF00-2222-4333-8444-555555555555');
    assert.ok(p.offset < p.related![0]!.offset, 'the payload comes before the profile keys in this text');
  });

  test('duplicate identifiers are warnings', () => {
    const a = payloadXml('com.apple.dock', '').replace(/com\.example\.unit\.p\d+/, 'same.id');
    const b = payloadXml('com.apple.finder', '').replace(/com\.example\.unit\.p\d+/, 'same.id');
    assert.deepEqual(lint(profileWith(`${a}\n${b}`)).map((p) => `${p.severity} ${p.code}`), ['warning profile.duplicate-identifier']);
  });
});

describe('platforms', () => {
  const os = (x: Record<string, object>) => x as PayloadSchema['supportedOS'];
  const key = (name: string, supportedOS?: PayloadSchema['supportedOS']): KeySchema => ({ key: name, type: 'boolean', presence: 'optional', supportedOS });
  const macOnly: PayloadSchema = {
    payloadType: 'com.apple.test.maconly', title: 'Mac only', generatedFrom: 'test', supportedOS: os({ macOS: { introduced: '10.13' } }),
    keys: [key('plain', os({ macOS: { introduced: '10.13' } }))],
  };
  const both: PayloadSchema = {
    payloadType: 'com.apple.test.both', title: 'Both', generatedFrom: 'test',
    supportedOS: os({ macOS: { introduced: '10.13' }, iOS: { introduced: '12.0' } }),
    keys: [
      key('oldKey', os({ macOS: { introduced: '10.13', deprecated: '13.0' }, iOS: { introduced: '12.0', removed: '16.0' } })),
      key('iosOnly', os({ iOS: { introduced: '12.0' } })),
      key('supervisedKey', os({ macOS: { introduced: '10.13' }, iOS: { introduced: '12.0', supervised: true } })),
    ],
  };
  const lookup: SchemaLookup = {
    get: (t) => [macOnly, both].find((s) => s.payloadType === t),
    topLevel: () => undefined,
    commonKeys: () => [],
    payloadTypes: () => [macOnly.payloadType, both.payloadType],
  };
  const run = (payload: string, targets: ('macOS' | 'iOS')[]) =>
    validateProfile(parsePlist(profileWith(payload)), lookup, { targetPlatforms: targets }).map((p) => `${p.severity} ${p.code} ${p.message}`);

  test('without target platforms nothing is said', () => {
    assert.deepEqual(run(payloadXml('com.apple.test.maconly', '<key>plain</key><true/>'), []), []);
  });

  test('a payload missing on a target is information, once, not per key', () => {
    assert.deepEqual(run(payloadXml('com.apple.test.maconly', '<key>plain</key><true/>'), ['macOS', 'iOS']), [
      'info platform.unsupported Payload com.apple.test.maconly is not supported on iOS',
    ]);
  });

  test('keys: unsupported, removed, deprecated, supervised-only', () => {
    const body = '<key>oldKey</key><true/><key>iosOnly</key><true/><key>supervisedKey</key><true/>';
    assert.deepEqual(run(payloadXml('com.apple.test.both', body), ['macOS', 'iOS']).sort(), [
      'hint platform.supervised-only `supervisedKey` takes effect only on supervised iOS devices',
      'info platform.deprecated `oldKey` is deprecated since macOS 13.0',
      'info platform.removed `oldKey` was removed in iOS 16.0',
      'info platform.unsupported `iosOnly` is not supported on macOS',
    ]);
  });

  test('real data: a restriction that is supervised-only on iOS', () => {
    const text = profileWith(payloadXml('com.apple.applicationaccess', '<key>allowAirDrop</key><false/>'));
    const problems = validateProfile(parsePlist(text), registry, { targetPlatforms: ['iOS'] });
    assert.deepEqual(problems.map((p) => `${p.code} ${spanText(text, p)}`), ['platform.supervised-only <key>allowAirDrop</key>']);
  });
});

describe('options', () => {
  const text = profileWith(payloadXml('com.apple.dock', '<key>AutoHide</key><true/>'));

  test('a code can be turned off', () => {
    assert.deepEqual(codesOf(validateProfile(parsePlist(text), registry, { severity: { 'payload.unknown-key': 'off' } })), []);
  });

  test('a code can change severity', () => {
    const problems = validateProfile(parsePlist(text), registry, { severity: { 'payload.unknown-key': 'error' } });
    assert.deepEqual(problems.map((p) => p.severity), ['error']);
  });

  test('syntax problems come through validateProfile with their code table severity', () => {
    const problems = lint(text.replace('<true/>', '<true/><key>Dangling</key>'));
    assert.ok(problems.some((p) => p.code === 'plist.key-without-value' && p.severity === 'error'));
  });
});

test('closestMatch: case first, then small edit distance, nothing when far', () => {
  assert.equal(closestMatch('allowcamera', ['allowCamera', 'allowCloud']), 'allowCamera');
  assert.equal(closestMatch('AutoJion', ['AutoJoin', 'SSID_STR']), 'AutoJoin');
  assert.equal(closestMatch('Completely', ['AutoJoin']), undefined);
});

describe('keys left without </key>', () => {
  test('a known key missing only its end tag gets the unclosed-tag error and no unknown-key warning', () => {
    const text = profileWith(payloadXml('com.apple.applicationaccess', '<key>allowBluetoothModification\n<true/>'));
    const codes = codesOf(lint(text));
    assert.ok(codes.includes('xml.unclosed-tag'), codes.join(', '));
    assert.ok(!codes.includes('payload.unknown-key'), codes.join(', '));
  });

  test('an unknown key missing its end tag still warns, quoting the key without the line break', () => {
    const text = profileWith(payloadXml('com.apple.applicationaccess', '<key>allowBluetoothModificatio\n<true/>'));
    const [p] = only(text, 'payload.unknown-key');
    assert.ok(p);
    assert.equal(spanText(text, p), 'allowBluetoothModificatio');
    assert.match(p.message, /Unknown key `allowBluetoothModificatio` .*did you mean `allowBluetoothModification`/);
    assert.equal(p.data?.suggestion, 'allowBluetoothModification');
  });
});
