import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  MarkupContent,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspPair } from './lspPair';
import { profile, wifiHead } from '../core/completeFixtures';
import type { DecodedContentResult, LintSummary } from '../../server/src/lsp/protocol';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pair = lspPair();
after(() => pair.close());
let init: InitializeResult;
let n = 0;
const nextUri = () => `file:///profiles/test-${++n}.mobileconfig`;

const wifi = profile(`${wifiHead}\n\t\t\t<key>PayloadIdentifier</key>\n\t\t\t<string>com.example.wifi</string>\n\t\t\t<key>PayloadUUID</key>\n\t\t\t<string>8C4B1F3E-3C53-4C8A-9E0B-2B1A1F0C9D11</string>\n\t\t\t<key>PayloadVersion</key>\n\t\t\t<integer>1</integer>\n\t\t\t<key>SSID_STR</key>\n\t\t\t<string>Office</string>\n\t\t\t<key>AutoJoin</key>\n\t\t\t<string>true</string>`)
  .replace('\t<key>PayloadType</key>\n\t<string>Configuration</string>', '\t<key>PayloadType</key>\n\t<string>Configuration</string>\n\t<key>PayloadUUID</key>\n\t<string>0F6B8C2A-5D1E-4B7F-A3C9-6E2D8F1A4B5C</string>\n\t<key>PayloadVersion</key>\n\t<integer>1</integer>');

function pos(text: string, needle: string, delta = 0) {
  const doc = TextDocument.create('x', 'x', 0, text);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return doc.positionAt(offset + delta);
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 0, text), edits);
}

test('initialize announces incremental sync and the features', async () => {
  init = await pair.initialize({ diagnosticDelayMs: 0, targetPlatforms: ['iOS'] });
  const caps = init.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  assert.ok(caps.completionProvider && caps.hoverProvider && caps.codeActionProvider && caps.documentSymbolProvider);
});

test('didOpen publishes diagnostics with the version; incremental didChange republishes', async () => {
  const uri = nextUri();
  const first = pair.nextDiagnostics(uri);
  await pair.open(uri, wifi, 1);
  const d1 = await first;
  assert.equal(d1.version, 1);
  const wrong = d1.diagnostics.find((d) => d.code === 'value.wrong-type');
  assert.ok(wrong, JSON.stringify(d1.diagnostics.map((d) => d.code)));
  assert.deepEqual(wrong.range, { start: pos(wifi, '<string>true</string>'), end: pos(wifi, '<string>true</string>', 21) });

  // Replace `<string>true</string>` with `<true/>` through a ranged change.
  const second = pair.nextDiagnostics(uri, (p) => p.version === 2);
  await pair.client.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: wrong.range, text: '<true/>' }],
  });
  const d2 = await second;
  assert.deepEqual(d2.diagnostics.filter((d) => d.severity === 1), []);

  // An edit that breaks the XML yields a syntax error at the right place.
  const third = pair.nextDiagnostics(uri, (p) => p.version === 3);
  const at = pos(wifi, '</string>', 0);
  await pair.client.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: '' }],
  });
  const d3 = await third;
  assert.ok(d3.diagnostics.some((d) => String(d.code).startsWith('xml.')), JSON.stringify(d3.diagnostics.map((d) => d.code)));
});

test('completion, hover and document symbols over the protocol', async () => {
  const uri = nextUri();
  const text = wifi.replace('\t\t\t<key>AutoJoin</key>', '\t\t\t\n\t\t\t<key>AutoJoin</key>');
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, text);
  await opened;
  const at = pos(text, '\t\t\t\n\t\t\t<key>AutoJoin</key>', 3);
  const list = await pair.client.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at });
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes('EncryptionType'));
  assert.ok(!labels.includes('SSID_STR'), 'present keys are not offered');
  const enc = list.items.find((i) => i.label === 'EncryptionType')!;
  assert.equal(enc.insertTextFormat, 2);
  assert.match((enc.textEdit as TextEdit).newText, /^<key>EncryptionType<\/key>\n\t\t\t<string>\$\{1\|WEP,/);

  const hover = await pair.client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: pos(text, 'SSID_STR', 2) });
  assert.match((hover.contents as MarkupContent).value, /Network name/);
  assert.equal((hover.contents as MarkupContent).kind, 'markdown');

  const symbols = await pair.client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0]!.name, 'com.example.test');
  const payload = symbols[0]!.children![0]!.children![0]!;
  assert.equal(payload.name, 'com.apple.wifi.managed');
  assert.ok(payload.children!.some((c) => c.name === 'SSID_STR'));
});

