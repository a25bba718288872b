// Fleet changes through the real commands against the simulator: tags, users, blueprints (create, rename,
// delete with the typed name, enrollment profile), ADE public key, vulnerabilities, licensing, lost mode,
// device delete. Each checks the simulator's answer afterwards over real HTTP.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Tag, TenantUser } from '../../../tenant/src/api/fleetApi';
import type { Blueprint, TenantApi } from '../../../tenant/src/api/tenantApi';
import { addTenant, apiOf, extensionCtx, removeAllTenants, startSim, stopSimulators, tempDir, unwrap, VENDORS } from './helpers';

const offers = (api: TenantApi, c: Parameters<ReturnType<TenantApi['capabilities']>['offered']['has']>[0]) => api.capabilities().offered.has(c);

suite('Fleet commands', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: blueprint create → rename → enrollment profile → delete (typed name)`, async function () {
      this.timeout(90_000);
      await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      if (!offers(api, 'blueprint-manage')) return;
      const id = await addTenant(sim, vendor);
      const created = await vscode.commands.executeCommand<Blueprint>('profileStudio.createBlueprint', id, { name: 'E2E Blueprint', templateId: null });
      assert.ok(created?.id, 'created');
      const renamed = await vscode.commands.executeCommand<Blueprint>('profileStudio.renameBlueprint', { tenantId: id, blueprint: created }, { name: 'E2E Blueprint renamed' });
      assert.equal(renamed?.name, 'E2E Blueprint renamed');
      assert.ok(unwrap(await api.listBlueprints(), 'listBlueprints').some((b) => b.id === created.id && b.name === 'E2E Blueprint renamed'));
      if (offers(api, 'enrollment-profile')) {
        const out = vscode.Uri.file(join(await tempDir(), 'enroll.mobileconfig'));
        const saved = await vscode.commands.executeCommand<vscode.Uri>('profileStudio.downloadEnrollmentProfile', { tenantId: id, blueprint: renamed }, { out });
        assert.equal(saved?.fsPath, out.fsPath);
        assert.ok((await readFile(out.fsPath)).byteLength > 100, 'an enrollment profile was written');
      }
      const deleted = await vscode.commands.executeCommand<boolean>('profileStudio.deleteBlueprint', { tenantId: id, blueprint: renamed }, { confirm: true });
      assert.equal(deleted, true);
      assert.ok(!unwrap(await api.listBlueprints(), 'listBlueprints').some((b) => b.id === created.id), 'gone from the tenant');
    });
  }

  test('kandji: tags create → rename → delete', async () => {
    await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    const tag = await vscode.commands.executeCommand<Tag>('profileStudio.createTag', id, { name: 'e2e-tag' });
    assert.equal(tag?.name, 'e2e-tag');
    const renamed = await vscode.commands.executeCommand<Tag>('profileStudio.renameTag', { tenantId: id, tag }, { name: 'e2e-tag-2' });
    assert.equal(renamed?.name, 'e2e-tag-2');
    assert.ok(unwrap(await api.listTags(), 'listTags').some((t) => t.id === tag.id && t.name === 'e2e-tag-2'));
    assert.equal(await vscode.commands.executeCommand('profileStudio.deleteTag', { tenantId: id, tag: renamed }, { confirm: true }), true);
    assert.ok(!unwrap(await api.listTags(), 'listTags').some((t) => t.id === tag.id));
  });

  test('kandji: users show and delete; vulnerability, ADE device, public key and licensing pages open', async function () {
    this.timeout(90_000);
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    const user = unwrap(await api.listUsers(), 'listUsers').items[0]!;
    const shown = await vscode.commands.executeCommand<TenantUser>('profileStudio.showUser', { tenantId: id, userId: user.id });
    assert.equal(shown?.id, user.id);
    assert.ok(ctx.details.shown.has(`${id}/user/${user.id}`));
    if (offers(api, 'delete-user')) {
      // Kandji refuses to delete a user who still has devices: the command says so in plain words.
      const withDevices = unwrap(await api.listUsers(), 'listUsers').items.find((u) => (u.deviceCount ?? 0) > 0);
      if (withDevices) {
        assert.equal(await vscode.commands.executeCommand('profileStudio.deleteUser', { tenantId: id, userId: withDevices.id }, { confirm: true }), undefined);
        assert.match(ctx.say.last?.text ?? '', /^Deleting the user .* failed on .*: .*assigned/);
        assert.ok(unwrap(await api.getUser(withDevices.id), 'getUser'), 'the user is still there');
      }
    }
    const cve = unwrap(await api.vulnerabilities(), 'vulnerabilities').items[0];
    if (cve) {
      const cveId = String(cve.cve_id ?? cve.id);
      assert.ok(await vscode.commands.executeCommand('profileStudio.showVulnerability', { tenantId: id, cveId }));
      assert.ok(ctx.details.shown.has(`${id}/vulnerability/${cveId}`));
    }
    const ade = unwrap(await api.adeDevices(), 'adeDevices').items[0];
    if (ade) assert.ok(await vscode.commands.executeCommand('profileStudio.showAdeDevice', { tenantId: id, adeDeviceId: ade.id }));
    const key = await vscode.commands.executeCommand<string>('profileStudio.adePublicKey', id);
    assert.match(key ?? '', /BEGIN/);
    assert.ok(await vscode.commands.executeCommand('profileStudio.showLicensing', id));
    assert.ok(ctx.details.shown.has(`${id}/licensing`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('kandji: Renew ADE Integration… uploads the token with contact and blueprint; a wrong token file is refused before any request; a user without devices is deleted', async function () {
    this.timeout(90_000);
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    const [integration] = unwrap(await api.adeIntegrations(), 'adeIntegrations');
    const blueprint = unwrap(await api.listBlueprints(), 'listBlueprints')[0]!;
    const dir = await tempDir();
    const renewals = () => sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/renew')).length;
    for (const [name, bytes, why] of [['empty.p7m', 0, /the token file empty\.p7m is empty\.$/], ['huge.p7m', 2 * 1024 * 1024, /huge\.p7m is 2\.0 MB; a server token is a few kilobytes/]] as const) {
      const file = vscode.Uri.file(join(dir, name));
      await vscode.workspace.fs.writeFile(file, new Uint8Array(bytes));
      const args = { file, blueprintId: blueprint.id, email: 'mdm@acme.example', phone: '+1 555 0199' };
      assert.equal(await vscode.commands.executeCommand('profileStudio.renewAde', { tenantId: id, integration }, args), undefined);
      assert.match(ctx.say.last?.text ?? '', why);
    }
    assert.equal(renewals(), 0, 'nothing was uploaded');
    const token = vscode.Uri.file(join(dir, 'server-token.p7m'));
    await vscode.workspace.fs.writeFile(token, new TextEncoder().encode('-----BEGIN MESSAGE-----\nsimulated token\n-----END MESSAGE-----\n'));
    const renewed = await vscode.commands.executeCommand<{ expiresAt?: string }>('profileStudio.renewAde', { tenantId: id, integration }, { file: token, blueprintId: blueprint.id, email: 'mdm@acme.example', phone: '+1 555 0199' });
    assert.ok(renewed?.expiresAt, ctx.say.last?.text);
    assert.equal(renewals(), 1);
    const after = unwrap(await api.adeIntegrations(), 'adeIntegrations').find((i) => i.id === integration!.id)!;
    assert.equal(after.email, 'mdm@acme.example');
    assert.equal(after.phone, '+1 555 0199');
    assert.equal(after.defaultBlueprintName, blueprint.name);
    assert.equal(after.expiresAt, renewed.expiresAt);
    assert.match(ctx.say.last?.text ?? '', new RegExp(`^Renewed .*; the token now expires ${after.expiresAt!.slice(0, 10)}\\.$`));

    // Kandji deletes only users without devices: the user's devices go to nobody (as an admin would do in
    // Kandji), then the command deletes the user.
    const user = unwrap(await api.listUsers(), 'listUsers').items.find((u) => (u.deviceCount ?? 0) > 0)!;
    for (const d of sim.state.devices) if (d.user?.id === user.id) d.user = null;
    assert.equal(unwrap(await api.getUser(user.id), 'getUser').deviceCount ?? 0, 0, 'the user has no devices left');
    assert.equal(await vscode.commands.executeCommand('profileStudio.deleteUser', { tenantId: id, userId: user.id, user }, { confirm: true }), true, ctx.say.last?.text);
    assert.equal((await api.getUser(user.id)).ok, false, 'the user is gone');
    await vscode.workspace.fs.delete(vscode.Uri.file(dir), { recursive: true });
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: cancel lost mode where a device is lost; delete a device with its typed name`, async function () {
      this.timeout(90_000);
      await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const id = await addTenant(sim, vendor);
      const devices = unwrap(await api.listDevices({}), 'listDevices').items;
      if (offers(api, 'lost-mode')) {
        // Put an iPhone into lost mode in the simulator (the demo data starts with none lost).
        const phone = sim.state.devices.find((d) => d.platform === 'iPhone' || d.platform === 'iPad') as { id: string; lostMode?: boolean } | undefined;
        if (phone && vendor === 'kandji') phone.lostMode = true;
        const lost = phone && vendor === 'kandji' ? phone.id : await firstLost(api, devices.map((d) => d.id));
        assert.ok(lost || vendor !== 'kandji', 'a lost device');
        if (lost) {
          assert.equal(await vscode.commands.executeCommand('profileStudio.cancelLostMode', { tenantId: id, deviceId: lost }, { confirm: true }), true);
          const state = unwrap(await api.lostMode(lost), 'lostMode');
          assert.ok(!state.enabled || /pend|disabl/i.test(state.status), `lost mode cancelled (${state.status})`);
        }
      }
      if (offers(api, 'delete-device')) {
        const victim = devices.at(-1)!;
        assert.equal(await vscode.commands.executeCommand('profileStudio.deleteDevice', { tenantId: id, deviceId: victim.id, device: victim }, { confirm: true }), true);
        const after = await api.getDevice(victim.id);
        assert.ok(!after.ok && after.error.kind === 'not-found', `the device is gone (${after.ok ? 'still there' : after.error.kind})`);
      }
    });
  }
});

async function firstLost(api: TenantApi, ids: string[]): Promise<string | undefined> {
  for (const id of ids.slice(0, 60)) {
    const s = await api.lostMode(id);
    if (s.ok && s.value.enabled) return id;
  }
  return undefined;
}
