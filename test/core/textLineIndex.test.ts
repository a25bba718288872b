import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLineIndex } from '../../server/src/core/text/lineIndex';

test('positions across \\n, \\r\\n and lone \\r line breaks', () => {
  const text = 'ab\ncd\r\nef\rg';
  const index = createLineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(index.positionAt(11), { line: 3, character: 1 });
  assert.equal(index.lineEnd(1), 5);
  assert.equal(index.lineEnd(2), 9);
});

test('characters are UTF-16 code units', () => {
  const text = 'a😀b\nc';
  const index = createLineIndex(text);
  assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
  assert.equal(index.offsetAt({ line: 0, character: 3 }), 3);
});

test('out-of-range input is clamped', () => {
  const index = createLineIndex('ab\ncd');
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(index.offsetAt({ line: 7, character: 0 }), 5);
  assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
});

test('offsetAt(positionAt(o)) round-trips every offset', () => {
  const text = '<plist>\r\n\t<dict>\r<key>é</key>\n\n</dict>\r\n';
  const index = createLineIndex(text);
  for (let o = 0; o <= text.length; o++) {
    const p = index.positionAt(o);
    // An offset between \r and \n maps to the end of the line, which is the \r.
    const expected = text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o;
    assert.equal(index.offsetAt(p), expected, `offset ${o}`);
  }
});
