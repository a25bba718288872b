import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import { locationAt, nodeAt, pathOf } from '../../server/src/core/plist/query';
import { getEntry, toValue } from '../../server/src/core/plist/value';
import type { DictNode } from '../../server/src/core/plist/ast';

/** Removes the `|` cursor marker and returns the text and the cursor offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no | marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const profile = (body: string) =>
  `<plist version="1.0">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.TCC.configuration-profile-policy</string>\n\t\t\t<key>Services</key>\n\t\t\t<dict>\n${body}\n\t\t\t</dict>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>`;

const cases: { name: string; marked: string; slot: string; path: (string | number)[]; entryKey?: string; nodeKind?: string; tag?: string }[] = [
  { name: 'inside a key', marked: profile('<key>Acc|</key><array/>'), slot: 'key', path: ['PayloadContent', 0, 'Services'], entryKey: 'Acc' },
  { name: 'at the start of a key', marked: profile('<key>|Accessibility</key><array/>'), slot: 'key', path: ['PayloadContent', 0, 'Services'], entryKey: 'Accessibility' },
  { name: 'empty key', marked: profile('<key>|</key>'), slot: 'key', path: ['PayloadContent', 0, 'Services'], entryKey: '' },
  { name: 'blank line in an empty dict', marked: profile('\t\t\t\t|'), slot: 'between-entries', path: ['PayloadContent', 0, 'Services'], nodeKind: 'dict' },
  { name: 'blank line between entries', marked: profile('<key>A</key><array/>\n|\n<key>B</key><array/>'), slot: 'between-entries', path: ['PayloadContent', 0, 'Services'], nodeKind: 'dict' },
  { name: 'inside a string value', marked: profile('<key>Mode</key><string>Al|</string>'), slot: 'value', path: ['PayloadContent', 0, 'Services', 'Mode'], entryKey: 'Mode', nodeKind: 'string' },
  { name: 'inside an empty string value', marked: profile('<key>Mode</key><string>|</string>'), slot: 'value', path: ['PayloadContent', 0, 'Services', 'Mode'], entryKey: 'Mode', nodeKind: 'string' },
  { name: 'after a key with no value yet', marked: profile('<key>Mode</key>\n|'), slot: 'value', path: ['PayloadContent', 0, 'Services', 'Mode'], entryKey: 'Mode' },
  { name: 'typing a tag after <', marked: profile('<key>A</key><array/>\n<|'), slot: 'tag-name', path: ['PayloadContent', 0, 'Services'], tag: '' },
  { name: 'typing a tag name', marked: profile('<key>A</key><array/>\n<ke|'), slot: 'tag-name', path: ['PayloadContent', 0, 'Services'], tag: 'ke' },
  { name: 'typing a value tag for a key', marked: profile('<key>A</key>\n<str|'), slot: 'tag-name', path: ['PayloadContent', 0, 'Services'], entryKey: 'A', tag: 'str' },
  { name: 'string value in an array', marked: '<plist><array><string>a</string><string>b|</string></array></plist>', slot: 'value', path: [1], nodeKind: 'string' },
  { name: 'between array items', marked: '<plist><array><string>a</string>|<string>b</string></array></plist>', slot: 'between-entries', path: [], nodeKind: 'array' },
  { name: 'inside a comment between entries', marked: profile('<key>A</key><array/>\n<!-- a <ke| note -->'), slot: 'none', path: ['PayloadContent', 0, 'Services'] },
  { name: 'inside CDATA in an array', marked: '<plist><array><true/><![CDATA[ x| ]]></array></plist>', slot: 'none', path: [] },
  { name: 'after a comment between entries', marked: profile('<key>A</key><array/>\n<!-- note -->\n<|'), slot: 'tag-name', path: ['PayloadContent', 0, 'Services'], tag: '' },
  { name: 'outside the root', marked: '<plist>|<dict/></plist>', slot: 'none', path: [] },
  { name: 'inside a start tag', marked: '<plist><dict><key>A</key><string a|="1">x</string></dict></plist>', slot: 'none', path: ['A'], nodeKind: 'string' },
];

for (const c of cases) {
  test(`locationAt: ${c.name}`, () => {
    const { text, offset } = cursor(c.marked);
    const loc = locationAt(parsePlist(text), offset);
    assert.equal(loc.slot, c.slot);
    assert.deepEqual(loc.path, c.path);
    if (c.entryKey !== undefined) assert.equal(loc.entry?.key, c.entryKey);
    if (c.nodeKind !== undefined) assert.equal(loc.node?.kind, c.nodeKind);
    if (c.tag !== undefined) assert.equal(loc.insideTag?.prefix, c.tag);
  });
}

test('nodeAt finds the innermost element and pathOf names it', () => {
  const { text, offset } = cursor(profile('<key>Accessibility</key><array><dict><key>Allowed</key><tr|ue/></dict></array>'));
  const doc = parsePlist(text);
  const node = nodeAt(doc, offset)!;
  assert.equal(node.kind, 'true');
  assert.deepEqual(pathOf(node), ['PayloadContent', 0, 'Services', 'Accessibility', 0, 'Allowed']);
  assert.equal(nodeAt(doc, 0), undefined);
  assert.equal(nodeAt(doc, text.indexOf('<dict>'))?.kind, 'dict');
});

test('toValue converts every type; getEntry returns the last duplicate', () => {
  const doc = parsePlist(
    '<plist><dict><key>s</key><string>x</string><key>i</key><integer>42</integer><key>big</key><integer>9223372036854775807</integer>' +
      '<key>r</key><real>1.5</real><key>t</key><true/><key>f</key><false/><key>d</key><date>2024-01-31T12:00:00Z</date>' +
      '<key>b</key><data>AAEC/w==</data><key>a</key><array><dict/></array><key>dup</key><integer>1</integer><key>dup</key><integer>2</integer>' +
      '<key>__proto__</key><string>own</string></dict></plist>',
  );
  const value = toValue(doc.root) as Record<string, unknown>;
  assert.equal(value.s, 'x');
  assert.equal(value.i, 42);
  assert.equal(value.big, 9223372036854775807n);
  assert.equal(value.r, 1.5);
  assert.equal(value.t, true);
  assert.equal(value.f, false);
  assert.deepEqual(value.d, new Date('2024-01-31T12:00:00Z'));
  assert.deepEqual(value.b, new Uint8Array([0, 1, 2, 255]));
  assert.deepEqual(value.a, [{}]);
  assert.equal(value.dup, 2);
  assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
  const dup = getEntry(doc.root as DictNode, 'dup')!;
  assert.equal((dup.value as { text: string }).text, '2');
  assert.equal(getEntry(doc.root as DictNode, 'missing'), undefined);
});
