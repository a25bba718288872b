// Edits to a large profile go through the incremental reparse; diagnostics must track them exactly.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { syntheticProfile } from '../../scripts/bench/synthetic';
import { lspPair } from './lspPair';

const pair = lspPair(fileSchemaSource(join(__dirname, '..', '..', 'schemas')), 0);
after(() => pair.close());

test('ranged edits in a large profile: problems appear and clear at the right place', async () => {
  await pair.initialize({ diagnosticDelayMs: 0 });
  const uri = 'file:///big/profile.mobileconfig';
  let text = syntheticProfile(120_000);
  const opened = pair.nextDiagnostics(uri);
  await pair.open(uri, text);
  assert.deepEqual((await opened).diagnostics, []);
  let version = 1;
  const edit = async (offset: number, length: number, insert: string) => {
    const doc = TextDocument.create(uri, 'x', version, text);
    const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
    text = text.slice(0, offset) + insert + text.slice(offset + length);
    version++;
    const published = pair.nextDiagnostics(uri, (p) => p.version === version);
    await pair.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    return (await published).diagnostics;
  };
  const middle = text.indexOf('<string>WPA2</string>', text.length / 2) + '<string>'.length;
  const bad = await edit(middle, 4, 'WPA7');
  assert.deepEqual(bad.map((d) => d.code), ['value.not-allowed']);
  const line = TextDocument.create(uri, 'x', 0, text).positionAt(middle).line;
  assert.equal(bad[0]!.range.start.line, line);
  // An edit above it shifts the problem down one line.
  const above = text.indexOf('<key>PayloadContent</key>');
  const shifted = await edit(above, 0, '<!-- note -->\n');
  assert.equal(shifted[0]!.range.start.line, line + 1);
  const fixed = await edit(middle + '<!-- note -->\n'.length, 4, 'WPA3');
  assert.deepEqual(fixed, []);
});

test('two documents with the same text: editing one leaves the other intact', async () => {
  const text = syntheticProfile(30_000);
  const a = 'file:///same/a.mobileconfig';
  const b = 'file:///same/b.mobileconfig';
  for (const uri of [a, b]) {
    const opened = pair.nextDiagnostics(uri);
    await pair.open(uri, text);
    await opened;
  }
  const doc = TextDocument.create(a, 'x', 1, text);
  const at = text.indexOf('<string>WPA2</string>') + '<string>'.length;
  const changed = pair.nextDiagnostics(a, (p) => p.version === 2);
  await pair.client.sendNotification('textDocument/didChange', {
    textDocument: { uri: a, version: 2 },
    contentChanges: [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 4) }, text: 'WPA0' }],
  });
  assert.deepEqual((await changed).diagnostics.map((d) => d.code), ['value.not-allowed']);
  const summary = await pair.client.sendRequest<{ counts: { error: number } }>('profileStudio/lintSummary', { uri: b });
  assert.equal(summary.counts.error, 0);
  const hover = await pair.client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: b }, position: doc.positionAt(at + 1) });
  assert.match(hover!.contents.value, /WPA2/);
});
