// The simulator's own body handling: the multipart parser and the top-level plist rewrite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boundaryOf, buildMultipart, parseMultipart } from '../../../tenant/src/simulator/multipart';
import { checkProfileXml, getTopLevelString, setTopLevelString } from '../../../tenant/src/simulator/plistText';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>PayloadIdentifier</key>
      <string>nested.keep</string>
      <key>PayloadDisplayName</key>
      <string>Nested</string>
    </dict>
  </array>
  <key>PayloadIdentifier</key>
  <string>com.example.top</string>
  <key>PayloadUUID</key>
  <string>ABC</string>
</dict>
</plist>
`;

test('setTopLevelString replaces only the top-level value and inserts a missing key before the root dict closes', () => {
  const replaced = setTopLevelString(XML, 'PayloadIdentifier', 'com.kandji.profile.custom.1');
  assert.equal(replaced, XML.replace('<string>com.example.top</string>', '<string>com.kandji.profile.custom.1</string>'));
  assert.equal(getTopLevelString(replaced, 'PayloadIdentifier'), 'com.kandji.profile.custom.1');
  const inserted = setTopLevelString(XML, 'PayloadDisplayName', 'A & B <x>');
  assert.equal(getTopLevelString(inserted, 'PayloadDisplayName'), 'A & B <x>');
  assert.ok(inserted.includes('<string>Nested</string>'), 'the nested display name stays');
  assert.ok(inserted.includes('<string>A &amp; B &lt;x&gt;</string>'));
  assert.equal(checkProfileXml(Buffer.from(inserted)).ok, true);
});

test('checkProfileXml accepts XML plists and explains what it refuses', () => {
  assert.equal(checkProfileXml(Buffer.from(XML)).ok, true);
  for (const [bytes, why] of [
    [Buffer.alloc(0), /empty/],
    [Buffer.from('bplist00\u0000\u0001'), /Binary/],
    [Buffer.from([0x30, 0x82, 0x01]), /not an XML property list/],
    [Buffer.from('<plist><dict><key>a</key></plist>'), /well-formed/],
    [Buffer.from('<plist version="1.0"><array/></plist>'), /top-level dictionary/],
  ] as const) {
    const r = checkProfileXml(bytes);
    assert.ok(!r.ok);
    assert.match(r.reason, why);
  }
});

test('multipart round trip for any field values and binary file bytes', () => {
  fc.assert(
    fc.property(fc.string(), fc.uint8Array({ maxLength: 300 }), (text, data) => {
      const { body, contentType } = buildMultipart([{ name: 'name', value: text }, { name: 'file', filename: 'p.mobileconfig', data }]);
      const form = parseMultipart(body, boundaryOf(contentType)!);
      assert.ok(form);
      assert.equal(form.fields.get('name'), text);
      assert.deepEqual(new Uint8Array(form.files.get('file')!.data), data);
      assert.equal(form.files.get('file')!.filename, 'p.mobileconfig');
    }),
    { seed: 4242, numRuns: 100 },
  );
  assert.equal(parseMultipart(Buffer.from('garbage'), 'b'), undefined);
  assert.equal(boundaryOf('multipart/form-data; boundary="quoted b"'), 'quoted b');
});
