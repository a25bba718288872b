// JumpCloudApi against the JumpCloud simulator over real HTTP on 127.0.0.1: policies as custom profiles, system
// groups as blueprints, v1 systems as devices, Apple MDM commands, and the v1/v2 paging conventions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allDevices, profileHash } from '../../../tenant/src/api/index';
import { CUSTOM_PROFILE_TEMPLATE_ID, PAYLOAD_FIELD_ID, REDISPATCH_FIELD_ID, sampleProfileXml } from '../../../tenant/src/simulator/index';
import { assertNoToken, bytes, errorOf, tenant, unwrap } from './tenantFixture';

const upload = (name: string, xml = sampleProfileXml(name, `com.example.${name.replace(/\W/g, '')}`)) => ({
  name, file: bytes(xml), fileName: `${name}.mobileconfig`, runsOn: { mac: true },
});

test('jumpcloud: a custom profile is a policy from custom_mdm_profile_darwin with a base64 payload', async (t) => {
  const { sim, api, lines } = await tenant(t, 'jumpcloud');
  const xml = sampleProfileXml('Studio Wi-Fi', 'com.example.studio');
  const created = unwrap(await api.createProfile(upload('Studio Wi-Fi', xml)));
  assert.equal(created.name, 'Studio Wi-Fi');
  assert.equal(created.kind, 'custom-profile');
  assert.equal(created.active, false, 'no bindings yet');
  assert.deepEqual(created.runsOn, { mac: true, iphone: false, ipad: false, tv: false, vision: false });
  assert.equal(created.profile, xml);
  assert.equal(created.contentHash, profileHash(xml));
  const templateLookup = sim.log.find((e) => e.path === '/api/v2/policytemplates');
  assert.equal(new URLSearchParams(templateLookup?.query).get('filter'), 'name:eq:custom_mdm_profile_darwin');
  const stored = sim.state.items.get(created.id)!;
  assert.equal(stored.templateId, CUSTOM_PROFILE_TEMPLATE_ID);
  const payload = stored.values?.find((v) => v.configFieldID === PAYLOAD_FIELD_ID);
  assert.equal(payload?.value, Buffer.from(xml).toString('base64'));
  // As the definitions type PolicyValue: field id + string value (the simulator refuses a boolean).
  assert.deepEqual(stored.values, [
    { configFieldID: PAYLOAD_FIELD_ID, value: Buffer.from(xml).toString('base64') }, { configFieldID: REDISPATCH_FIELD_ID, value: 'true' },
  ]);

  const got = unwrap(await api.getProfile(created.id));
  assert.equal(got.profile, xml);
  const listed = unwrap(await api.listProfiles());
  assert.deepEqual(listed.map((p) => p.id), [created.id], 'only custom-profile policies are listed');

  const changed = xml.replace('WPA2', 'WPA3');
  const updated = unwrap(await api.updateProfile(created.id, { file: bytes(changed), name: 'Studio Wi-Fi 2' }, { contentHash: got.contentHash }));
  assert.equal(updated.name, 'Studio Wi-Fi 2');
  assert.equal(updated.profile, changed);
  const put = sim.log.find((e) => e.method === 'PUT');
  assert.equal(put?.contentType?.split(';')[0], 'application/json');
  // A PUT is a full replace: the redispatch flag survived.
  assert.equal(sim.state.items.get(created.id)?.values?.find((v) => v.configFieldID === REDISPATCH_FIELD_ID)?.value, 'true');

  const conflict = errorOf(await api.updateProfile(created.id, { name: 'x' }, { contentHash: got.contentHash }));
  assert.equal(conflict.kind, 'conflict');
  unwrap(await api.updateProfile(created.id, { name: 'x' }, { contentHash: got.contentHash }, true));

  unwrap(await api.deleteProfile(created.id));
  const gone = errorOf(await api.getProfile(created.id));
  assert.equal(gone.kind, 'not-found');
  assert.equal(gone.message, 'policy not found', 'message of the {code,message,status} body');
  assertNoToken(sim.token, lines);
  assert.ok(lines.every((l) => !/x-api-key/i.test(l)));
});

