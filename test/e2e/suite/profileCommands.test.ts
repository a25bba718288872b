import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PushOutcome } from '../../../client/src/commands/pushProfile';
import type { CompareResult } from '../../../client/src/commands/compareWithRemote';
import {
  addTenant, apiOf, brokenProfileXml, extensionCtx, profileXml, removeAllTenants, startSim, stopSimulators, tempDir, unwrap, VENDORS, writeProfile,
} from './helpers';

const lastMessage = (ctx: { say: { last?: { text: string } } }): string => `last message: ${ctx.say.last?.text ?? 'none'}`;

suite('Profile commands change the tenant', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: push creates, a second push updates (no duplicate), activate/deactivate, assign/remove, pull, diff, conflict, delete`, async function () {
      this.timeout(120_000);
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const tenantId = await addTenant(sim, vendor);
      const dir = await tempDir();
      const name = `Dock ${vendor} ${Date.now()}`;
      const identifier = `com.example.e2e.${vendor}.${Date.now()}`;
      const file = await writeProfile(dir, 'dock.mobileconfig', profileXml(name, identifier));

      // Push: create.
      const created = await vscode.commands.executeCommand<PushOutcome>('profileStudio.pushProfile', file, { tenantId, name, active: true, runsOn: { mac: true } });
      assert.equal(created.status, 'created', JSON.stringify(created));
      assert.ok('id' in created);
      const id = created.id;
      const afterCreate = unwrap(await api.listProfiles(), 'listProfiles');
      assert.equal(afterCreate.filter((i) => i.name === name).length, 1);

      // Push again with changed content: updates the same item.
      await writeFile(file.fsPath, profileXml(name, identifier, 'two'));
      const updated = await vscode.commands.executeCommand<PushOutcome>('profileStudio.pushProfile', file, { tenantId });
      assert.equal(updated.status, 'updated', JSON.stringify(updated));
      assert.ok('id' in updated && updated.id === id);
      const afterUpdate = unwrap(await api.listProfiles(), 'listProfiles');
      assert.equal(afterUpdate.filter((i) => i.name === name).length, 1, 'no duplicate after the second push');
      assert.equal(afterUpdate.length, afterCreate.length);
      assert.match(unwrap(await api.getProfile(id), 'getProfile').profile, /<string>right<\/string>/);

      // Deactivate / activate.
      const ref = { tenantId, itemId: id, name };
      await vscode.commands.executeCommand('profileStudio.deactivate', ref);
      assert.equal(unwrap(await api.getProfile(id), 'getProfile').active, false);
      const activated = await vscode.commands.executeCommand('profileStudio.activate', ref);
      if (vendor === 'jumpcloud') {
        // A JumpCloud policy is active where it is bound: activating an unbound one is refused with the reason.
        assert.equal(activated, undefined);
        assert.match(ctx.say.last?.text ?? '', /Activating failed .*group/);
      } else {
        assert.ok(activated, lastMessage(ctx));
        assert.equal(unwrap(await api.getProfile(id), 'getProfile').active, true);
      }

      // Assign to a blueprint (map blueprints need a node), then remove.
      const blueprints = unwrap(await api.listBlueprints(), 'listBlueprints');
      const bp = blueprints.find((b) => b.kind !== 'map') ?? blueprints[0]!;
      const nodes = bp.kind === 'map' ? unwrap(await api.assignmentNodes(bp.id), 'assignmentNodes') : [];
      const assigned = await vscode.commands.executeCommand<boolean>('profileStudio.assignToBlueprint', ref, { blueprintId: bp.id, nodeId: nodes[0]?.id });
      assert.equal(assigned, true, lastMessage(ctx));
      assert.ok(unwrap(await api.blueprintItems(bp.id), 'blueprintItems').some((i) => i.id === id), 'assigned');
      const removed = await vscode.commands.executeCommand<boolean>('profileStudio.removeFromBlueprint', { ...ref, blueprintId: bp.id });
      assert.equal(removed, true, lastMessage(ctx));
      assert.ok(!unwrap(await api.blueprintItems(bp.id), 'blueprintItems').some((i) => i.id === id), 'removed');

      // Map blueprint: assign to a node when the tenant has one.
      // Map blueprint (Kandji): the item goes to a node of the map; the API cannot list nodes, so take one
      // from the simulator's map the way an admin copies it from the web app.
      const map = blueprints.find((b) => b.kind === 'map');
      if (map) {
        const listed = unwrap(await api.assignmentNodes(map.id), 'assignmentNodes');
        const nodeId = listed[0]?.id ?? sim.state.blueprints.get(map.id)?.nodes?.[0]?.id;
        assert.ok(nodeId, 'the map blueprint has a node');
        assert.equal(await vscode.commands.executeCommand<boolean>('profileStudio.assignToBlueprint', ref, { blueprintId: map.id, nodeId }), true, lastMessage(ctx));
        assert.ok(unwrap(await api.blueprintItems(map.id), 'blueprintItems').some((i) => i.id === id), 'assigned to the map blueprint');
      }

      // Pull into the sync layout.
      const ws = await tempDir();
      const pulled = await vscode.commands.executeCommand<vscode.Uri>('profileStudio.pullToWorkspace', ref, { folder: vscode.Uri.file(ws), open: false });
      assert.ok(pulled, lastMessage(ctx));
      assert.equal(pulled.fsPath, join(ws, 'profiles', name, `${name}.mobileconfig`));
      const info = await readFile(join(ws, 'profiles', name, 'info.yaml'), 'utf8');
      assert.match(info, new RegExp(`^id: ["']?${id}`, 'm'));
      assert.match(info, /^sync_hash: \S+/m);
      // Kandji items carry timestamps; JumpCloud policies do not, so their conflict check rests on the hash.
      if (vendor === 'kandji') assert.match(info, /^updated_at:/m);
      assert.match(await readFile(pulled.fsPath, 'utf8'), /<string>right<\/string>/);

      // Compare with Remote: a diff editor of remote (read-only provider) vs the pulled file.
      const compared = await vscode.commands.executeCommand<CompareResult>('profileStudio.compareWithRemote', ref);
      assert.equal(compared.local?.fsPath, pulled.fsPath);
      const remoteDoc = await vscode.workspace.openTextDocument(compared.remote);
      assert.match(remoteDoc.getText(), /<string>right<\/string>/);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor is open');

      // A click on the item opens the tenant's copy read-only.
      const opened = await vscode.commands.executeCommand<vscode.Uri>('profileStudio.openRemote', ref);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), opened.toString());
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /<string>right<\/string>/);

      // Conflict safety: the remote changes after the pull; pushing the pulled file stops.
      const other = new TextEncoder().encode(profileXml(name, identifier, 'one'));
      unwrap(await api.updateProfile(id, { file: other, fileName: 'dock.mobileconfig' }, undefined, true), 'remote edit');
      await writeFile(pulled.fsPath, profileXml(name, identifier, 'two').replace('<string>right</string>', '<string>bottom</string>'));
      const conflict = await vscode.commands.executeCommand<PushOutcome>('profileStudio.pushProfile', pulled, { tenantId });
      assert.equal(conflict.status, 'conflict', JSON.stringify(conflict));
      assert.match(unwrap(await api.getProfile(id), 'getProfile').profile, /<string>left<\/string>/, 'the remote change survived');
      const overwritten = await vscode.commands.executeCommand<PushOutcome>('profileStudio.pushProfile', pulled, { tenantId, overwrite: true });
      assert.equal(overwritten.status, 'updated');
      assert.match(unwrap(await api.getProfile(id), 'getProfile').profile, /<string>bottom<\/string>/);

      // Delete (confirmed).
      const deleted = await vscode.commands.executeCommand<boolean>('profileStudio.deleteProfile', ref, { confirm: true });
      assert.equal(deleted, true, lastMessage(ctx));
      assert.ok(!unwrap(await api.listProfiles(), 'listProfiles').some((i) => i.id === id), 'deleted');
    });
  }

  test('a profile with lint errors is not pushed unless forced', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const tenantId = await addTenant(sim, 'kandji');
    const before = unwrap(await api.listProfiles(), 'listProfiles').length;
    const file = await writeProfile(await tempDir(), 'broken.mobileconfig', brokenProfileXml());
    const outcome = await vscode.commands.executeCommand<PushOutcome>('profileStudio.pushProfile', file, { tenantId, name: 'Broken', active: false, runsOn: { mac: true } });
    assert.equal(outcome.status, 'blocked', JSON.stringify(outcome));
    assert.equal(unwrap(await api.listProfiles(), 'listProfiles').length, before, 'nothing was created');
    assert.ok(ctx.client?.isRunning());
  });

  test('deleting without confirmation leaves the item', async () => {
    const sim = await startSim('jumpcloud');
    const api = apiOf(sim, 'jumpcloud');
    const tenantId = await addTenant(sim, 'jumpcloud');
    const item = unwrap(await api.listProfiles(), 'listProfiles')[0]!;
    // No `confirm`: the modal dialog is dismissed in the test host, so nothing happens.
    const deleted = await vscode.commands.executeCommand<boolean>('profileStudio.deleteProfile', { tenantId, itemId: item.id, name: item.name });
    assert.equal(deleted, false);
    assert.ok(unwrap(await api.listProfiles(), 'listProfiles').some((i) => i.id === item.id));
  });
});
