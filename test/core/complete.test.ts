import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import { complete } from '../../server/src/core/complete/complete';
import { applyEdits, cursor, expandSnippet, profile, testSchemas, wifiHead } from './completeFixtures';

function completeAt(marked: string) {
  const { text, offset } = cursor(marked);
  const items = complete(parsePlist(text), offset, testSchemas);
  const labels = items.map((i) => i.label);
  const apply = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} in ${labels.join(', ')}`);
    const main = { ...item.edit, text: item.snippet ? expandSnippet(item.edit.text) : item.edit.text };
    return applyEdits(text, [main, ...(item.additionalEdits ?? [])]);
  };
  return { items, labels, apply, text };
}

test('payload keys: missing ones only, required first, with the right value element', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>AutoJoin</key>\n\t\t\t<true/>\n\t\t\t|`));
  assert.ok(!r.labels.includes('AutoJoin'), 'present key offered again');
  assert.ok(!r.labels.includes('PayloadType'));
  for (const k of ['SSID_STR', 'EncryptionType', 'PayloadUUID', 'PayloadIdentifier']) assert.ok(r.labels.includes(k), k);
  const sorted = [...r.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  const firstOptional = sorted.findIndex((i) => i.label === 'EncryptionType');
  assert.ok(sorted.findIndex((i) => i.label === 'SSID_STR') < firstOptional, 'required before optional');
  const ssid = r.items.find((i) => i.label === 'SSID_STR')!;
  assert.match(ssid.edit.text, /^<key>SSID_STR<\/key>\n\t\t\t<string>\$\{1:\}<\/string>$/);
  const enc = r.items.find((i) => i.label === 'EncryptionType')!;
  assert.match(enc.edit.text, /<string>\$\{1\|WEP,WPA,WPA2,WPA3,Any,None\|\}<\/string>/);
  assert.match(r.apply('PayloadUUID'), /<key>PayloadUUID<\/key>\n\t\t\t<string>[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}<\/string>/);
});

test('boolean keys insert a <true/>/<false/> choice, default first', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t|`));
  const auto = r.items.find((i) => i.label === 'AutoJoin')!;
  assert.equal(auto.edit.text, '<key>AutoJoin</key>\n\t\t\t${1|<true/>,<false/>|}');
  assert.ok(auto.snippet);
});

test('a typed prefix is replaced by the key entry', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\tAuto|`));
  assert.ok(r.apply('AutoJoin').includes('\t\t\t<key>AutoJoin</key>\n\t\t\t<true/>\n'));
});

test('top-level keys at the profile level', () => {
  const r = completeAt('<plist>\n<dict>\n\t<key>PayloadType</key>\n\t<string>Configuration</string>\n\t|\n</dict>\n</plist>');
  assert.ok(r.labels.includes('PayloadContent'));
  assert.ok(r.labels.includes('PayloadScope'));
  assert.ok(!r.labels.includes('PayloadType'));
  assert.ok(!r.labels.includes('SSID_STR'));
});

test('nested dict keys come from subkeys', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>EAPClientConfiguration</key>\n\t\t\t<dict>\n\t\t\t\t|\n\t\t\t</dict>`));
  assert.deepEqual(r.labels.sort(), ['AcceptEAPTypes', 'UserName']);
});

test('enum values inside <string>', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>EncryptionType</key>\n\t\t\t<string>WP|</string>`));
  assert.deepEqual(r.labels, ['WEP', 'WPA', 'WPA2', 'WPA3', 'Any', 'None']);
  assert.ok(r.apply('WPA3').includes('<string>WPA3</string>'));
});

