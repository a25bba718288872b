import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePlist } from '../../server/src/core/plist/parser';
import { toValue } from '../../server/src/core/plist/value';
import { applyEdits, format } from '../../server/src/core/format/format';
import { foldingRanges } from '../../server/src/core/folding/folding';
import { createLineIndex } from '../../server/src/core/text/lineIndex';
import { readProfileBytes } from '../../server/src/core/container';
import { sharedMissing, sharedPath } from '../shared';

const TABS = { tabSize: 4, insertSpaces: false };
const formatText = (text: string, options = TABS) => applyEdits(text, format(parsePlist(text), options));

test('formats a minified profile in Apple style', () => {
  const input = '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd"><plist version="1.0"><dict><key>A</key><string>  keep  me  </string><key>B</key><array><integer>1</integer><dict></dict><array/><!-- note --></array><key>C</key><true/></dict></plist>';
  const expected = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '\t<key>A</key>',
    '\t<string>  keep  me  </string>',
    '\t<key>B</key>',
    '\t<array>',
    '\t\t<integer>1</integer>',
    '\t\t<dict></dict>',
    '\t\t<array/>',
    '\t\t<!-- note -->',
    '\t</array>',
    '\t<key>C</key>',
    '\t<true/>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
  assert.equal(formatText(input), expected);
  assert.equal(formatText(expected), expected);
});

test('re-indents badly indented text with spaces when asked, and keeps CRLF', () => {
  const input = '<plist version="1.0">\r\n    <dict>\r\n<key>A</key>\r\n                <array>\r\n<string>x\r\ny</string>\r\n  </array>\r\n   </dict>\r\n</plist>';
  assert.equal(
    formatText(input, { tabSize: 2, insertSpaces: true }),
    '<plist version="1.0">\r\n<dict>\r\n  <key>A</key>\r\n  <array>\r\n    <string>x\r\ny</string>\r\n  </array>\r\n</dict>\r\n</plist>\r\n',
  );
});

test('refuses to format broken markup but accepts value problems', () => {
  for (const broken of ['<plist><dict><key>A</key><string>x</dict></plist>', '<plist><dict>stray</dict></plist>', '<plist><dict><key>A</key><string>x']) {
    assert.deepEqual(format(parsePlist(broken), TABS), [], broken);
  }
  const valueProblem = '<plist><dict><key>A</key><integer>x</integer><key>A</key><date>bad</date></dict></plist>';
  assert.ok(format(parsePlist(valueProblem), TABS).length > 0);
});

function profiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(mobileconfig|plist)$/.test(entry.name)) out.push(readProfileBytes(new Uint8Array(readFileSync(path))).text);
    }
  };
  if (!sharedMissing('corpus')) walk(sharedPath('corpus'));
  walk(join(import.meta.dirname, '..', 'fixtures'));
  return out.filter((t) => t.length > 0);
}

test('every profile: format is idempotent and keeps the value (plist package as oracle)', async () => {
  const plist = await import('plist'); // ESM-only package
  let formatted = 0;
  for (const text of profiles()) {
    const doc = parsePlist(text);
    const edits = format(doc, TABS);
    if (edits.length === 0) continue;
    formatted++;
    const once = applyEdits(text, edits);
    const again = parsePlist(once);
    assert.deepEqual(format(again, TABS), [], 'second format changes nothing');
    assert.deepEqual(toValue(again.root), toValue(doc.root));
    // The oracle refuses (noisily) whitespace before <?xml, which Apple accepts.
    if (/^\s+<\?xml/.test(text)) continue;
    assert.deepEqual(plist.parse(once), plist.parse(text));
  }
  assert.ok(formatted > 0);
});

test('random plists written compactly by the plist package: format is idempotent and value-preserving', async () => {
  const plist = await import('plist');
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: fc.constantFrom('a', ' ', '\n', '&', '<') }),
      fc.integer(),
      fc.boolean(),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('k', 'K', '_') }), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  fc.assert(
    fc.property(value, fc.boolean(), (v, pretty) => {
      const xml = plist.build(v as Parameters<typeof plist.build>[0], { pretty });
      const once = formatText(xml);
      assert.equal(formatText(once), once);
      assert.deepEqual(plist.parse(once), plist.parse(xml));
    }),
    { seed: 4242, numRuns: 300 },
  );
});

test('folding ranges cover multi-line dicts, arrays and comments', () => {
  const text = '<plist>\n<dict>\n\t<key>A</key>\n\t<array>\n\t\t<true/>\n\t</array>\n\t<key>B</key>\n\t<array><true/></array>\n\t<!-- one\n\ttwo -->\n</dict>\n</plist>\n';
  const lines = createLineIndex(text);
  const ranges = foldingRanges(parsePlist(text)).map((r) => [lines.positionAt(r.start).line, lines.positionAt(r.end).line, r.kind ?? '']);
  assert.deepEqual(ranges, [
    [1, 10, ''],
    [3, 5, ''],
    [8, 9, 'comment'],
  ]);
});
