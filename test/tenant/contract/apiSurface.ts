// Drives every TenantApi operation once (and each device action and device filter) against a contract tenant.
// The vendor test files call it and then judge the proxy's record.
import assert from 'node:assert/strict';
import { profileHash } from '../../../tenant/src/api/index';
import type { Device, TenantApi } from '../../../tenant/src/api/tenantApi';
import { sampleProfileXml, type Simulator } from '../../../tenant/src/simulator/index';
import { unwrap } from './contractTenant';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Parameters that make each action valid on the device it is tried on. */
const ACTION_PARAMS: Record<string, Record<string, string>> = {
  setname: { deviceName: 'Contract Mac' }, unlockaccount: { userName: 'ana' }, remotedesktop: { enable: 'true' },
  deleteuser: { userName: 'ana' }, restart: { notifyUser: 'true' }, lock: { message: 'Contract' },
  erase: { pin: '123456' }, scheduleOSUpdate: { installAction: 'INSTALL_ASAP', productKey: 'MSU_UPDATE_22F82_patch_13.4.1' },
};
const MAC_PIN: Record<string, string> = { lock: '123456', erase: '123456' };

export async function exerciseApi(api: TenantApi, sim: Simulator): Promise<void> {
  unwrap(await api.verify(), 'verify');
  const xml = sampleProfileXml('Contract Profile', 'com.example.contract');
  const created = unwrap(await api.createProfile({ name: 'Contract Profile', file: bytes(xml), fileName: 'Contract.mobileconfig', runsOn: { mac: true } }), 'createProfile');
  assert.ok(unwrap(await api.listProfiles(), 'listProfiles').some((p) => p.id === created.id));
  const got = unwrap(await api.getProfile(created.id), 'getProfile');
  assert.equal(got.contentHash, profileHash(xml), 'the pulled profile normalises to what was pushed');
  const changed = xml.replace('WPA2', 'WPA3');
  const updated = unwrap(await api.updateProfile(created.id, { file: bytes(changed), name: 'Contract Profile 2' }, { contentHash: got.contentHash, ...(got.updatedAt ? { updatedAt: got.updatedAt } : {}) }), 'updateProfile');
  assert.equal(updated.contentHash, profileHash(changed));
  unwrap(await api.updateProfile(created.id, { name: 'Contract Profile 3' }, undefined, true), 'updateProfile without a file');

  const blueprints = unwrap(await api.listBlueprints(), 'listBlueprints');
  const blueprint = blueprints.find((b) => b.kind !== 'map') ?? blueprints[0]!;
  unwrap(await api.assignmentNodes(blueprint.id), 'assignmentNodes');
  unwrap(await api.assign(blueprint.id, created.id), 'assign');
  assert.ok(unwrap(await api.blueprintItems(blueprint.id), 'blueprintItems').some((i) => i.id === created.id));
  unwrap(await api.setActive(created.id, true), 'setActive(true)');
  unwrap(await api.setActive(created.id, false), 'setActive(false)');
  unwrap(await api.assign(blueprint.id, created.id), 'assign again');
  unwrap(await api.unassign(blueprint.id, created.id), 'unassign');
  unwrap(await api.profileStatus(created.id), 'profileStatus');
  unwrap(await api.profileActivity(created.id, 20), 'profileActivity');

  const first = unwrap(await api.listDevices({ pageSize: 20 }), 'listDevices');
  assert.ok(first.items.length > 0 && first.next);
  unwrap(await api.listDevices({ pageSize: 20 }, first.next), 'listDevices page 2');
  const mac = first.items.find((d) => d.platform === 'Mac')!;
  unwrap(await api.listDevices({ platform: 'iPhone', pageSize: 20 }), 'listDevices by platform');
  const member = [...sim.state.blueprints.values()].find((b) => sim.state.membersOf(b.id).size > 0)!;
  unwrap(await api.listDevices({ blueprintId: member.id, pageSize: 10 }), 'listDevices by blueprint');
  const term = mac.name.slice(0, 6);
  assert.ok(unwrap(await api.listDevices({ search: term, pageSize: 20 }), 'listDevices search').items.some((d) => d.id === mac.id));
  unwrap(await api.listDevices({ search: term, platform: 'Mac', pageSize: 20 }), 'listDevices search + platform');
  unwrap(await api.getDevice(mac.id), 'getDevice');
  unwrap(await api.deviceProfiles(mac.id), 'deviceProfiles');
  await everyAction(api, first.items);

  unwrap(await api.deleteProfile(created.id), 'deleteProfile');
}

/** Each action of the catalogue once, on a device whose platform supports it. */
async function everyAction(api: TenantApi, devices: Device[]): Promise<void> {
  const done = new Set<string>();
  for (const device of devices) {
    for (const action of api.deviceActions(device)) {
      if (done.has(action.id)) continue;
      done.add(action.id);
      const params = { ...(ACTION_PARAMS[action.id] ?? {}), ...(device.platform === 'Mac' && MAC_PIN[action.id] ? { pin: MAC_PIN[action.id]! } : {}) };
      const allowed = new Set((action.params ?? []).map((p) => p.name));
      const r = await api.runDeviceAction(device.id, action.id, Object.fromEntries(Object.entries(params).filter(([k]) => allowed.has(k))));
      unwrap(r, `runDeviceAction ${action.id} on ${device.platform}`);
    }
  }
}