test('integer enum values inside an array of integers', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>EAPClientConfiguration</key>\n\t\t\t<dict>\n\t\t\t\t<key>AcceptEAPTypes</key>\n\t\t\t\t<array>\n\t\t\t\t\t<integer>|</integer>\n\t\t\t\t</array>\n\t\t\t</dict>`));
  assert.deepEqual(r.labels, ['13', '17', '18', '21', '23', '25', '43']);
});

test('value slot after a key offers elements for its type', () => {
  const bool = completeAt(profile(`${wifiHead}\n\t\t\t<key>AutoJoin</key>\n\t\t\t|`));
  assert.deepEqual(bool.labels, ['<true/>', '<false/>']);
  const enumerated = completeAt(profile(`${wifiHead}\n\t\t\t<key>EncryptionType</key> |`));
  assert.ok(enumerated.apply('WPA2').includes('<key>EncryptionType</key> <string>WPA2</string>'));
});

test('PayloadType values in a payload add the keys that type requires', () => {
  const r = completeAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>|</string>'));
  assert.deepEqual(r.labels.sort(), ['com.apple.applicationaccess', 'com.apple.wifi.managed']);
  const out = r.apply('com.apple.wifi.managed');
  assert.ok(out.includes('<string>com.apple.wifi.managed</string>'));
  assert.ok(out.includes('\t\t\t<key>SSID_STR</key>\n\t\t\t<string></string>\n'), out);
  assert.match(out, /<key>PayloadUUID<\/key>\n\t\t\t<string>[0-9A-F-]{36}<\/string>\n/);
  assert.ok(out.includes('<key>PayloadIdentifier</key>\n\t\t\t<string>com.example.test.com.apple.wifi.managed</string>'));
  assert.ok(out.includes('<integer>1</integer>\n\t\t</dict>'));
  const parsed = parsePlist(out);
  assert.deepEqual(parsed.problems, []);
});

test('inside PayloadContent: whole payload skeletons with fresh UUIDs', () => {
  const r = completeAt(profile().replace('\t</array>', '\t\t|\n\t</array>'));
  assert.ok(r.labels.includes('com.apple.wifi.managed'));
  const out = r.apply('com.apple.wifi.managed');
  const doc = parsePlist(out);
  assert.deepEqual(doc.problems, []);
  assert.match(out, /<key>PayloadType<\/key>\n\t\t\t<string>com\.apple\.wifi\.managed<\/string>/);
  assert.match(out, /<key>SSID_STR<\/key>/);
  assert.match(out, /<key>PayloadIdentifier<\/key>\n\t\t\t<string>com\.example\.test\.com\.apple\.wifi\.managed\.[0-9A-F-]{36}<\/string>/);
  const uuids = [...r.items.map((i) => /<key>PayloadUUID<\/key>\n\t*<string>([^<]+)/.exec(i.edit.text)?.[1])];
  assert.equal(new Set(uuids).size, uuids.length, 'each skeleton has its own UUID');
});

test('array of dicts offers a dict with the required subkeys', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>DomainRules</key>\n\t\t\t<array>\n\t\t\t\t|\n\t\t\t</array>`));
  assert.deepEqual(r.labels, ['<dict>']);
  assert.ok(r.apply('<dict>').includes('<dict>\n\t\t\t\t\t<key>Domain</key>\n\t\t\t\t\t<string></string>\n\t\t\t\t</dict>'));
});

