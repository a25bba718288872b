import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionCtx, waitFor } from './helpers';

suite('Activation', () => {
  test('the extension activates and registers its commands', async () => {
    const ctx = await extensionCtx();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['addTenant', 'tryDemoTenant', 'pushProfile', 'assignToBlueprint', 'pullToWorkspace', 'compareWithRemote', 'deviceAction', 'syncStatus']) {
      assert.ok(commands.includes(`profileStudio.${id}`), `profileStudio.${id} is registered`);
    }
    assert.ok(ctx.tree.view, 'the tenant tree view exists');
  });

  test('the mobileconfig language is contributed and the language server runs', async () => {
    const ctx = await extensionCtx();
    assert.ok((await vscode.languages.getLanguages()).includes('mobileconfig'));
    await waitFor(() => ctx.client?.isRunning(), 'the language client to be running');
  });

  test('the status bar names the active tenant or offers to add one', async () => {
    const ctx = await extensionCtx();
    const active = ctx.tenants.active();
    assert.match(ctx.statusBar.text, active ? new RegExp(active.label.replace(/[()]/g, '\\$&')) : /No tenant/);
  });
});
