import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addTenant, extensionCtx, removeAllTenants, startSim, stopSimulators, VENDORS } from './helpers';

suite('Tenants', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`adding a ${vendor} tenant keeps the token in SecretStorage only`, async () => {
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const id = await addTenant(sim, vendor);
      assert.equal(await ctx.credentials.get(id), sim.token);
      const record = ctx.tenants.get(id);
      assert.ok(record);
      assert.equal(record.baseUrl, sim.url.replace(/\/+$/, ''));
      for (const key of ctx.extension.globalState.keys()) {
        assert.ok(!JSON.stringify(ctx.extension.globalState.get(key)).includes(sim.token), `globalState ${key} holds no token`);
      }
      for (const key of ctx.extension.workspaceState.keys()) {
        assert.ok(!JSON.stringify(ctx.extension.workspaceState.get(key) ?? null).includes(sim.token), `workspaceState ${key} holds no token`);
      }
      assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('profileStudio')).includes(sim.token), 'settings hold no token');
    });
  }

  test('a wrong token is refused on add with a clear error and nothing is stored', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const before = ctx.tenants.list().length;
    const id = await vscode.commands.executeCommand<string | undefined>('profileStudio.addTenant', {
      kind: 'kandji',
      label: 'Wrong token',
      baseUrl: sim.url,
      token: 'not-the-token',
    });
    assert.equal(id, undefined);
    assert.equal(ctx.tenants.list().length, before);
    assert.equal(ctx.say.last?.level, 'error');
    assert.match(ctx.say.last?.text ?? '', /Could not add Wrong token/);
    assert.ok(!(ctx.say.last?.text ?? '').includes('not-the-token'), 'the error does not echo the token');
  });

  test('rename, switch and remove; several tenants at once', async () => {
    const ctx = await extensionCtx();
    const a = await addTenant(await startSim('kandji'), 'kandji', 'First');
    const b = await addTenant(await startSim('jumpcloud'), 'jumpcloud', 'Second');
    assert.ok(ctx.tenants.list().length >= 2);
    await vscode.commands.executeCommand('profileStudio.renameTenant', a, 'First renamed');
    assert.equal(ctx.tenants.get(a)?.label, 'First renamed');
    await vscode.commands.executeCommand('profileStudio.switchTenant', b);
    assert.equal(ctx.tenants.active()?.id, b);
    assert.match(ctx.statusBar.text, /Second/);
    const removed = await vscode.commands.executeCommand<boolean>('profileStudio.removeTenant', b, { confirm: true });
    assert.equal(removed, true);
    assert.equal(ctx.tenants.get(b), undefined);
    assert.equal(await ctx.credentials.get(b), undefined, 'the token is deleted with the tenant');
    assert.notEqual(ctx.tenants.active()?.id, b);
  });

  test('Try the Demo Tenant starts a local simulator and connects to it (both vendors)', async () => {
    const ctx = await extensionCtx();
    for (const vendor of VENDORS) {
      const id = await vscode.commands.executeCommand<string | undefined>('profileStudio.tryDemoTenant', { vendor });
      assert.ok(id);
      const record = ctx.tenants.get(id);
      assert.equal(record?.demo, true);
      assert.equal(record?.kind, vendor);
      assert.match(record?.baseUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+/);
      assert.equal(ctx.tenants.active()?.id, id);
      const api = await ctx.api(id);
      assert.ok(api.ok);
      const profiles = await api.value.listProfiles();
      assert.ok(profiles.ok && profiles.value.length > 0, 'the demo tenant has profiles');
      await vscode.commands.executeCommand('profileStudio.removeTenant', id, { confirm: true });
      assert.equal(ctx.demo.isRunning(id), false);
    }
  });
});
