// Small pure pieces of the adapter: settings parsing, binary detection, offset/position conversion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSettings, defaultSettings } from '../../server/src/lsp/settings';
import { detectBinaryText } from '../../server/src/lsp/binaryText';
import { fromDiagnostic, toDiagnostic, toFoldingRange } from '../../server/src/lsp/convert';

test('settings: flat and section shapes, junk dropped, missing values kept', () => {
  assert.deepEqual(readSettings({ diagnosticDelayMs: 50, targetPlatforms: ['iOS', 'Android'], severityOverrides: { a: 'off', b: 'loud' } }), {
    diagnosticDelayMs: 50,
    targetPlatforms: ['iOS'],
    severityOverrides: { a: 'off' },
    manifestPaths: [],
  });
  const base = { ...defaultSettings, targetPlatforms: ['macOS' as const] };
  assert.deepEqual(readSettings({ profileStudio: { diagnostics: { delayMs: 99999 }, severityOverrides: { c: 'hint' } } }, base), {
    diagnosticDelayMs: 5000,
    targetPlatforms: ['macOS'],
    severityOverrides: { c: 'hint' },
    manifestPaths: [],
  });
  assert.deepEqual(readSettings({ profileStudio: { manifestPaths: [' /a ', '/a', '', 7, '~/b'] } }, base).manifestPaths, ['/a', '~/b']);
  assert.deepEqual(readSettings({ profileStudio: { manifestPaths: 'oops' } }, { ...base, manifestPaths: ['/kept'] }).manifestPaths, ['/kept']);
  for (const junk of [null, 42, 'x', [], { profileStudio: 7 }]) assert.deepEqual(readSettings(junk, base), base);
});

test('binary detection from what an editor decodes', () => {
  assert.equal(detectBinaryText('bplist00\u00d4\u0001'), 'binary-plist');
  assert.equal(detectBinaryText('-----BEGIN PKCS7-----\nMIAG'), 'pem');
  assert.equal(detectBinaryText('0\u0082\u0012\u0034'), 'signed');
  assert.equal(detectBinaryText('0\uFFFD\uFFFD'), 'signed');
  assert.equal(detectBinaryText('\uFEFF<?xml version="1.0"?><plist/>'), undefined);
  assert.equal(detectBinaryText('<plist>\u0000</plist>'), 'binary');
  assert.equal(detectBinaryText('0 is not a signature'), undefined);
});

test('problems round-trip through diagnostics; folds keep the closing line visible', () => {
  const text = 'a\r\nbé\n<dict>\n\t<key>x</key>\n</dict>\n';
  const doc = TextDocument.create('file:///x', 'mobileconfig', 1, text);
  const problem = { code: 'value.wrong-type', severity: 'warning' as const, message: 'm', offset: 4, length: 5, data: { expectedType: 'integer' } };
  const d = toDiagnostic(doc, problem);
  assert.deepEqual(d.range, { start: { line: 1, character: 1 }, end: { line: 2, character: 3 } });
  assert.deepEqual(fromDiagnostic(doc, d), problem);
  const start = text.indexOf('<dict>');
  assert.deepEqual(toFoldingRange(doc, { start, end: text.indexOf('</dict>') }), { startLine: 2, endLine: 3 });
  assert.equal(toFoldingRange(doc, { start, end: start + 3 }), undefined);
  assert.deepEqual(toFoldingRange(doc, { start: 0, end: text.indexOf('<dict>'), kind: 'comment' }), { startLine: 0, endLine: 2, kind: 'comment' });
});
