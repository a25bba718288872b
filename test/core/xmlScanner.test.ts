import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner, tokenize } from '../../server/src/core/xml/scanner';

const kinds = (text: string) => tokenize(text).map((t) => `${t.type}:${text.substr(t.offset, t.length)}`);

test('tags, attributes, text and self-closing elements', () => {
  assert.deepEqual(kinds('<plist version="1.0"><true/>x</plist>'), [
    'startTagOpen:<',
    'startTagName:plist',
    'whitespace: ',
    'attributeName:version',
    'attributeEquals:=',
    'attributeValue:"1.0"',
    'startTagClose:>',
    'startTagOpen:<',
    'startTagName:true',
    'startTagSelfClose:/>',
    'text:x',
    'endTagOpen:</',
    'endTagName:plist',
    'endTagClose:>',
  ]);
});

test('declaration, doctype with internal subset, comment, CDATA and entities', () => {
  const text = '<?xml version="1.0"?><!DOCTYPE plist [ <!ENTITY x "y>"> ]><!-- c --><![CDATA[<a>]]>a&amp;b&#x41;';
  assert.deepEqual(kinds(text), [
    'processingInstruction:<?xml version="1.0"?>',
    'doctype:<!DOCTYPE plist [ <!ENTITY x "y>"> ]>',
    'comment:<!-- c -->',
    'cdata:<![CDATA[<a>]]>',
    'text:a',
    'entityRef:&amp;',
    'text:b',
    'entityRef:&#x41;',
  ]);
});

test('unterminated constructs run to the end and say so', () => {
  for (const text of ['<!-- open', '<![CDATA[ open', '<?xml open', '<!DOCTYPE open']) {
    const s = createScanner(text);
    s.scan();
    assert.equal(s.tokenEnd, text.length, text);
    assert.equal(s.unterminated, true, text);
    assert.equal(s.scan(), 'eos');
  }
  // A declaration that lost its quote or `?` ends at the first `>` instead of swallowing the document.
  assert.deepEqual(kinds('<?xml version="1.0"><plist/>'), ['processingInstruction:<?xml version="1.0">', 'startTagOpen:<', 'startTagName:plist', 'startTagSelfClose:/>']);
  assert.deepEqual(kinds('<!DOCTYPE plist "oops><plist/>').slice(0, 2), ['doctype:<!DOCTYPE plist "oops>', 'startTagOpen:<']);
  const s = createScanner('a &amp b');
  s.scan();
  assert.equal(s.scan(), 'entityRef');
  assert.equal(s.tokenText(), '&amp');
  assert.equal(s.unterminated, true);
});

test('a stray < does not swallow the following text', () => {
  assert.deepEqual(kinds('a < b'), ['text:a ', 'startTagOpen:<', 'text: b']);
  assert.deepEqual(kinds('</ >'), ['endTagOpen:</', 'text: >']);
});

test('a tag left open hands over to the next tag', () => {
  assert.deepEqual(kinds('<key\n<string>'), ['startTagOpen:<', 'startTagName:key', 'whitespace:\n', 'startTagOpen:<', 'startTagName:string', 'startTagClose:>']);
});

test('BOM, CRLF and garbage bytes are tokenized without loss', () => {
  const text = '\uFEFF<a>\r\n\u0000\uFFFF</a =>';
  const tokens = tokenize(text);
  let at = 0;
  for (const t of tokens) {
    assert.equal(t.offset, at);
    at += t.length;
  }
  assert.equal(at, text.length);
});

test('restarting mid-text in a known state continues exactly like a full scan', () => {
  const text = '<dict><key a="1">K</key><string>v&lt;</string></dict>';
  const full = createScanner(text);
  const seen: { offset: number; state: string }[] = [];
  const tokens: string[] = [];
  while (full.scan() !== 'eos') {
    tokens.push(`${full.tokenType}@${full.tokenOffset}`);
    seen.push({ offset: full.tokenEnd, state: full.state });
  }
  for (let i = 0; i < seen.length; i++) {
    const s = createScanner(text, seen[i].offset, seen[i].state as never);
    const rest: string[] = [];
    while (s.scan() !== 'eos') rest.push(`${s.tokenType}@${s.tokenOffset}`);
    assert.deepEqual(rest, tokens.slice(i + 1), `restart after token ${i}`);
  }
});
