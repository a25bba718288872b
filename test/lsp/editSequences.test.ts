// Incremental state over the real protocol: whatever sequence of edits arrives, the diagnostics of a
// document equal those of a freshly opened document with the same text (a full parse and validation).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { syntheticProfile } from '../../scripts/bench/synthetic';
import { prng } from '../../scripts/bench/fuzz';
import { applyToState, randomChange, type EditState } from '../core/randomEdits';
import { lspPair, pullCapabilities, type LspPair } from './lspPair';

const schemas = fileSchemaSource(join(__dirname, '..', '..', 'schemas'));
const pullPair = lspPair(schemas, 0);
const pushPair = lspPair(schemas, 0);
after(() => {
  pullPair.close();
  pushPair.close();
});

let opened = 0;
const codes = (items: Diagnostic[]) => items.map((d) => d.code);
const full = (r: DocumentDiagnosticReport): FullDocumentDiagnosticReport => {
  assert.equal(r.kind, 'full');
  return r as FullDocumentDiagnosticReport;
};

/** An editor's view of one open document: sends ranged changes and keeps the text in step. */
class Editor {
  version = 1;
  constructor(readonly pair: LspPair, readonly uri: string, public text: string) {}
  static async open(pair: LspPair, text: string, name = `doc-${++opened}`): Promise<Editor> {
    const e = new Editor(pair, `file:///edits/${name}.mobileconfig`, text);
    await pair.open(e.uri, text);
    return e;
  }
  /** Changes in offsets of the text each applies to (in order, as one notification). */
  async edit(...changes: { offset: number; length: number; text: string }[]): Promise<void> {
    const events: TextDocumentContentChangeEvent[] = [];
    for (const c of changes) {
      const doc = TextDocument.create(this.uri, 'x', 0, this.text);
      events.push({ range: { start: doc.positionAt(c.offset), end: doc.positionAt(c.offset + c.length) }, text: c.text });
      this.text = this.text.slice(0, c.offset) + c.text + this.text.slice(c.offset + c.length);
    }
    await this.pair.change(this.uri, ++this.version, events);
  }
}

/** Diagnostics of a document opened fresh with `text` (full parse), then closed; related locations point at `as`. */
async function fresh(text: string, as?: string): Promise<Diagnostic[]> {
  const uri = `file:///oracle/${++opened}.mobileconfig`;
  await pullPair.open(uri, text);
  const report = full(await pullPair.pull(uri));
  await pullPair.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (!as) return report.items;
  return report.items.map((d) => (d.relatedInformation ? { ...d, relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, uri: as } })) } : d));
}

const wpaAt = (text: string, from = 0) => text.indexOf('<string>WPA2</string>', from) + '<string>WPA'.length;

test('initialize: pull diagnostics announced to a pull client, not to a push client', async () => {
  const pulled = await pullPair.initialize({ diagnosticDelayMs: 5000 }, pullCapabilities);
  assert.deepEqual(pulled.capabilities.diagnosticProvider, { identifier: 'profile-studio', interFileDependencies: false, workspaceDiagnostics: false });
  const pushed = await pushPair.initialize({ diagnosticDelayMs: 30 }, {});
  assert.equal(pushed.capabilities.diagnosticProvider, undefined);
});

test('33 one-character edits between two parses (WPA2 -> WPA7), then one more: diagnostics equal a fresh open', async () => {
  for (const pair of [pushPair, pullPair]) {
    const base = syntheticProfile(60_000);
    const ed = await Editor.open(pair, base);
    if (pair === pullPair) full(await pair.pull(ed.uri));
    else await pair.nextDiagnostics(ed.uri, (p) => p.version === 1);
    const at = wpaAt(base, base.length / 2);
    // 32 edits flipping the digit, the 33rd leaves WPA7: more than the server keeps between parses.
    for (let i = 0; i < 32; i++) await ed.edit({ offset: at, length: 1, text: i % 2 === 0 ? '3' : '2' });
    await ed.edit({ offset: at, length: 1, text: '7' });
    const last = ed.version + 1;
    const published = pair === pushPair ? pair.nextDiagnostics(ed.uri, (p) => p.version === last) : undefined;
    await ed.edit({ offset: base.indexOf('<string>Bench</string>') + 8, length: 0, text: ' ' });
    const items = published ? (await published).diagnostics : full(await pair.pull(ed.uri)).items;
    assert.deepEqual(codes(items), ['value.not-allowed']);
    assert.deepEqual(items, await fresh(ed.text, ed.uri));
  }
});

