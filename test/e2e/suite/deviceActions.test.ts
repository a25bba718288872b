import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeviceActionResult } from '../../../tenant/src/api/tenantApi';
import { addTenant, apiOf, extensionCtx, removeAllTenants, startSim, stopSimulators, unwrap, VENDORS } from './helpers';

suite('Device actions', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: a confirmed destructive action reaches the device; unconfirmed it does not`, async () => {
      await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const tenantId = await addTenant(sim, vendor);
      const mac = unwrap(await api.listDevices({ platform: 'Mac' }), 'listDevices').items[0];
      assert.ok(mac, 'the demo tenant has a Mac');
      const specs = api.deviceActions(mac);
      const restart = specs.find((s) => s.destructive && /restart/i.test(s.id));
      assert.ok(restart, `a restart action among ${specs.map((s) => s.id).join(', ')}`);
      const before = sim.state.commands.filter((c) => c.deviceId === mac.id).length;

      // Without confirmation (the modal is dismissed in the test host) nothing is sent.
      const refused = await vscode.commands.executeCommand<DeviceActionResult | undefined>('profileStudio.deviceAction', { tenantId, deviceId: mac.id }, { action: restart.id, params: {} });
      assert.equal(refused, undefined);
      assert.equal(sim.state.commands.filter((c) => c.deviceId === mac.id).length, before, 'no command without confirmation');

      const done = await vscode.commands.executeCommand<DeviceActionResult | undefined>('profileStudio.deviceAction', { tenantId, deviceId: mac.id }, { action: restart.id, params: {}, confirm: true });
      assert.ok(done, 'the action ran');
      assert.ok(sim.state.commands.filter((c) => c.deviceId === mac.id).length > before, 'the simulator queued a command for the device');
    });
  }

  test('kandji: lock returns the unlock PIN', async () => {
    await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const tenantId = await addTenant(sim, 'kandji');
    const mac = unwrap(await api.listDevices({ platform: 'Mac' }), 'listDevices').items[0]!;
    const lock = api.deviceActions(mac).find((s) => s.id === 'lock');
    assert.ok(lock);
    const params: Record<string, string> = {};
    for (const p of lock.params ?? []) if (p.required) params[p.name] = p.kind === 'pin' ? '123456' : 'x';
    const result = await vscode.commands.executeCommand<DeviceActionResult | undefined>('profileStudio.deviceAction', { tenantId, deviceId: mac.id }, { action: 'lock', params, confirm: true });
    assert.ok(result?.pin, `lock returned a PIN: ${JSON.stringify(result)}`);
    assert.match(result.pin, /^\d{6}$/);
  });

  test('an action the platform does not support is refused with a message', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const tenantId = await addTenant(sim, 'kandji');
    const tv = unwrap(await api.listDevices({ platform: 'AppleTV' }), 'listDevices').items[0];
    assert.ok(tv, 'the demo tenant has an Apple TV');
    const result = await vscode.commands.executeCommand('profileStudio.deviceAction', { tenantId, deviceId: tv.id }, { action: 'remotedesktop', confirm: true });
    assert.equal(result, undefined);
    assert.match(ctx.say.last?.text ?? '', /not available/);
  });
});
