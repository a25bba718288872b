// Contract tier, pure mock: the client against Prism answering from the definitions alone, no simulator. Kandji's
// definition carries Kandji's own response examples, so the client must read data it did not write. JumpCloud's
// files carry few examples (mostly `"string"`/`"id"` placeholders), so only what that can show is asserted: the
// reads parse, and no request the client sends breaks the definition. Response-side violations are not judged
// here: they are the definitions' own examples disagreeing with their schemas.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createTenantApi } from '../../../tenant/src/api/index';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import { specsMissing, unwrap } from './contractTenant';
import { problemsIn } from './judge';
import { startContract, type ContractProxy, type ContractVendor } from './prism';

async function mockTenant(t: TestContext, vendor: ContractVendor): Promise<{ api: TenantApi; proxy: ContractProxy }> {
  const proxy = await startContract(vendor);
  t.after(() => proxy.close());
  return { proxy, api: createTenantApi({ kind: vendor, baseUrl: proxy.url, token: 'mock-token', timeoutMs: 10_000, retryLimit: 0 }) };
}

/** Request-side problems only (the client's), plus calls outside operations.ts. */
const clientProblems = (vendor: ContractVendor, proxy: ContractProxy): string[] =>
  problemsIn(vendor, proxy.exchanges).filter((p) => !p.includes('[simulator '));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('contract mock: the Kandji client reads Kandji\'s own examples', { skip: specsMissing() }, async (t) => {
  const { api, proxy } = await mockTenant(t, 'kandji');
  unwrap(await api.verify(), 'verify');
  const profiles = unwrap(await api.listProfiles(), 'listProfiles');
  assert.ok(profiles.length >= 1 && profiles.every((p) => UUID.test(p.id) && p.name && p.kind === 'custom-profile' && p.createdAt));
  const profile = unwrap(await api.getProfile(profiles[0]!.id), 'getProfile');
  assert.ok(profile.profile.length > 0 && profile.contentHash.startsWith('sha256:'), 'the example\'s placeholder payload is content, hashed');
  const blueprints = unwrap(await api.listBlueprints(), 'listBlueprints');
  assert.deepEqual([...new Set(blueprints.map((b) => b.kind))].sort(), ['classic', 'map'], 'both blueprint kinds of the examples');
  assert.ok(unwrap(await api.blueprintItems(blueprints[0]!.id), 'blueprintItems').length > 0);
  const devices = unwrap(await api.listDevices({}), 'listDevices').items;
  assert.ok(devices.length >= 1 && devices.every((d) => UUID.test(d.id) && d.serial && d.platform));
  unwrap(await api.listDevices({ search: 'iPad' }), 'listDevices search');
  const device = unwrap(await api.getDevice(devices[0]!.id), 'getDevice');
  assert.ok(Object.keys(device.facts).length > 5, 'facts from the details example');
  assert.ok(unwrap(await api.deviceProfiles(device.id), 'deviceProfiles').length > 0);
  assert.ok(unwrap(await api.profileStatus(profile.id), 'profileStatus').length > 0);
  assert.ok(unwrap(await api.profileActivity(profile.id), 'profileActivity').every((a) => a.at && a.kind));
  const created = unwrap(await api.createProfile({ name: 'Mock', file: new TextEncoder().encode('<plist><dict/></plist>'), fileName: 'm.mobileconfig', runsOn: { mac: true } }), 'createProfile');
  assert.match(created.id, UUID);
  unwrap(await api.assign(blueprints[0]!.id, profile.id), 'assign');
  unwrap(await api.runDeviceAction(device.id, 'blankpush'), 'runDeviceAction');
  assert.deepEqual(clientProblems('kandji', proxy), []);
});

test('contract mock: the JumpCloud client reads the definitions\' placeholder answers', { skip: specsMissing() }, async (t) => {
  const { api, proxy } = await mockTenant(t, 'jumpcloud');
  unwrap(await api.verify(), 'verify');
  const devices = unwrap(await api.listDevices({}), 'listDevices').items;
  assert.ok(devices.length >= 1 && devices[0]!.id, 'a v1 {totalCount, results} page');
  assert.ok(unwrap(await api.listDevices({ search: 'mac', platform: 'Mac' }), 'search').items.length >= 1, 'the search endpoint\'s answer');
  assert.ok(Object.keys(unwrap(await api.getDevice(devices[0]!.id), 'getDevice').facts).length > 5);
  assert.ok(unwrap(await api.deviceProfiles(devices[0]!.id), 'deviceProfiles').every((s) => s.deviceId));
  assert.ok(unwrap(await api.profileStatus('5f21c4d3b544067fd53ba0af'), 'profileStatus').length > 0);
  // The placeholder policy's template is not the custom-profile one, so no custom profile exists here.
  assert.deepEqual(unwrap(await api.listProfiles(), 'listProfiles'), []);
  // The definition's own list example holds a group without an id: refused clearly, not a crash.
  const groups = await api.listBlueprints();
  assert.ok(!groups.ok && groups.error.kind === 'bad-response' && /`id`/.test(groups.error.message), JSON.stringify(groups));
  unwrap(await api.assign('5f21c4d3b544067fd53ba0aa', '5f21c4d3b544067fd53ba0ab'), 'assign');
  assert.deepEqual(clientProblems('jumpcloud', proxy), []);
});
