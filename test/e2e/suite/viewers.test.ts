import * as assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { extensionCtx, tempDir, waitFor } from './helpers';

// The bundle runs from client/out/test/suite; fixtures live in the repository's test/fixtures.
const FIXTURES = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures');

suite('Signed and binary profiles open decoded and read-only', () => {
  test('Show Decoded Profile gives the embedded XML of a signed profile, linted by the server', async () => {
    await extensionCtx();
    const dir = await tempDir();
    const file = join(dir, 'signed.mobileconfig');
    await copyFile(join(FIXTURES, 'parse', 'signed', 'signed-der.mobileconfig'), file);
    const decoded = await vscode.commands.executeCommand<vscode.Uri>('profileStudio.openDecoded', vscode.Uri.file(file));
    assert.ok(decoded);
    assert.equal(decoded.scheme, 'profilestudio-decoded');
    const doc = await vscode.workspace.openTextDocument(decoded);
    assert.match(doc.getText(), /<plist/);
    assert.match(doc.getText(), /Signed profile, shown decoded and read-only/);
    assert.equal(doc.languageId, 'mobileconfig');
    await waitFor(() => {
      const published = vscode.languages.getDiagnostics(decoded);
      return published ? true : undefined;
    }, 'the server to lint the decoded view');
  });

  test('opening a signed profile swaps the tab for the decoded view', async () => {
    const ctx = await extensionCtx();
    assert.equal(ctx.config.openSignedDecoded, true);
    const dir = await tempDir();
    const file = join(dir, 'opened.mobileconfig');
    await copyFile(join(FIXTURES, 'parse', 'signed', 'signed-pem.mobileconfig'), file);
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'profilestudio-decoded' && t.input.uri.query.includes('opened.mobileconfig')),
      'a decoded tab for opened.mobileconfig',
    );
  });
});
