import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuffer } from 'bplist-parser';
import { detectContainer, readProfileBytes, binaryPlistToXml, decodeText, encodeUtf8 } from '../../server/src/core/container';
import { parsePlist } from '../../server/src/core/plist/parser';
import { toValue } from '../../server/src/core/plist/value';
import { readProfileFile } from '../../server/src/host/readProfile';
import { sharedMissing, sharedPath } from '../shared';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'parse');
const fixture = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const corpusDir = sharedPath('corpus');
const plainText = readFileSync(join(fixtures, 'signed', 'profile.mobileconfig'), 'utf8');
const plainValue = toValue(parsePlist(plainText).root);

const SUBJECT = 'CN=Profile Studio Test Signer, OU=Test Signing, O=Profile Studio Fixtures, C=US';

for (const [name, kind] of [
  ['signed/signed-der.mobileconfig', 'signed-der'],
  ['signed/signed-ber-indefinite.mobileconfig', 'signed-der'],
  ['signed/signed-pem.mobileconfig', 'signed-pem'],
] as const) {
  test(`signed fixture ${name}: content and signer`, () => {
    const info = detectContainer(fixture(name));
    assert.equal(info.kind, kind);
    assert.equal(info.error, undefined);
    assert.equal(info.payloadKind, 'xml');
    assert.equal(decodeText(info.payload!).text, plainText);
    assert.equal(info.signer?.subject.text, SUBJECT);
    assert.deepEqual(
      info.signer?.subject.attributes.map((a) => a.type),
      ['C', 'O', 'OU', 'CN'],
    );
    const read = readProfileBytes(fixture(name));
    assert.equal(read.readOnly, true);
    assert.equal(read.text, plainText);
  });
}

test('a detached signature says the content is missing', () => {
  const read = readProfileBytes(fixture('signed/signed-detached.p7s'));
  assert.equal(read.kind, 'signed-der');
  assert.equal(read.problem?.code, 'container.detached-signature');
  assert.equal(read.signer?.subject.text, SUBJECT);
});

test('truncated and damaged signatures are errors, never throws', () => {
  const der = fixture('signed/signed-der.mobileconfig');
  for (const cut of [4, 20, 60, der.length / 2, der.length - 1]) {
    const read = readProfileBytes(der.subarray(0, Math.floor(cut)));
    assert.equal(read.kind, 'signed-der');
    assert.equal(read.problem?.code, 'container.unreadable-signature', `cut at ${cut}`);
  }
  // Flipped bytes anywhere (header, lengths, OIDs, certificates): a value back, never a throw.
  for (const name of ['signed/signed-der.mobileconfig', 'signed/signed-ber-indefinite.mobileconfig']) {
    const bytes = fixture(name);
    for (let i = 0; i < bytes.length; i += 3) {
      const copy = bytes.slice();
      copy[i] ^= 0xa5;
      const read = readProfileBytes(copy);
      assert.ok(read.problem || typeof read.text === 'string');
    }
  }
  const pem = readProfileBytes(encodeUtf8('-----BEGIN CMS-----\nAAAA\n'));
  assert.equal(pem.kind, 'signed-pem');
  assert.ok(pem.problem);
});

test('XML in UTF-8 with BOM and CRLF, and in UTF-16 LE with BOM', () => {
  const utf8 = readProfileBytes(fixture('utf8-bom-crlf.mobileconfig'));
  assert.equal(utf8.kind, 'xml');
  assert.equal(utf8.readOnly, false);
  assert.equal(utf8.text, plainText.replace(/\n/g, '\r\n'));
  const utf16 = readProfileBytes(fixture('utf16le-bom.mobileconfig'));
  assert.equal(utf16.kind, 'xml');
  assert.equal(utf16.encoding, 'utf-16le');
  assert.deepEqual(toValue(parsePlist(utf16.text).root), plainValue);
  assert.equal(decodeText(encodeUtf8('é😀')).text, 'é😀');
  const latin1 = Uint8Array.from([...encodeUtf8('<?xml version="1.0" encoding="ISO-8859-1"?><plist><string>caf'), 0xe9, ...encodeUtf8('</string></plist>')]);
  assert.deepEqual(decodeText(latin1), { text: '<?xml version="1.0" encoding="ISO-8859-1"?><plist><string>café</string></plist>', encoding: 'latin-1', hadBom: false });
  const utf16NoBom = Uint8Array.from([0x3c, 0, 0x61, 0, 0x3e, 0]);
  assert.deepEqual(decodeText(utf16NoBom), { text: '<a>', encoding: 'utf-16le', hadBom: false });
  assert.equal(decodeText(Uint8Array.from([0x61, 0xff, 0x62])).text, 'a\ufffdb');
});

