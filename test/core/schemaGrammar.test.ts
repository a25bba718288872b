// The TextMate grammar and language configuration: well-formed, every rule compiles, and the rules for the
// plist constructs match what they are meant to (vscode-textmate is not a dependency, so no full tokenizer here).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Rule { name?: string; match?: string; begin?: string; end?: string; include?: string; patterns?: Rule[]; captures?: Record<string, Rule> }
const grammar = JSON.parse(readFileSync('syntaxes/mobileconfig.tmLanguage.json', 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };

function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule): void => {
    out.push(r);
    r.patterns?.forEach(visit);
    Object.values(r.captures ?? {}).forEach(visit);
  };
  grammar.patterns.forEach(visit);
  Object.values(grammar.repository).forEach(visit);
  return out;
}

const rule = (repo: string, scope: string): Rule => {
  const found = allRules().filter((r) => r.name === scope);
  assert.ok(found.length > 0, `no rule named ${scope}`);
  assert.ok(grammar.repository[repo], `no repository entry ${repo}`);
  return found[0]!;
};

test('grammar has the agreed scope name, every include resolves and every regex compiles', () => {
  assert.equal(grammar.scopeName, 'text.xml.plist.mobileconfig');
  for (const r of allRules()) {
    if (r.include) assert.ok(r.include.startsWith('#') && grammar.repository[r.include.slice(1)], `unresolved include ${r.include}`);
    for (const source of [r.match, r.begin, r.end]) if (source) assert.doesNotThrow(() => new RegExp(source), source);
  }
});

test('Payload keys get their own scope; other keys the key scope', () => {
  const payload = new RegExp(rule('key', 'meta.tag.key.payload.plist').match!);
  assert.equal(payload.exec('<key>PayloadUUID</key>')?.[4], 'PayloadUUID');
  assert.equal(payload.exec('<key>allowCamera</key>'), null);
  const key = allRules().find((r) => r.name === 'meta.tag.key.plist' && r.begin)!;
  assert.ok(new RegExp(key.begin!).test('<key>'));
  assert.equal(key.patterns?.[0]?.include, '#text');
});

test('XML declaration, doctype, comments, CDATA, booleans and entities', () => {
  assert.ok(new RegExp(rule('declaration', 'meta.tag.preprocessor.xml').begin!).test('<?xml version="1.0"?>'));
  assert.ok(new RegExp(rule('doctype', 'meta.tag.sgml.doctype.xml').begin!).test('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN">'));
  assert.ok(new RegExp(rule('comment', 'comment.block.xml').begin!).test('<!-- note -->'));
  assert.ok(new RegExp(rule('cdata', 'string.unquoted.cdata.xml').begin!).test('<![CDATA[x]]>'));
  const bool = new RegExp(rule('scalars', 'constant.language.boolean.plist').match!);
  assert.ok(bool.test('<true/>') && bool.test('<false />') && !bool.test('<truth/>'));
  const entity = new RegExp(rule('entity', 'constant.character.entity.xml').match!);
  assert.ok(entity.test('&amp;') && entity.test('&#x41;') && !entity.test('& '));
});

test('each scalar element has a content scope', () => {
  const scopes = allRules().map((r) => (r as { contentName?: string }).contentName).filter(Boolean);
  for (const s of ['string.unquoted.plist', 'constant.numeric.integer.plist', 'constant.numeric.real.plist', 'constant.other.date.plist', 'string.other.base64.plist', 'variable.other.property.key.plist']) {
    assert.ok(scopes.includes(s), s);
  }
});

test('language configuration: XML comments, folding on dict/array, word pattern keeps dotted names whole', () => {
  const config = JSON.parse(readFileSync('language-configuration.json', 'utf8')) as {
    comments: { blockComment: string[] }; folding: { markers: { start: string; end: string } }; wordPattern: string;
  };
  assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  assert.ok(new RegExp(config.folding.markers.start).test('    <dict>'));
  assert.ok(new RegExp(config.folding.markers.end).test('    </array>'));
  const word = new RegExp(config.wordPattern, 'g');
  assert.deepEqual('<string>com.apple.wifi.managed</string>'.match(word), ['string', 'com.apple.wifi.managed', 'string']);
});
