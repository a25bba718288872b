// KandjiApi against the Kandji simulator over real HTTP on 127.0.0.1: every operation and both paging styles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allDevices, createTenantApi, profileHash } from '../../../tenant/src/api/index';
import { sampleProfileXml } from '../../../tenant/src/simulator/index';
import { assertNoToken, bytes, errorOf, tenant, unwrap } from './tenantFixture';

const upload = (name: string, xml = sampleProfileXml(name, `com.example.${name.replace(/\W/g, '')}`)) => ({
  name, file: bytes(xml), fileName: `${name}.mobileconfig`, active: false, runsOn: { mac: true, ipad: true },
});

test('kandji: create, get, list, update, activate, delete a custom profile', async (t) => {
  const { sim, api, lines } = await tenant(t, 'kandji');
  const xml = sampleProfileXml('Studio Wi-Fi', 'com.example.studio');
  const created = unwrap(await api.createProfile(upload('Studio Wi-Fi', xml)));
  assert.equal(created.name, 'Studio Wi-Fi');
  assert.equal(created.active, false);
  assert.deepEqual(created.runsOn, { mac: true, iphone: false, ipad: true, tv: false, vision: false });
  assert.equal(created.mdmIdentifier, `com.kandji.profile.custom.${created.id}`);
  // The service rewrote the top-level identifier; the normalised hash still matches what we sent.
  assert.match(created.profile, new RegExp(`com\\.kandji\\.profile\\.custom\\.${created.id}`));
  assert.equal(created.contentHash, profileHash(xml));
  const post = sim.log.find((e) => e.method === 'POST');
  assert.match(post?.contentType ?? '', /^multipart\/form-data; boundary=/);

  const got = unwrap(await api.getProfile(created.id));
  assert.equal(got.updatedAt, created.updatedAt);
  const listed = unwrap(await api.listProfiles());
  assert.deepEqual(listed.map((p) => p.id), [created.id]);
  assert.equal('profile' in listed[0]!, false);

  const changed = sampleProfileXml('Studio Wi-Fi', 'com.example.studio').replace('<string>Example</string>', '<string>Studio5G</string>');
  const updated = unwrap(await api.updateProfile(created.id, { file: bytes(changed), fileName: 'x.mobileconfig' }, { updatedAt: got.updatedAt, contentHash: got.contentHash }));
  assert.equal(updated.contentHash, profileHash(changed));
  assert.notEqual(updated.contentHash, got.contentHash);
  assert.equal(updated.active, false, 'an update sends only what changes');
  const patch = sim.log.filter((e) => e.method === 'PATCH');
  assert.equal(patch.length, 1);

  const active = unwrap(await api.setActive(created.id, true));
  assert.equal(active.active, true);
  unwrap(await api.deleteProfile(created.id));
  const gone = errorOf(await api.deleteProfile(created.id));
  assert.equal(gone.kind, 'not-found');
  assert.equal(gone.message, 'Not Found', 'the HTML 404 page gives its <h1>');
  assert.equal(errorOf(await api.getProfile(created.id)).kind, 'not-found');
  assertNoToken(sim.token, lines);
  assert.ok(lines.some((l) => /^POST \/api\/v1\/library\/custom-profiles 201 \d+ms$/.test(l)), lines.join('\n'));
});

test('kandji: an update refuses when the remote moved on, unless forced', async (t) => {
  const { sim, api } = await tenant(t, 'kandji');
  const created = unwrap(await api.createProfile(upload('Guarded')));
  const known = { updatedAt: created.updatedAt, contentHash: created.contentHash };
  sim.state.advance(5000);
  // Someone else edits it in the console.
  const other = sampleProfileXml('Guarded', 'com.example.Guarded').replace('WPA2', 'WPA3');
  unwrap(await api.updateProfile(created.id, { file: bytes(other) }));
  const patchesBefore = sim.log.filter((e) => e.method === 'PATCH').length;

  const refused = errorOf(await api.updateProfile(created.id, { name: 'Mine' }, known));
  assert.equal(refused.kind, 'conflict');
  assert.ok(refused.kind === 'conflict' && refused.remoteUpdatedAt && refused.remoteUpdatedAt !== created.updatedAt);
  assert.equal(sim.log.filter((e) => e.method === 'PATCH').length, patchesBefore, 'nothing was sent');

  // Same updated_at but a different hash is a conflict too.
  const now = unwrap(await api.getProfile(created.id));
  const staleHash = errorOf(await api.updateProfile(created.id, { name: 'Mine' }, { updatedAt: now.updatedAt, contentHash: created.contentHash }));
  assert.equal(staleHash.kind, 'conflict');

  const forced = unwrap(await api.updateProfile(created.id, { name: 'Mine' }, known, true));
  assert.equal(forced.name, 'Mine');
});

