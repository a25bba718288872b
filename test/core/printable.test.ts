// Untrusted text shown safely (core printable) and non-plist bytes named once (container detection).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { printable, printableBlock, readProfileBytes } from '../../server/src/core';

test('printable escapes every control character; printableBlock keeps line breaks and tabs', () => {
  assert.equal(printable('a\u001b[31mb\nc\u009b\u202e'), 'a\\x1b[31mb\\x0ac\\x9b\\u202e');
  assert.equal(printableBlock('line\u001b]0;t\u0007\n\tnext\r'), 'line\\x1b]0;t\\x07\n\tnext\\x0d');
  assert.equal(printable('plain ünïcode ✓'), 'plain ünïcode ✓');
});

test('random bytes and text without XML are one container.not-a-plist problem; plists and empty text are not', () => {
  const random = new Uint8Array(2000);
  let seed = 11;
  for (let i = 0; i < random.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; random[i] = (seed >> 16) & 0xff; }
  random[0] = 0x3c; // even starting with `<`, binary content is not XML
  assert.equal(readProfileBytes(random).problem?.code, 'container.not-a-plist');
  assert.equal(readProfileBytes(new TextEncoder().encode('just some notes\nno markup at all\n')).problem?.code, 'container.not-a-plist');
  const xml = '<?xml version="1.0"?>\n<plist version="1.0"><dict/></plist>\n';
  assert.equal(readProfileBytes(new TextEncoder().encode(xml)).problem, undefined);
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.equal(readProfileBytes(utf16).problem, undefined, 'UTF-16 XML has NUL bytes but decodes cleanly');
  assert.equal(readProfileBytes(new Uint8Array()).problem, undefined);
  assert.equal(readProfileBytes(new TextEncoder().encode('junk before <plist><dict/></plist>')).problem, undefined, 'text with markup is left to the parser');
});
