// Preference manifests over the real protocol: manifestPaths from initializationOptions and live from
// didChangeConfiguration; Chrome and Safari payloads (direct and through managed preferences) checked and
// completed from the shared ProfileManifests collection; a broken manifest logged once and skipped.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CompletionList, Diagnostic } from 'vscode-languageserver/node';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { payloadXml, profileWith } from '../core/validateHelpers';
import { sharedMissing, sharedPath } from '../shared';
import { lspPair } from './lspPair';

const skip = sharedMissing('profile-manifests/Manifests');
const manifests = sharedPath('profile-manifests');
const mcx = (domain: string, settings: string) => profileWith(payloadXml('com.apple.ManagedClient.preferences',
  `<key>PayloadContent</key><dict><key>${domain}</key><dict><key>Forced</key><array><dict><key>mcx_preference_settings</key><dict>${settings}</dict></dict></array></dict></dict>`));
const row = (d: Diagnostic) => `${d.severity} ${String(d.code)}`;

describe('manifests over LSP', { skip }, () => {
  const pair = lspPair(fileSchemaSource('schemas'));
  const logs: string[] = [];
  pair.client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  after(() => pair.close());
  let n = 0;
  const diagnose = async (text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
    const uri = `file:///manifests/${++n}.mobileconfig`;
    const next = pair.nextDiagnostics(uri);
    await pair.open(uri, text);
    return { uri, diagnostics: (await next).diagnostics };
  };

  test('initializationOptions.manifestPaths: a Chrome payload is checked at the key', async () => {
    await pair.initialize({ diagnosticDelayMs: 0, manifestPaths: [manifests] });
    const wrong = profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key>\n<integer>3</integer>'));
    const { diagnostics } = await diagnose(wrong);
    assert.deepEqual(diagnostics.map(row), ['1 value.wrong-type']);
    const line = wrong.split('\n').findIndex((l) => l.startsWith('<integer>3'));
    assert.equal(diagnostics[0]!.range.start.line, line);
    const near = await diagnose(profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocatoin</key><string>x</string>')));
    assert.deepEqual(near.diagnostics.map(row), ['2 payload.unknown-key']);
    assert.match(String(near.diagnostics[0]!.message), /did you mean `HomepageLocation`/);
    const valid = await diagnose(profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><string>https://example.com</string>')));
    assert.deepEqual(valid.diagnostics, []);
  });

  test('completion inside a Chrome payload offers Chrome\'s keys', async () => {
    const text = profileWith(payloadXml('com.google.Chrome', '<key>Homepage</key>'));
    const { uri } = await diagnose(text);
    const before = text.slice(0, text.indexOf('<key>Homepage</key>') + 13).split('\n');
    const list = await pair.client.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri }, position: { line: before.length - 1, character: before.at(-1)!.length },
    });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('HomepageLocation') && labels.includes('HomepageIsNewTabPage'), labels.slice(0, 20).join(','));
  });

  test('com.apple.Safari is recognised; the same checks through ManagedClient.preferences', async () => {
    assert.deepEqual((await diagnose(profileWith(payloadXml('com.apple.Safari', '<key>HomePage</key><string>https://example.com</string>')))).diagnostics, []);
    assert.deepEqual((await diagnose(mcx('com.google.Chrome', '<key>HomepageLocation</key><integer>3</integer>'))).diagnostics.map(row), ['1 value.wrong-type']);
    assert.deepEqual((await diagnose(mcx('com.google.Chrome', '<key>HomepageLocatoin</key><string>x</string>'))).diagnostics.map(row), ['2 payload.unknown-key']);
    assert.deepEqual((await diagnose(mcx('com.apple.Safari', '<key>HomePage</key><string>https://example.com</string>'))).diagnostics, []);
  });

  test('didChangeConfiguration: removing the folders turns checking off live, adding them back on', async () => {
    const text = profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><integer>3</integer>'));
    const uri = `file:///manifests/live.mobileconfig`;
    const first = pair.nextDiagnostics(uri);
    await pair.open(uri, text);
    assert.deepEqual((await first).diagnostics.map(row), ['1 value.wrong-type']);
    const off = pair.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'payload.custom-type'));
    await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { manifestPaths: [] } } });
    await off;
    const on = pair.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'value.wrong-type'));
    await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { manifestPaths: [manifests] } } });
    await on;
  });

  test('profileStudio/reloadManifests reads the same folders again (an updated clone)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-lsp-reload-'));
    const write = (type: string) => writeFileSync(join(dir, 'app.plist'), `<?xml version="1.0"?><plist version="1.0"><dict><key>pfm_domain</key><string>com.example.reload</string>
<key>pfm_subkeys</key><array><dict><key>pfm_name</key><string>Level</string><key>pfm_type</key><string>${type}</string></dict></array></dict></plist>`);
    try {
      write('integer');
      await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { manifestPaths: [dir] } } });
      const text = profileWith(payloadXml('com.example.reload', '<key>Level</key><true/>'));
      const uri = 'file:///manifests/reload.mobileconfig';
      const first = pair.nextDiagnostics(uri);
      await pair.open(uri, text);
      assert.deepEqual((await first).diagnostics.map(row), ['1 value.wrong-type']);
      write('boolean');
      const clean = pair.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
      await pair.client.sendNotification('profileStudio/reloadManifests');
      await clean;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a broken manifest is logged once with its path and skipped; the server keeps answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-lsp-manifests-'));
    try {
      writeFileSync(join(dir, 'broken.plist'), '<plist><dict><key>pfm_domain</key><string>com.example.broken</string><key>pfm_subkeys</key><array><dict>');
      await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: { profileStudio: { manifestPaths: [dir, manifests] } } });
      const text = profileWith(payloadXml('com.example.broken', '<key>X</key><true/>'));
      await diagnose(text);
      await diagnose(text.replace('<true/>', '<false/>'));
      const lines = logs.filter((l) => l.includes('broken.plist'));
      assert.equal(lines.length, 1, logs.join('\n'));
      assert.match(lines[0]!, /skipped: not a readable plist/);
      assert.deepEqual((await diagnose(profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><integer>3</integer>')))).diagnostics.map(row), ['1 value.wrong-type']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
