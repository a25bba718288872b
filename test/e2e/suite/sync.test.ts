import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { SyncEntry, SyncReport } from '../../../tenant/src/sync';
import { addTenant, apiOf, extensionCtx, removeAllTenants, startSim, stopSimulators, tempDir, unwrap } from './helpers';

suite('Sync status with pull and push', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  test('pull all writes the layout; status is then in sync; a local edit shows and pushes', async function () {
    this.timeout(120_000);
    await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const tenantId = await addTenant(sim, 'kandji');
    const folder = vscode.Uri.file(await tempDir());

    const before = await vscode.commands.executeCommand<SyncEntry[]>('profileStudio.syncStatus', { tenantId, folder, action: 'status' });
    assert.ok(before.length > 0 && before.every((e) => e.state === 'new_remote'), 'an empty folder: everything is new remote');

    const pulled = await vscode.commands.executeCommand<SyncReport>('profileStudio.syncStatus', { tenantId, folder, action: 'pull' });
    assert.equal(pulled.outcomes.filter((o) => o.done).length, before.length);

    const after = await vscode.commands.executeCommand<SyncEntry[]>('profileStudio.syncStatus', { tenantId, folder, action: 'status' });
    assert.deepEqual([...new Set(after.map((e) => e.state))], ['no_changes']);

    const entry = after[0]!;
    const file = vscode.Uri.joinPath(folder, ...entry.local!.profilePath.split('/'));
    const text = await readFile(file.fsPath, 'utf8');
    const edited = text.replace(/<\/dict>\s*<\/plist>\s*$/, '\t<key>PayloadDescription</key>\n\t<string>edited in the workspace</string>\n</dict>\n</plist>\n');
    assert.notEqual(edited, text, 'the pulled profile ends with </dict></plist>');
    await writeFile(file.fsPath, edited);
    const changed = await vscode.commands.executeCommand<SyncEntry[]>('profileStudio.syncStatus', { tenantId, folder, action: 'status' });
    assert.equal(changed.find((e) => e.id === entry.id)?.state, 'updated_local');

    const pushed = await vscode.commands.executeCommand<SyncReport>('profileStudio.syncStatus', { tenantId, folder, action: 'push' });
    assert.ok(pushed.outcomes.some((o) => o.entry.id === entry.id && o.done), JSON.stringify(pushed.outcomes.map((o) => o.message)));
    assert.match(unwrap(await api.getProfile(entry.id!), 'getProfile').profile, /edited in the workspace/);
  });
});
