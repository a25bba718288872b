// JumpCloudApi fleet operations against the JumpCloud simulator over real HTTP on 127.0.0.1: what JumpCloud
// offers works; what it does not offer answers not-offered without sending a request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOf, tenant, unwrap } from './tenantFixture';

const demo = { data: 'demo' as const, demo: { devices: 200 } };

test('jumpcloud fleet: capabilities name what JumpCloud offers; the rest is refused without a request', async (t) => {
  const { api, sim } = await tenant(t, 'jumpcloud', demo);
  const caps = api.capabilities();
  assert.deepEqual([...caps.offered].sort(), ['blueprint-manage', 'delete-device', 'delete-user', 'device-apps', 'users']);
  assert.deepEqual(caps.secrets, []);
  const before = sim.log.length;
  const refused: { ok: boolean; error?: import('../../../tenant/src/api/errors').ApiError }[] = [
    await api.deviceSecret('x', 'filevault'), await api.reportPage('apps'), await api.adeIntegrations(), await api.listTags(),
    await api.threats(), await api.vulnerabilities(), await api.licensing(), await api.blueprintTemplates(), await api.enrollmentProfile('x'),
    await api.lostMode('x'), await api.deviceFullDetails('x'),
  ];
  for (const r of refused) {
    assert.equal(r.ok, false);
    assert.equal(r.error?.kind, 'not-offered');
    assert.match(r.error?.message ?? '', /not offered by JumpCloud/);
  }
  assert.equal(sim.log.length, before);
});

test('jumpcloud fleet: apps from System Insights, users, delete device', async (t) => {
  const { api, sim } = await tenant(t, 'jumpcloud', demo);
  const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 5 })).items[0]!;
  const apps = unwrap(await api.deviceApps(mac.id));
  assert.ok(apps.length >= 5 && apps.every((a) => a.bundleId && a.path?.startsWith('/Applications/')));
  const users = unwrap(await api.listUsers());
  assert.ok(users.items.length > 0 && users.total! >= users.items.length);
  const user = unwrap(await api.getUser(users.items[0]!.id));
  assert.equal(user.email, users.items[0]!.email);
  unwrap(await api.deleteUser(user.id));
  assert.equal(errorOf(await api.getUser(user.id)).kind, 'not-found');
  unwrap(await api.deleteDevice(mac.id));
  assert.equal(errorOf(await api.getDevice(mac.id)).kind, 'not-found');
  assert.equal(sim.log.filter((e) => e.method === 'DELETE').length, 2);
});

test('jumpcloud fleet: system groups as blueprints: create, rename (description kept), delete', async (t) => {
  const { api } = await tenant(t, 'jumpcloud', demo);
  const g = unwrap(await api.createBlueprint({ name: 'Studio Lab', description: 'Lab Macs' }));
  assert.equal(g.kind, 'group');
  const renamed = unwrap(await api.renameBlueprint(g.id, 'Studio Lab 2'));
  assert.equal(renamed.name, 'Studio Lab 2');
  assert.equal(renamed.description, 'Lab Macs');
  unwrap(await api.deleteBlueprint(g.id));
  assert.ok(!unwrap(await api.listBlueprints()).some((b) => b.id === g.id));
});