test('jumpcloud: activation follows bindings; assign/unassign groups are idempotent', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 40, profiles: 4 } });
  const groups = unwrap(await api.listBlueprints());
  assert.equal(groups.length, 12);
  assert.ok(groups.every((g) => g.kind === 'group'));
  const item = unwrap(await api.createProfile(upload('Bind me')));
  const refused = errorOf(await api.setActive(item.id, true));
  assert.equal(refused.kind, 'invalid');
  assert.match(refused.message, /assign the profile to a group/);

  const g = groups[0]!;
  assert.match(errorOf(await api.assign(g.id, item.id, 'node')).message, /no assignment nodes/);
  unwrap(await api.assign(g.id, item.id));
  unwrap(await api.assign(g.id, item.id));
  const edge = sim.log.find((e) => e.method === 'POST' && e.path.endsWith('/associations'));
  assert.equal(edge?.path, `/api/v2/policies/${item.id}/associations`);
  assert.ok(unwrap(await api.blueprintItems(g.id)).some((i) => i.id === item.id && i.kind === 'custom-profile'));
  assert.equal(unwrap(await api.getProfile(item.id)).active, true);
  assert.equal(unwrap(await api.setActive(item.id, true)).active, true);

  unwrap(await api.assign(groups[1]!.id, item.id));
  const off = unwrap(await api.setActive(item.id, false));
  assert.equal(off.active, false);
  assert.ok(!unwrap(await api.blueprintItems(g.id)).some((i) => i.id === item.id));
  assert.ok(!unwrap(await api.blueprintItems(groups[1]!.id)).some((i) => i.id === item.id));
  unwrap(await api.unassign(g.id, item.id));
  assert.deepEqual(unwrap(await api.assignmentNodes(g.id)), []);
  const missing = errorOf(await api.unassign(g.id, '0123456789abcdef01234567'));
  assert.equal(missing.kind, 'not-found');
});

test('jumpcloud: strict association answers (409 add, 404 remove) still count as done', async (t) => {
  const { api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 20, profiles: 2 }, jumpcloud: { strictAssociations: true } });
  const g = unwrap(await api.listBlueprints())[0]!;
  const item = unwrap(await api.createProfile(upload('Strict')));
  unwrap(await api.assign(g.id, item.id));
  unwrap(await api.assign(g.id, item.id));
  unwrap(await api.unassign(g.id, item.id));
  unwrap(await api.unassign(g.id, item.id));
});

test('jumpcloud: v2 lists page with limit<=100 + skip + x-total-count; v1 systems with totalCount', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 250, profiles: 3 } });
  for (let i = 0; i < 101; i++) unwrap(await api.createProfile(upload(`Bulk ${i}`)));
  const profiles = unwrap(await api.listProfiles());
  const darwin = [...sim.state.items.values()].filter((i) => i.templateId === CUSTOM_PROFILE_TEMPLATE_ID);
  assert.ok(darwin.length > 101);
  assert.deepEqual(new Set(profiles.map((p) => p.id)), new Set(darwin.map((i) => i.id)));
  const policyPages = sim.log.filter((e) => e.method === 'GET' && e.path === '/api/v2/policies').map((e) => new URLSearchParams(e.query));
  assert.ok(policyPages.length >= 2);
  assert.ok(policyPages.every((q) => q.get('limit') === '100'));
  assert.deepEqual(policyPages.map((q) => q.get('skip')).slice(0, 2), ['0', '100']);

  const first = unwrap(await api.listDevices({}));
  assert.equal(first.items.length, 100);
  assert.equal(first.total, 250);
  assert.equal(first.next, '100');
  const every = unwrap(await allDevices(api));
  assert.equal(every.length, 250);
  assert.equal(new Set(every.map((d) => d.id)).size, 250);
  const skips = sim.log.filter((e) => e.path === '/api/systems').map((e) => new URLSearchParams(e.query).get('skip'));
  assert.deepEqual(skips, ['0', '0', '100', '200']);
  const macs = unwrap(await allDevices(api, { platform: 'Mac' }));
  assert.ok(macs.length > 0 && macs.every((d) => d.platform === 'Mac'));
  assert.equal(new URLSearchParams(sim.log.at(-1)!.query).get('filter'), 'os:$eq:Mac OS X');
  const ipads = unwrap(await allDevices(api, { platform: 'iPad' }));
  assert.ok(ipads.every((d) => d.platform === 'iPad'));
  assert.equal(macs.length + ipads.length <= 250, true);

  const group = [...sim.state.blueprints.values()].sort((a, b) => sim.state.membersOf(b.id).size - sim.state.membersOf(a.id).size)[0]!;
  const members = unwrap(await allDevices(api, { blueprintId: group.id, pageSize: 20 }));
  assert.deepEqual(new Set(members.map((d) => d.id)), sim.state.membersOf(group.id));
});