test('code actions: the fix for a diagnostic produces the expected text', async () => {
  const uri = nextUri();
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, wifi);
  const { diagnostics } = await opened;
  const wrong = diagnostics.find((d) => d.code === 'value.wrong-type') as Diagnostic;
  const actions = await pair.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: wrong.range,
    context: { diagnostics: [wrong] },
  });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions));
  const fixed = applyTextEdits(wifi, fix.edit!.changes![uri]!);
  assert.ok(fixed.includes('<key>AutoJoin</key>\n\t\t\t<true/>'));
});

test('severity overrides from didChangeConfiguration apply to the next diagnostics', async () => {
  const uri = nextUri();
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, wifi);
  await opened;
  const changed = pair.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'value.wrong-type'));
  await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { severityOverrides: { 'value.wrong-type': 'off' } } } });
  await changed;
  const back = pair.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'value.wrong-type' && d.severity === 2));
  await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { severityOverrides: { 'value.wrong-type': 'warning' } } } });
  await back;
  await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { severityOverrides: {} } } });
});

test('signed profile text: one info diagnostic, no XML errors, features answer empty', async () => {
  const uri = nextUri();
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, '0\u0080\u0006\t*\u0086H\u0086\u00f7\r\u0001\u0007\u0002\u00a0\u0080<?xml version="1.0"?><plist><dict><key>PayloadType</key>');
  const { diagnostics } = await opened;
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.severity, 3);
  assert.match(String(diagnostics[0]!.message), /Signed profile/);
  const list = await pair.client.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 5 } });
  assert.equal(list, null);
});

test('lintSummary counts problems of an open document; close clears diagnostics', async () => {
  const uri = nextUri();
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, wifi);
  await opened;
  const summary = await pair.client.sendRequest<LintSummary>('profileStudio/lintSummary', { uri });
  assert.equal(summary.version, 1);
  assert.ok(summary.counts.error >= 1);
  assert.ok(summary.problems.some((p) => p.code === 'value.wrong-type' && p.line === pos(wifi, '<string>true</string>').line));
  const cleared = pair.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
  await pair.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await cleared;
  assert.equal(await pair.client.sendRequest('profileStudio/lintSummary', { uri }), null);
});

test('malformed input never crashes the server: every request on junk answers', async () => {
  const uri = nextUri();
  const junk = '<plist><dict><key>PayloadContent</key><array><dict><key>PayloadType</key><string>com.apple.wifi.managed<dict></array></plist>';
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, junk);
  await opened;
  for (let c = 0; c <= junk.length; c += 7) {
    const position = { line: 0, character: c };
    await pair.client.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    await pair.client.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }
  await pair.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const unknown = await pair.client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///not-open' }, position: { line: 0, character: 0 } });
  assert.equal(unknown, null);
});

test('formatting (document and range) and folding ranges', async () => {
  const uri = nextUri();
  const messy = '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n<key>PayloadContent</key>\n      <array>\n  <dict>\n<key>PayloadType</key>\n<string>com.apple.wifi.managed</string>\n  </dict>\n</array>\n</dict>\n</plist>\n';
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, messy);
  await opened;
  const edits = await pair.client.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
  const formatted = applyTextEdits(messy, edits);
  assert.equal(formatted, '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wifi.managed</string>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>\n');
  // Only lines 6-7 (the inner keys) are in the range: nothing else moves.
  const ranged = await pair.client.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    range: { start: { line: 6, character: 0 }, end: { line: 7, character: 40 } },
    options: { tabSize: 2, insertSpaces: true },
  });
  assert.ok(ranged.length > 0);
  for (const e of ranged) assert.ok(e.range.start.line >= 5 && e.range.end.line <= 7, JSON.stringify(e.range));
  const folds = await pair.client.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 9), JSON.stringify(folds));
  assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 8), JSON.stringify(folds));
});

test('decodedContent reads a signed profile from disk; errors are ResponseErrors, not crashes', async () => {
  const file = join(__dirname, '..', 'fixtures', 'profiles', 'containers', 'signed-pem-valid.mobileconfig');
  const result = await pair.client.sendRequest<DecodedContentResult>('profileStudio/decodedContent', { uri: pathToFileURL(file).href });
  assert.equal(result.kind, 'signed-pem');
  assert.equal(result.readOnly, true);
  assert.match(result.text, /<plist/);
  assert.ok(result.signer && result.signer.length > 0);
  await assert.rejects(pair.client.sendRequest('profileStudio/decodedContent', { uri: pathToFileURL(join(__dirname, 'missing.mobileconfig')).href }), /decodedContent failed/);
  // The server still answers afterwards.
  assert.equal(await pair.client.sendRequest('profileStudio/lintSummary', { uri: 'file:///nope' }), null);
});