test('key names inside <key>', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>Enc|</key>\n\t\t\t<string>WPA2</string>`));
  assert.ok(r.labels.includes('EncryptionType'));
  assert.ok(r.apply('EncryptionType').includes('<key>EncryptionType</key>\n\t\t\t<string>WPA2</string>'));
});

test('element names after <', () => {
  const r = completeAt(profile(`${wifiHead}\n\t\t\t<key>EAPClientConfiguration</key>\n\t\t\t<dict>\n\t\t\t\t<key>AcceptEAPTypes</key>\n\t\t\t\t<array>\n\t\t\t\t\t<in|\n\t\t\t\t</array>\n\t\t\t</dict>`));
  assert.ok(r.labels.includes('integer'));
  assert.ok(r.labels.includes('dict'));
  assert.ok(r.apply('integer').includes('\t<integer>0</integer>\n'));
  const inDict = completeAt(profile(`${wifiHead}\n\t\t\t<|`));
  assert.ok(inDict.labels.includes('SSID_STR'), 'keys after < in a dict');
  assert.ok(inDict.apply('SSID_STR').includes('\t\t\t<key>SSID_STR</key>\n\t\t\t<string></string>'));
});

test('empty document: a new profile that parses cleanly', () => {
  const r = completeAt('  |\n');
  assert.deepEqual(r.labels, ['New configuration profile']);
  const out = r.apply('New configuration profile');
  assert.deepEqual(parsePlist(out).problems, []);
  assert.match(out, /<key>PayloadType<\/key>\n\t<string>Configuration<\/string>/);
});

test('no completions inside an unknown custom payload dict except common keys, no throw on junk', () => {
  const r = completeAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.example.app</string>\n\t\t\t|'));
  assert.ok(r.labels.includes('PayloadUUID'));
  for (const junk of ['<', '<plist><dict><key>', '</dict>|'.replace('|', ''), '<dict><array><dict><key>a</key>']) {
    for (let i = 0; i <= junk.length; i++) complete(parsePlist(junk), i, testSchemas);
  }
});

const restrictionsHead = '\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.applicationaccess</string>';

test('a key typed without </key>: the entry closes the key and adds its value element', () => {
  const r = completeAt(profile(`${restrictionsHead}\n\t\t\t<key>allowCa|`));
  const camera = r.items.find((i) => i.label === 'allowCamera')!;
  assert.equal(camera.edit.text, 'allowCamera</key>\n\t\t\t${1|<true/>,<false/>|}');
  assert.ok(camera.snippet);
  const out = r.apply('allowCamera');
  assert.ok(out.includes('\t\t\t<key>allowCamera</key>\n\t\t\t<true/>\n\t\t</dict>'), out);
  assert.deepEqual(parsePlist(out).problems, []);
});

test('a key without </key> before a later key: closed and given a value, the later key kept', () => {
  const r = completeAt(profile(`${restrictionsHead}\n\t\t\t<key>allowApp|\n\t\t\t<key>allowCamera</key>\n\t\t\t<true/>`));
  const out = r.apply('allowAppRemoval');
  assert.ok(out.includes('<key>allowAppRemoval</key>\n\t\t\t<false/>\n\t\t\t<key>allowCamera</key>\n\t\t\t<true/>'), out);
  assert.deepEqual(parsePlist(out).problems, []);
});

test('a key without </key> whose value is already there: only the end tag is added', () => {
  const r = completeAt(profile(`${restrictionsHead}\n\t\t\t<key>allowCa|\n\t\t\t<false/>`));
  const camera = r.items.find((i) => i.label === 'allowCamera')!;
  assert.equal(camera.edit.text, 'allowCamera</key>');
  const out = r.apply('allowCamera');
  assert.ok(out.includes('\t\t\t<key>allowCamera</key>\n\t\t\t<false/>\n'), out);
  assert.deepEqual(parsePlist(out).problems, []);
});

test('inside a closed <key>…</key> only the key name is replaced', () => {
  const r = completeAt(profile(`${restrictionsHead}\n\t\t\t<key>allowCa|</key>\n\t\t\t<true/>`));
  const camera = r.items.find((i) => i.label === 'allowCamera')!;
  assert.equal(camera.edit.text, 'allowCamera');
  assert.ok(!camera.snippet);
  assert.ok(r.apply('allowCamera').includes('\t\t\t<key>allowCamera</key>\n\t\t\t<true/>\n'));
  const pay = completeAt(profile(`${wifiHead}\n\t\t\t<key>Pay|</key>\n\t\t\t<string>x</string>`));
  assert.ok(pay.items.every((i) => !i.edit.text.includes('</key>')), 'closed key got an end tag');
});