test('jumpcloud: device details, statuses, MDM commands with PIN rules', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 80, profiles: 4 } });
  const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 1 })).items[0]!;
  const phone = unwrap(await api.listDevices({ platform: 'iPhone', pageSize: 1 })).items[0]!;
  const details = unwrap(await api.getDevice(mac.id));
  assert.equal(details.facts['os'], 'Mac OS X');
  const rows = unwrap(await api.deviceProfiles(mac.id));
  assert.ok(rows.every((r) => r.deviceId === mac.id && r.itemId && r.itemName));
  const bound = [...sim.state.items.values()].find((i) => i.kind === 'profile' && sim.state.rowsOf(i.id).size > 0)!;
  const statuses = unwrap(await api.profileStatus(bound.id));
  assert.equal(statuses.length, sim.state.rowsOf(bound.id).size);

  const macActions = api.deviceActions(mac);
  assert.deepEqual(macActions.map((a) => a.id), ['lock', 'erase', 'restart', 'shutdown', 'clearActivationLock', 'refreshActivationLockInformation', 'scheduleOSUpdate', 'osUpdateStatus']);
  assert.equal(macActions.find((a) => a.id === 'lock')?.params?.[0]?.required, true);
  assert.equal(api.deviceActions(phone).find((a) => a.id === 'lock')?.params?.[0]?.required, false);

  const before = sim.log.length;
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'lock')).message, /needs the parameter `pin`/);
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'scheduleOSUpdate', { installAction: 'NOW', productKey: 'x' })).message, /installAction/);
  assert.equal(sim.log.filter((e) => e.method === 'POST').length, sim.log.slice(0, before).filter((e) => e.method === 'POST').length);
  unwrap(await api.runDeviceAction(mac.id, 'lock', { pin: '123456' }));
  const cmd = sim.log.find((e) => e.method === 'POST' && e.path.endsWith('/lock'))!;
  const stored = sim.state.deviceById.get(mac.id)!;
  assert.equal(cmd.path, `/api/v2/applemdms/${'5e9a1f2b3c4d5e6f7a8b9c0d'}/devices/${stored.mdmDeviceId}/lock`);
  unwrap(await api.runDeviceAction(phone.id, 'restart'));
  unwrap(await api.runDeviceAction(mac.id, 'scheduleOSUpdate', { installAction: 'INSTALL_ASAP', productKey: 'MSU_UPDATE_25A354', maxUserDeferrals: '3' }));
  assert.equal(api.webUrl({ kind: 'device', id: mac.id }), undefined);
});

test('jumpcloud: x-org-id is sent for multi-tenant admins; a wrong key is unauthorized', async (t) => {
  const orgId = '5c4b3a291807161514131211';
  const withOrg = await tenant(t, 'jumpcloud', { jumpcloud: { requireOrgId: true, orgId } }, { orgId });
  unwrap(await withOrg.api.verify());
  assert.equal(withOrg.sim.log[0]?.headers['x-org-id'], orgId);
  const noOrg = await tenant(t, 'jumpcloud', { jumpcloud: { requireOrgId: true, orgId } });
  const e = errorOf(await noOrg.api.verify());
  assert.equal(e.kind, 'unauthorized');
  assert.equal(e.message, 'Unauthorized: no organization selected');
  const badKey = await tenant(t, 'jumpcloud', {}, { token: 'k'.repeat(40) });
  const bad = errorOf(await badKey.api.listProfiles());
  assert.equal(bad.kind, 'unauthorized');
  assert.equal(bad.message, 'Unauthorized: api key user not found');
  assertNoToken('k'.repeat(40), [bad.message, bad.hint ?? '', ...badKey.lines]);
});