test('kandji: style A pages follow `next` to the end, re-based onto the configured URL', async (t) => {
  // The service may put another host in `next`; the client must keep talking to its own base URL.
  const { sim, api } = await tenant(t, 'kandji', { kandji: { listPageSize: 3, linkOrigin: 'https://acme.kandji.io' } });
  for (let i = 0; i < 8; i++) unwrap(await api.createProfile(upload(`Paged ${i}`)));
  const all = unwrap(await api.listProfiles());
  assert.equal(all.length, 8);
  assert.equal(new Set(all.map((p) => p.id)).size, 8);
  const gets = sim.log.filter((e) => e.method === 'GET' && e.path === '/api/v1/library/custom-profiles');
  assert.deepEqual(gets.map((e) => new URLSearchParams(e.query).get('offset')), [null, '3', '6']);
});

test('kandji: devices page lazily in bare arrays of at most 300 with offset; filters reach the server', async (t) => {
  const { sim, api } = await tenant(t, 'kandji', { data: 'demo', demo: { devices: 650, profiles: 6 } });
  const first = unwrap(await api.listDevices({}));
  assert.equal(first.items.length, 300);
  assert.equal(first.next, '300');
  assert.equal(sim.log.length, 1, 'one page per call: the caller pages');
  const everything = unwrap(await allDevices(api));
  assert.equal(everything.length, 650);
  assert.equal(new Set(everything.map((d) => d.id)).size, 650);
  const offsets = sim.log.filter((e) => e.path === '/api/v1/devices').map((e) => new URLSearchParams(e.query).get('offset'));
  assert.deepEqual(offsets, ['0', '0', '300', '600']);

  const small = unwrap(await api.listDevices({ pageSize: 50 }));
  assert.equal(small.items.length, 50);
  const ipads = unwrap(await allDevices(api, { platform: 'iPad' }));
  assert.ok(ipads.length > 0 && ipads.every((d) => d.platform === 'iPad'));
  const bp = [...sim.state.blueprints.values()].find((b) => sim.state.membersOf(b.id).size > 0)!;
  const onBp = unwrap(await allDevices(api, { blueprintId: bp.id }));
  assert.equal(onBp.length, sim.state.membersOf(bp.id).size);
  assert.ok(onBp.every((d) => d.blueprintId === bp.id && d.blueprintName === bp.name));
  const named = everything[0]!.name;
  const found = unwrap(await allDevices(api, { search: named }));
  assert.ok(found.some((d) => d.id === everything[0]!.id));
});

test('kandji: device details, per-device and per-item status', async (t) => {
  const { sim, api } = await tenant(t, 'kandji', { data: 'demo', demo: { devices: 60, profiles: 6 } });
  const device = unwrap(await api.listDevices({ pageSize: 1 })).items[0]!;
  const details = unwrap(await api.getDevice(device.id));
  assert.equal(details.id, device.id);
  assert.ok(Object.keys(details.facts).length > 5);
  const rows = unwrap(await api.deviceProfiles(device.id));
  assert.ok(rows.every((r) => r.deviceId === device.id && r.itemId));
  const item = [...sim.state.items.values()].find((i) => i.kind === 'profile' && sim.state.rowsOf(i.id).size > 0)!;
  const statuses = unwrap(await api.profileStatus(item.id));
  assert.equal(statuses.length, sim.state.rowsOf(item.id).size);
  assert.ok(statuses.every((s) => ['success', 'pending', 'failed'].includes(s.status)));
  assert.equal(errorOf(await api.getDevice('00000000-0000-4000-8000-000000000000')).kind, 'not-found');
});

test('kandji: blueprints, items, assignment rules of classic and map blueprints', async (t) => {
  const { sim, api } = await tenant(t, 'kandji', { data: 'demo', demo: { devices: 30, profiles: 6 } });
  const bps = unwrap(await api.listBlueprints());
  assert.equal(bps.length, 12);
  assert.ok(bps.some((b) => b.kind === 'map') && bps.some((b) => b.kind === 'classic'));
  const classic = bps.find((b) => b.kind === 'classic')!;
  const item = unwrap(await api.createProfile(upload('Assign me')));

  const withNode = errorOf(await api.assign(classic.id, item.id, '5a0e8c2d-1b3f-4e6a-9c7d-8e9f0a1b2c3d'));
  assert.equal(withNode.kind, 'invalid');
  assert.match(withNode.message, /assignment_node_id cannot be provided for Classic Blueprint/);
  unwrap(await api.assign(classic.id, item.id));
  unwrap(await api.assign(classic.id, item.id)); // already there: idempotent
  const items = unwrap(await api.blueprintItems(classic.id));
  const mine = items.find((i) => i.id === item.id);
  assert.equal(mine?.kind, 'custom-profile');
  assert.equal(mine?.name, 'Assign me');
  unwrap(await api.unassign(classic.id, item.id));
  unwrap(await api.unassign(classic.id, item.id)); // already gone: idempotent
  assert.ok(!unwrap(await api.blueprintItems(classic.id)).some((i) => i.id === item.id));

  const conditional = [...sim.state.blueprints.values()].find((b) => b.type === 'map' && b.nodes.length > 1)!;
  const noNode = errorOf(await api.assign(conditional.id, item.id));
  assert.match(noNode.message, /Must provide assignment_node_id for Assignment Map Blueprint/);
  unwrap(await api.assign(conditional.id, item.id, conditional.nodes[1]!.id));
  assert.ok(unwrap(await api.blueprintItems(conditional.id)).some((i) => i.id === item.id));
  unwrap(await api.unassign(conditional.id, item.id, conditional.nodes[1]!.id));
  assert.deepEqual(unwrap(await api.assignmentNodes(conditional.id)), []);
  const missing = errorOf(await api.assign('5a0e8c2d-1b3f-4e6a-9c7d-000000000000', item.id));
  assert.equal(missing.kind, 'not-found');
  assert.equal(missing.message, 'Not found.');
});

