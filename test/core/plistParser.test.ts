import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import type { PlistDocument, PlistNode, Span } from '../../server/src/core/plist/ast';
import { syntaxCodeList } from '../../server/src/core/plist/syntaxCodes';

const slice = (doc: PlistDocument, s: Span) => doc.text.substr(s.offset, s.length);
const codes = (text: string) => parsePlist(text).problems.map((p) => p.code);
const wrap = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n${body}\n</plist>\n`;

/** A compact picture of the tree: dict {k: v}, array [..], scalars as kind(text), `!` when unclosed. */
function shape(node: PlistNode | undefined): unknown {
  if (!node) return undefined;
  const mark = node.closed ? '' : '!';
  if (node.kind === 'dict') return Object.fromEntries(node.entries.map((e) => [e.key + mark, shape(e.value) ?? null]));
  if (node.kind === 'array') return node.items.map(shape);
  return `${node.kind}${mark}(${node.text})`;
}

test('a well-formed profile: shape, spans and no problems', () => {
  const text = wrap('<dict>\n\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n\t<key>Items</key>\n\t<array>\n\t\t<true/>\n\t\t<data>\n\t\tAAEC\n\t\t</data>\n\t</array>\n</dict>');
  const doc = parsePlist(text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(shape(doc.root), { PayloadVersion: 'integer(1)', Items: ['true()', 'data(\n\t\tAAEC\n\t\t)'] });
  const root = doc.root!;
  assert.equal(root.kind, 'dict');
  if (root.kind !== 'dict') return;
  const [version, items] = root.entries;
  assert.equal(slice(doc, version.keySpan), '<key>PayloadVersion</key>');
  assert.equal(slice(doc, version.keyContent), 'PayloadVersion');
  assert.equal(slice(doc, version.value!.span), '<integer>1</integer>');
  assert.equal(slice(doc, version.value!.content), '1');
  assert.equal(version.value!.parent, root);
  assert.ok(slice(doc, items.value!.span).startsWith('<array>') && slice(doc, items.value!.span).endsWith('</array>'));
  assert.equal(slice(doc, (items.value as { items: PlistNode[] }).items[0].span), '<true/>');
  assert.equal((items.value as { items: PlistNode[] }).items[0].content.length, 0);
  assert.equal(slice(doc, root.span).slice(0, 6), '<dict>');
  assert.equal(slice(doc, doc.plistSpan!).slice(0, 6), '<plist');
  assert.ok(slice(doc, doc.plistSpan!).endsWith('</plist>'));
});

test('every plist type parses, including empty forms', () => {
  const doc = parsePlist(wrap('<array><string>s</string><string/><integer>-3</integer><real>2.5</real><true/><false/><date>2024-01-31T12:00:00Z</date><data>AA==</data><dict/><array/><true></true></array>'));
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(shape(doc.root), ['string(s)', 'string()', 'integer(-3)', 'real(2.5)', 'true()', 'false()', 'date(2024-01-31T12:00:00Z)', 'data(AA==)', {}, [], 'true()']);
});

test('entities and CDATA are decoded; offsets stay on the raw text', () => {
  const doc = parsePlist(wrap('<dict><key>a&amp;b</key><string>&lt;&gt;&quot;&apos;&#65;&#x42;<![CDATA[<&>]]></string></dict>'));
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(shape(doc.root), { 'a&b': 'string(<>"\'AB<&>)' });
  const entry = (doc.root as { entries: { keyContent: Span }[] }).entries[0];
  assert.equal(slice(doc, entry.keyContent), 'a&amp;b');
});

test('a bad entity is reported and kept as written', () => {
  const doc = parsePlist(wrap('<array><string>a &nbsp; &#0; & b</string></array>'));
  assert.deepEqual(doc.problems.map((p) => [p.code, slice(doc, p)]), [
    ['xml.bad-entity', '&nbsp;'],
    ['xml.bad-entity', '&#0;'],
    ['xml.bad-entity', '&'],
  ]);
  assert.deepEqual(shape(doc.root), ['string(a &nbsp; &#0; & b)']);
});

test('BOM, CRLF, comments, DOCTYPE and processing instructions are accepted', () => {
  const text = '\uFEFF<?xml version="1.0"?>\r\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "x.dtd">\r\n<!-- c --><plist version="1.0">\r\n<dict><!-- inside --><key>A</key><!-- between --><string>x<!-- in text -->y</string></dict>\r\n</plist>\r\n<!-- after -->\r\n';
  const doc = parsePlist(text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(shape(doc.root), { A: 'string(xy)' });
});

// Recovery cases: the problem codes and the tree the rest of the pipeline sees.
const recovery: { name: string; body: string; codes: string[]; shape: unknown }[] = [
  { name: 'unclosed string before the next key', body: '<dict><key>A</key><string>x\n<key>B</key><true/></dict>', codes: ['xml.unclosed-tag'], shape: { A: 'string!(x\n)', B: 'true()' } },
  { name: 'unclosed key before its value', body: '<dict><key>A<string>x</string></dict>', codes: ['xml.unclosed-tag'], shape: { A: 'string(x)' } },
  { name: 'mismatched end tag closes the matching ancestor once', body: '<dict><key>A</key><array><string>x</dict>', codes: ['xml.mismatched-tag'], shape: { A: ['string!(x)'] } },
  { name: 'typo in an end tag closes the text element', body: '<dict><key>A</key><string>x</strng><key>B</key><false/></dict>', codes: ['xml.mismatched-tag'], shape: { A: 'string(x)', B: 'false()' } },
  { name: 'stray end tag is ignored', body: '<dict><key>A</key><true/></string><key>B</key><false/></dict>', codes: ['xml.unexpected-end-tag'], shape: { A: 'true()', B: 'false()' } },
  { name: 'key without value, value without key', body: '<dict><key>A</key><key>B</key><true/><string>lost</string></dict>', codes: ['plist.key-without-value', 'plist.value-without-key'], shape: { A: null, B: 'true()' } },
  { name: 'key without value at the end of a dict', body: '<dict><key>A</key></dict>', codes: ['plist.key-without-value'], shape: { A: null } },
  { name: 'duplicate keys are both kept', body: '<dict><key>A</key><true/><key>A</key><false/></dict>', codes: ['plist.duplicate-key'], shape: { A: 'false()' } },
  { name: 'stray text between elements', body: '<dict>oops<key>A</key><true/> more &amp; text </dict>', codes: ['xml.unexpected-text', 'xml.unexpected-text'], shape: { A: 'true()' } },
  { name: 'unknown elements are transparent', body: '<dict><key>A</key><foo><string>x</string></foo><bar/></dict>', codes: ['xml.unknown-element', 'xml.unknown-element'], shape: { A: 'string(x)' } },
  { name: 'key inside an array', body: '<array><key>A</key><true/></array>', codes: ['plist.misplaced-key'], shape: ['true()'] },
  { name: 'two roots', body: '<dict/><array/>', codes: ['plist.multiple-roots'], shape: {} },
  { name: 'half-typed tag in a dict', body: '<dict><key>A</key><true/>\n<ke\n<key>B</key><false/></dict>', codes: ['xml.malformed-tag'], shape: { A: 'true()', B: 'false()' } },
  { name: 'bare < in text', body: '<array><string>a < b</string></array>', codes: ['xml.malformed-tag'], shape: ['string(a < b)'] },
  { name: 'non-empty boolean', body: '<array><true>yes</true></array>', codes: ['plist.non-empty-boolean'], shape: ['true(yes)'] },
];

for (const c of recovery) {
  test(`recovery: ${c.name}`, () => {
    const doc = parsePlist(wrap(c.body));
    assert.deepEqual(doc.problems.map((p) => p.code), c.codes);
    assert.deepEqual(shape(doc.root), c.shape);
    for (const p of doc.problems) assert.ok(p.message.length > 10 && p.offset >= 0 && p.offset + p.length <= doc.text.length);
  });
}

test('truncated document: every open element is reported and spans end at the text end', () => {
  const text = '<plist version="1.0"><dict><key>A</key><array><string>x';
  const doc = parsePlist(text);
  assert.deepEqual(doc.problems.map((p) => [p.code, slice(doc, p)]), [
    ['xml.unclosed-tag', '<plist version="1.0">'],
    ['xml.unclosed-tag', '<dict>'],
    ['xml.unclosed-tag', '<array>'],
    ['xml.unclosed-tag', '<string>'],
  ]);
  assert.deepEqual(shape(doc.root), { 'A!': ['string!(x)'] });
  assert.equal(doc.root!.span.offset + doc.root!.span.length, text.length);
});

test('document-level problems', () => {
  assert.deepEqual(codes(''), ['plist.not-a-plist']);
  assert.deepEqual(codes('This is not a plist.'), ['xml.unexpected-text', 'plist.not-a-plist']);
  assert.deepEqual(codes('<dict><key>A</key><true/></dict>'), ['plist.missing-plist-element']);
  assert.deepEqual(codes('<plist version="1.0"></plist>'), ['plist.missing-root']);
  assert.deepEqual(codes('<plist version="1.0"/>'), ['plist.missing-root']);
  assert.deepEqual(codes('<plist><dict/></plist><dict/>trailing'), ['xml.content-after-root']);
  assert.deepEqual(codes('<plist><dict/></plist><?xml version="1.0"?>'), ['xml.misplaced-declaration']);
  assert.deepEqual(codes(' <?xml version="1.0"?><plist><dict/></plist>'), ['xml.whitespace-before-declaration']);
  assert.deepEqual(codes('<plist><dict/><!-- open'), ['xml.unclosed-tag', 'xml.unterminated']);
  assert.deepEqual(codes('<?xml version="1.0"><plist><dict/></plist>'), ['xml.unterminated']);
  assert.deepEqual(codes('<plist><dict><plist/></dict></plist>'), ['xml.unknown-element']);
  assert.deepEqual(codes('<plist><dict attr="x></dict></plist>'), ['xml.malformed-tag']);
});

test('value syntax problems underline the content', () => {
  const cases: [string, string, string][] = [
    ['<integer>12a</integer>', 'plist.bad-integer', '12a'],
    ['<integer></integer>', 'plist.bad-integer', '<integer></integer>'],
    ['<integer>99999999999999999999</integer>', 'plist.bad-integer', '99999999999999999999'],
    ['<real>1.2.3</real>', 'plist.bad-real', '1.2.3'],
    ['<date>2024-01-31</date>', 'plist.bad-date', '2024-01-31'],
    ['<date>2023-02-29T00:00:00Z</date>', 'plist.bad-date', '2023-02-29T00:00:00Z'],
    ['<date>2024-01-31T12:00:00.250Z</date>', 'plist.bad-date', '2024-01-31T12:00:00.250Z'],
    ['<data>AA*=</data>', 'plist.bad-base64', 'AA*='],
    ['<data>A</data>', 'plist.bad-base64', 'A'],
    ['<data>AA=A</data>', 'plist.bad-base64', 'AA=A'],
  ];
  for (const [body, code, underlined] of cases) {
    const doc = parsePlist(wrap(`<array>${body}</array>`));
    assert.deepEqual(doc.problems.map((p) => [p.code, slice(doc, p)]), [[code, underlined]], body);
  }
  const fine = ['<integer> 42 </integer>', '<integer>-0x1F</integer>', '<integer>18446744073709551615</integer>', '<real>-1e-5</real>', '<real>.5</real>', '<real>nan</real>', '<real>-inf</real>', '<date>2024-02-29T23:59:59Z</date>', '<data>\n\tAAEC\n\tAw==\n</data>', '<data></data>'];
  for (const body of fine) assert.deepEqual(codes(wrap(`<array>${body}</array>`)), [], body);
});

test('fractional seconds in <date> get a message that says so (Apple\'s reader takes whole seconds only)', () => {
  const doc = parsePlist(wrap('<array><date>2024-01-31T12:00:00.5Z</date></array>'));
  assert.match(doc.problems[0]!.message, /fractional seconds, which Apple's plist reader refuses/);
});

test('characters XML forbids are reported once per run, named, never echoed raw', () => {
  const doc = parsePlist(wrap('<array><string>a\u0007b</string><string>\u0001\u0002\uFFFF</string><string>\uD83D\uDE00 ok \uDE00</string></array>'));
  assert.deepEqual(doc.problems.map((p) => [p.code, slice(doc, p)]), [
    ['xml.forbidden-character', '\u0007'],
    ['xml.forbidden-character', '\u0001\u0002\uFFFF'],
    ['xml.forbidden-character', '\uDE00'],
  ]);
  assert.equal(doc.problems[1]!.message, '3 characters (U+0001, U+0002, U+FFFF) are not allowed in XML, so macOS refuses the profile; remove them.');
  for (const p of doc.problems) assert.ok([...p.message].every((c) => c >= ' ' && c !== '\uFFFF'), p.message);
  assert.deepEqual(codes(wrap('<array><string>tab\tcr\rlf\n</string></array>')), []);
});

test('the syntax code table is unique and namespaced', () => {
  assert.equal(new Set(syntaxCodeList).size, syntaxCodeList.length);
  for (const code of syntaxCodeList) assert.match(code, /^(xml|plist)\.[a-z0-9-]+$/);
});

test('deep nesting does not overflow the stack', () => {
  const depth = 100_000;
  const text = '<plist>' + '<array>'.repeat(depth) + '</array>'.repeat(depth) + '</plist>';
  const doc = parsePlist(text);
  assert.deepEqual(doc.problems, []);
});

test('every syntax code is produced by some input', () => {
  const inputs = [
    ...recovery.map((c) => wrap(c.body)),
    '',
    '<plist><dict/></plist><dict/>',
    '<plist><dict/></plist><?xml version="1.0"?>',
    ' <?xml version="1.0"?><plist><dict/></plist>',
    '<plist><dict/><!-- open',
    '<plist></plist>',
    '<dict/>',
    wrap('<array><integer>x</integer><real>x</real><date>x</date><data>*</data><string>&nope;</string></array>'),
    wrap('<array><string>\u0007</string></array>'),
  ];
  const seen = new Set(inputs.flatMap((text) => parsePlist(text).problems.map((p) => p.code)));
  assert.deepEqual(syntaxCodeList.filter((code) => !seen.has(code)), []);
});

test('an unclosed <key> ends at its text: the line break before the next tag is not part of the key', () => {
  const text = wrap('<dict>\n\t<key>allowCamera\n\t<true/>\n\t<key>A&amp;B  \n\t<false/>\n</dict>');
  const doc = parsePlist(text);
  assert.deepEqual(doc.problems.map((p) => p.code), ['xml.unclosed-tag', 'xml.unclosed-tag']);
  const root = doc.root!;
  if (root.kind !== 'dict') return assert.fail('no dict');
  const [camera, amp] = root.entries;
  assert.equal(camera.key, 'allowCamera');
  assert.equal(slice(doc, camera.keyContent), 'allowCamera');
  assert.equal(camera.value?.kind, 'true');
  assert.equal(amp.key, 'A&B');
  assert.equal(amp.value?.kind, 'false');
});