test('edits faster than diagnostics, pulls in between: every answer equals a fresh open of that text', async () => {
  const ed = await Editor.open(pullPair, syntheticProfile(40_000));
  const rnd = prng(11);
  for (let round = 0; round < 12; round++) {
    const n = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < n; i++) {
      const at = wpaAt(ed.text, Math.floor(rnd() * ed.text.length * 0.8));
      if (at >= 'WPA'.length) await ed.edit({ offset: at, length: 1, text: String(Math.floor(rnd() * 10)) });
    }
    assert.deepEqual(full(await pullPair.pull(ed.uri)).items, await fresh(ed.text, ed.uri), `round ${round}`);
  }
});

test('multi-cursor: several changes in one didChange are all applied, in order', async () => {
  const base = syntheticProfile(60_000);
  const ed = await Editor.open(pullPair, base);
  full(await pullPair.pull(ed.uri));
  const a = wpaAt(base);
  const b = wpaAt(base, a + 1000);
  const c = wpaAt(base, b + 1000);
  // Bottom-up, as editors send multi-cursor edits; offsets are those of the text each change applies to.
  await ed.edit({ offset: c, length: 1, text: '7' }, { offset: b, length: 1, text: '7' }, { offset: a, length: 1, text: '7' });
  const broken = full(await pullPair.pull(ed.uri)).items;
  assert.deepEqual(codes(broken), ['value.not-allowed', 'value.not-allowed', 'value.not-allowed']);
  assert.deepEqual(broken, await fresh(ed.text, ed.uri));
  // Top-down with a change that moves the later ones: inserts a line above, then fixes all three.
  const above = ed.text.lastIndexOf('\n\t\t\t<key>', a) + 1;
  await ed.edit({ offset: above, length: 0, text: '<!-- moved -->\n' }, { offset: a + 15, length: 1, text: '2' }, { offset: b + 15, length: 1, text: '3' }, { offset: c + 15, length: 1, text: '2' });
  assert.deepEqual(full(await pullPair.pull(ed.uri)).items, []);
  assert.deepEqual(await fresh(ed.text, ed.uri), []);
});

test('edits between root keys: text there is reported and cleared', async () => {
  const base = syntheticProfile(60_000);
  const ed = await Editor.open(pullPair, base);
  full(await pullPair.pull(ed.uri));
  const gap = base.lastIndexOf('\n\t<key>PayloadDisplayName</key>') + 1;
  await ed.edit({ offset: gap, length: 0, text: 'x' });
  const broken = full(await pullPair.pull(ed.uri)).items;
  assert.deepEqual(codes(broken), ['xml.unexpected-text']);
  assert.deepEqual(broken, await fresh(ed.text, ed.uri));
  // A new root entry, then a duplicate of an existing root key.
  await ed.edit({ offset: gap, length: 1, text: '<key>PayloadDescription</key>\n\t<string>About</string>\n\t' });
  assert.deepEqual(full(await pullPair.pull(ed.uri)).items, await fresh(ed.text, ed.uri));
  await ed.edit({ offset: gap, length: 0, text: '<key>PayloadType</key>\n\t<string>Configuration</string>\n\t' });
  const dup = full(await pullPair.pull(ed.uri)).items;
  assert.ok(codes(dup).includes('plist.duplicate-key'), JSON.stringify(codes(dup)));
  assert.deepEqual(dup, await fresh(ed.text, ed.uri));
});