test('kandji: device actions per platform, lock PIN, parameter checks before sending', async (t) => {
  const { sim, api } = await tenant(t, 'kandji', { data: 'demo', demo: { devices: 80, profiles: 4 } });
  const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 1 })).items[0]!;
  const iphone = unwrap(await api.listDevices({ platform: 'iPhone', pageSize: 1 })).items[0]!;
  const macActions = api.deviceActions(mac).map((a) => a.id);
  for (const id of ['blankpush', 'updateinventory', 'restart', 'shutdown', 'lock', 'erase', 'renewmdmprofile', 'reinstallagent', 'setname', 'unlockaccount', 'deleteuser', 'remotedesktop']) {
    assert.ok(macActions.includes(id), id);
  }
  assert.ok(!macActions.includes('clearpasscode'));
  const phoneActions = api.deviceActions(iphone);
  assert.ok(phoneActions.some((a) => a.id === 'clearpasscode'));
  assert.ok(!phoneActions.some((a) => a.id === 'reinstallagent'));
  assert.equal(phoneActions.find((a) => a.id === 'erase')?.destructive, true);
  assert.equal(phoneActions.find((a) => a.id === 'blankpush')?.destructive, false);

  const locked = unwrap(await api.runDeviceAction(mac.id, 'lock', { message: 'Call IT' }));
  assert.match(locked.pin ?? '', /^\d{6}$/);
  const again = errorOf(await api.runDeviceAction(mac.id, 'lock'));
  assert.equal(again.kind, 'invalid');
  assert.match(again.message, /already locked|already running/i);
  unwrap(await api.runDeviceAction(iphone.id, 'blankpush'));
  unwrap(await api.runDeviceAction(mac.id, 'setname', { deviceName: 'Studio Mac' }));

  const before = sim.log.filter((e) => e.method === 'POST').length;
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'erase', { pin: '12' })).message, /6 digits/);
  assert.match(errorOf(await api.runDeviceAction(iphone.id, 'reinstallagent')).message, /not available for iPhone/);
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'setname')).message, /needs the parameter `deviceName`/);
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'restart', { bogus: '1' })).message, /takes no parameter `bogus`/);
  assert.match(errorOf(await api.runDeviceAction(mac.id, 'selfdestruct')).message, /Unknown device action/);
  assert.equal(sim.log.filter((e) => e.method === 'POST').length, before, 'refused before sending');
  const erase = sim.log.find((e) => e.path.endsWith('/action/lock'));
  assert.equal(erase?.contentType, 'application/json');
});

test('kandji: verify and web links', async (t) => {
  const { api } = await tenant(t, 'kandji');
  unwrap(await api.verify());
  assert.equal(api.webUrl({ kind: 'device', id: 'x' }), undefined, 'no console for a loopback tenant');
  const real = createTenantApi({ kind: 'kandji', baseUrl: 'https://acme.api.eu.kandji.io', token: 't' });
  assert.equal(real.webUrl({ kind: 'device', id: 'd1' }), 'https://acme.eu.kandji.io/devices/d1');
  assert.equal(real.webUrl({ kind: 'profile', id: 'p1' }), 'https://acme.eu.kandji.io/library/custom-profiles/p1');
  const bad = await tenant(t, 'kandji', {}, { token: '0f3b2c1a-9d8e-4f70-a1b2-c3d4e5f60718' });
  const e = errorOf(await bad.api.verify());
  assert.equal(e.kind, 'unauthorized');
  assertNoToken('0f3b2c1a-9d8e-4f70-a1b2-c3d4e5f60718', [e.message, e.hint ?? '', ...bad.lines]);
});

test('kandji: a create without any platform is refused before sending', async (t) => {
  const { sim, api } = await tenant(t, 'kandji');
  const e = errorOf(await api.createProfile({ ...upload('Nowhere'), runsOn: {} }));
  assert.equal(e.kind, 'invalid');
  assert.match(e.message, /at least one platform/);
  assert.equal(sim.log.length, 0);
});

test('kandji: library item activity, newest first, paged to the limit', async (t) => {
  const { api } = await tenant(t, 'kandji', { kandji: { listPageSize: 2 } });
  const item = unwrap(await api.createProfile(upload('History')));
  for (const name of ['History 2', 'History 3', 'History 4']) unwrap(await api.updateProfile(item.id, { name }));
  const all = unwrap(await api.profileActivity(item.id));
  assert.deepEqual(all.map((a) => a.kind), ['edited', 'edited', 'edited', 'created']);
  assert.ok(all.every((a) => a.at));
  assert.equal(unwrap(await api.profileActivity(item.id, 3)).length, 3);
});