test('jumpcloud: device search goes to POST /api/search/systems and matches substrings', async (t) => {
  // Needs the simulator's /api/search/systems (jumpcloud.md §2, §9): searchFilter {searchTerm, fields}, filter, limit, skip.
  const { sim, api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 60, profiles: 2 } });
  const target = sim.state.devices[7]!;
  const needle = target.name.slice(0, Math.max(4, target.name.length - 3));
  const found = unwrap(await api.listDevices({ search: needle }));
  assert.ok(found.items.some((d) => d.id === target.id));
  const call = sim.log.at(-1)!;
  assert.deepEqual([call.method, call.path, call.contentType?.split(';')[0]], ['POST', '/api/search/systems', 'application/json']);
  const bySerial = unwrap(await api.listDevices({ search: target.serial, platform: target.platform }));
  assert.deepEqual(bySerial.items.map((d) => d.id), [target.id]);
});

test('jumpcloud: an update with active=false unbinds; active=true leaves bindings as they are', async (t) => {
  const { api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 20, profiles: 2 } });
  const g = unwrap(await api.listBlueprints())[0]!;
  const item = unwrap(await api.createProfile({ ...upload('Toggle'), active: true }));
  assert.equal(item.active, false);
  assert.equal(unwrap(await api.updateProfile(item.id, { active: true })).active, false);
  unwrap(await api.assign(g.id, item.id));
  assert.equal(unwrap(await api.updateProfile(item.id, { active: true })).active, true);
  assert.equal(unwrap(await api.updateProfile(item.id, { active: false })).active, false);
  assert.ok(!unwrap(await api.blueprintItems(g.id)).some((i) => i.id === item.id));
});

test('jumpcloud: profile activity is the policy results history', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud', { data: 'demo', demo: { devices: 40, profiles: 3 } });
  const bound = [...sim.state.items.values()].find((i) => i.kind === 'profile' && i.templateId && sim.state.rowsOf(i.id).size > 0)!;
  const history = unwrap(await api.profileActivity(bound.id, 10));
  assert.ok(history.length > 0 && history.length <= 10);
  assert.ok(history.every((h) => h.kind === 'result' && h.deviceId && /^(success|pending|failed)/.test(h.details[0] ?? '')));
  assert.equal(errorOf(await api.profileActivity('0123456789abcdef01234567')).kind, 'not-found');
});

test('jumpcloud: an update never sends an empty payload when the GET carried none', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud');
  const item = unwrap(await api.createProfile(upload('Redacted')));
  const stored = sim.state.items.get(item.id)!;
  // Model a tenant that redacts the file field on GET.
  stored.values = stored.values?.map((v) => (v.configFieldID === PAYLOAD_FIELD_ID ? { ...v, value: '' } : v));
  const e = errorOf(await api.updateProfile(item.id, { name: 'Renamed' }, undefined, true));
  assert.equal(e.kind, 'invalid');
  assert.match(e.message, /must carry the file/);
  assert.equal(sim.log.filter((x) => x.method === 'PUT').length, 0);
  unwrap(await api.updateProfile(item.id, { name: 'Renamed', file: bytes(sampleProfileXml('Redacted')) }, undefined, true));
});

test('jumpcloud: the payload is found by the template\'s field id; a policy without one is an error, never an empty profile', async (t) => {
  const { sim, api } = await tenant(t, 'jumpcloud');
  const xml = sampleProfileXml('By Id');
  const item = unwrap(await api.createProfile(upload('By Id', xml)));
  const stored = sim.state.items.get(item.id)!;
  // A tenant that still answers the checkbox as a boolean is read too, and gets a string back on update.
  stored.values = stored.values!.map((v) => (v.configFieldID === REDISPATCH_FIELD_ID ? { ...v, value: false as unknown as string } : v));
  assert.equal(unwrap(await api.getProfile(item.id)).profile, xml);
  unwrap(await api.updateProfile(item.id, { file: bytes(xml.replace('By Id', 'By Id 2')) }, undefined, true));
  assert.equal(sim.state.items.get(item.id)!.values!.find((v) => v.configFieldID === REDISPATCH_FIELD_ID)?.value, 'false');
  sim.state.items.get(item.id)!.values = sim.state.items.get(item.id)!.values!.filter((v) => v.configFieldID !== PAYLOAD_FIELD_ID);
  const e = errorOf(await api.getProfile(item.id));
  assert.equal(e.kind, 'bad-response');
  assert.match(e.message, /no profile content for `By Id`.*payload/);
});