test('undo and redo back to an earlier text give that text\'s diagnostics', async () => {
  const base = syntheticProfile(60_000);
  const ed = await Editor.open(pullPair, base);
  const original = full(await pullPair.pull(ed.uri)).items;
  const at = wpaAt(base, base.length / 3);
  await ed.edit({ offset: at - 3, length: 4, text: 'XYZ' });
  const changed = full(await pullPair.pull(ed.uri)).items;
  assert.deepEqual(codes(changed), ['value.not-allowed']);
  await ed.edit({ offset: at - 3, length: 3, text: 'WPA2' }); // undo
  assert.equal(ed.text, base);
  assert.deepEqual(full(await pullPair.pull(ed.uri)).items, original);
  await ed.edit({ offset: at - 3, length: 4, text: 'XYZ' }); // redo
  assert.deepEqual(full(await pullPair.pull(ed.uri)).items, changed);
});

test('two documents with identical text, edited differently, stay independent', async () => {
  const base = syntheticProfile(60_000);
  const a = await Editor.open(pullPair, base);
  const b = await Editor.open(pullPair, base);
  full(await pullPair.pull(a.uri));
  full(await pullPair.pull(b.uri));
  const at = wpaAt(base, base.length / 2);
  await a.edit({ offset: at, length: 1, text: '7' });
  await b.edit({ offset: base.lastIndexOf('\n\t<key>PayloadDisplayName</key>') + 1, length: 0, text: 'y' });
  assert.deepEqual(codes(full(await pullPair.pull(a.uri)).items), ['value.not-allowed']);
  assert.deepEqual(codes(full(await pullPair.pull(b.uri)).items), ['xml.unexpected-text']);
  // A third document opened with a's old text reads it fresh, whatever the others did.
  assert.deepEqual(await fresh(base), []);
  await a.edit({ offset: at, length: 1, text: '2' });
  assert.deepEqual(full(await pullPair.pull(a.uri)).items, []);
  assert.deepEqual(codes(full(await pullPair.pull(b.uri)).items), ['xml.unexpected-text']);
});

test('an unchanged document answers "unchanged"; an edit or a settings change gives a new result', async () => {
  const ed = await Editor.open(pullPair, syntheticProfile(20_000));
  const first = full(await pullPair.pull(ed.uri));
  assert.ok(first.resultId);
  assert.deepEqual(await pullPair.pull(ed.uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
  await ed.edit({ offset: wpaAt(ed.text), length: 1, text: '7' });
  const second = full(await pullPair.pull(ed.uri, first.resultId));
  assert.notEqual(second.resultId, first.resultId);
  const refreshed = new Promise<void>((resolve) => pullPair.client.onRequest('workspace/diagnostic/refresh', () => resolve()));
  await pullPair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { severityOverrides: { 'value.not-allowed': 'warning' } } } });
  await refreshed;
  const third = full(await pullPair.pull(ed.uri, second.resultId));
  assert.equal(third.items[0]?.severity, 2);
  await pullPair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { severityOverrides: {} } } });
});

test('random edit sequences over the protocol (single and multi-change events) match a fresh open', async () => {
  const rnd = prng(77);
  for (let seq = 0; seq < 25; seq++) {
    const ed = await Editor.open(pullPair, syntheticProfile(8_000 + seq * 500));
    const state: EditState = { text: ed.text, undo: [] };
    const steps = 4 + Math.floor(rnd() * 8);
    for (let step = 0; step < steps; step++) {
      const changes = [];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const { change, undo } = randomChange(state, rnd);
        applyToState(state, change, undo);
        changes.push(change);
      }
      await ed.edit(...changes);
      assert.equal(ed.text, state.text);
      if (rnd() < 0.5) continue;
      assert.deepEqual(full(await pullPair.pull(ed.uri)).items, await fresh(ed.text, ed.uri), `sequence ${seq} step ${step}`);
    }
    assert.deepEqual(full(await pullPair.pull(ed.uri)).items, await fresh(ed.text, ed.uri), `sequence ${seq} end`);
    await pullPair.client.sendNotification('textDocument/didClose', { textDocument: { uri: ed.uri } });
  }
});