test('binary plist: converted to XML with exact types; same value as bplist-parser reads', () => {
  const bytes = fixture('binary.mobileconfig');
  const info = detectContainer(bytes);
  assert.equal(info.kind, 'bplist');
  const converted = binaryPlistToXml(bytes);
  assert.ok(converted.ok);
  const doc = parsePlist(converted.xml);
  assert.deepEqual(doc.problems, []);
  const ours = toValue(doc.root) as Record<string, unknown>;
  const [theirs] = parseBuffer(Buffer.from(bytes));
  const normalise = (v: unknown): unknown =>
    v instanceof Uint8Array ? Array.from(v) : v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(normalise) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)])) : v;
  assert.deepEqual(normalise(ours), normalise(theirs));
  // The type distinction a JS number loses: Ratio is a <real>, Big an <integer>.
  assert.match(converted.xml, /<key>Ratio<\/key>\s*<real>1\.5<\/real>/);
  assert.match(converted.xml, /<key>Big<\/key>\s*<integer>1099511627776<\/integer>/);
  assert.match(converted.xml, /<key>Unicode<\/key>\s*<string>café 😀<\/string>/);
  assert.equal(readProfileBytes(bytes).readOnly, true);
});

test('damaged binary plists are errors with a reason, never throws', () => {
  const bytes = fixture('binary.mobileconfig');
  for (let cut = 8; cut < bytes.length; cut += 7) {
    const r = binaryPlistToXml(bytes.subarray(0, cut));
    if (!r.ok) assert.ok(r.reason.length > 5);
  }
  const flipped = bytes.slice();
  for (let i = 8; i < flipped.length; i++) {
    const copy = flipped.slice();
    copy[i] ^= 0xff;
    binaryPlistToXml(copy);
  }
  // A self-referencing array: header, array object [ref 0], offset table, trailer.
  const cyclic = Uint8Array.from([
    ...encodeUtf8('bplist00'), 0xa1, 0x00, 0x08,
    0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10,
  ]);
  const r = binaryPlistToXml(cyclic);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /contains itself/);
});

test('readProfileFile reads from disk and reports I/O errors as values', async () => {
  const ok = await readProfileFile(join(fixtures, 'signed', 'signed-der.mobileconfig'));
  assert.ok(ok.ok && ok.profile.signer?.subject.text === SUBJECT);
  const missing = await readProfileFile(join(fixtures, 'does-not-exist.mobileconfig'));
  assert.deepEqual(missing, { ok: false, error: 'no such file' });
});

test('real signed profiles from the shared corpus', { skip: sharedMissing('corpus/index.json') }, () => {
  const indexPath = join(corpusDir, 'index.json');
  const entries = (JSON.parse(readFileSync(indexPath, 'utf8')) as { path: string; signed: boolean }[]).filter((e) => e.signed);
  assert.ok(entries.length > 0);
  for (const entry of entries) {
    const read = readProfileBytes(new Uint8Array(readFileSync(join(corpusDir, entry.path))));
    assert.equal(read.kind, 'signed-der', entry.path);
    assert.equal(read.problem, undefined, entry.path);
    assert.ok(read.signer && read.signer.subject.text.length > 0, entry.path);
    const doc = parsePlist(read.text);
    assert.deepEqual(doc.problems, [], entry.path);
    assert.equal(doc.root?.kind, 'dict', entry.path);
  }
});
