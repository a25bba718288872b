// The Kandji simulator over real HTTP: auth, content types, profile rewrites, paging, blueprints, devices, actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleProfileXml } from '../../../tenant/src/simulator/index';
import { call, get, sendForm, sendJson, sim } from './simHttp';

const PROFILES = '/api/v1/library/custom-profiles';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KANDJI_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

const upload = (name: string, extra: { name: string; value: string }[] = [{ name: 'runs_on_mac', value: 'true' }], xml = sampleProfileXml(name)) => [
  { name: 'name', value: name },
  ...extra,
  { name: 'file', filename: 'p.mobileconfig', data: xml },
];

test('kandji: bearer auth; DRF detail bodies for missing and wrong tokens', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  const none = await call(s, 'GET', PROFILES, { auth: false });
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, { detail: 'Authentication credentials were not provided.' });
  const wrong = await get(s, PROFILES, { authorization: 'Bearer 00000000-0000-4000-8000-000000000000' });
  assert.equal(wrong.status, 401);
  assert.ok(!wrong.text.includes(s.token));
  const ok = await get(s, `${PROFILES}/`); // trailing slash tolerated
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('x-ratelimit-limit-hour'), '10000');
  assert.equal(ok.headers.get('ratelimit-limit'), '50');
  assert.ok(Number(ok.headers.get('x-ratelimit-remaining-second')) < 50);
  assert.ok(s.log.every((e) => !JSON.stringify(e).includes(s.token)), 'the request log redacts the token');
});

test('kandji: multipart create rewrites only the top-level identifier and name; 201 with the full object', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  const xml = sampleProfileXml('Local name', 'com.example.local');
  const created = await sendForm(s, 'POST', PROFILES, upload('Studio Wi-Fi', [{ name: 'runs_on_mac', value: 'True' }, { name: 'runs_on_iphone', value: '1' }], xml));
  assert.equal(created.status, 201);
  const p = created.body as Record<string, unknown>;
  assert.match(String(p['id']), UUID);
  assert.equal(p['mdm_identifier'], `com.kandji.profile.custom.${p['id']}`);
  assert.equal(p['active'], true, 'active defaults to true');
  assert.equal(p['runs_on_mac'], true);
  assert.equal(p['runs_on_iphone'], true);
  assert.equal(p['runs_on_ipad'], false);
  assert.match(String(p['created_at']), KANDJI_TIME);
  const profile = String(p['profile']);
  assert.ok(profile.includes(`<string>com.kandji.profile.custom.${p['id']}</string>`));
  assert.ok(profile.includes('<string>Studio Wi-Fi</string>'));
  assert.ok(profile.includes('<string>com.example.local.wifi</string>'), 'nested identifiers stay');
  const normalise = (x: string) => x.replace(/<key>PayloadIdentifier<\/key>\n\t<string>[^<]*<\/string>/, '').replace(/<key>PayloadDisplayName<\/key>\n\t<string>[^<]*<\/string>/, '');
  assert.equal(normalise(profile), normalise(xml), 'everything else is byte-for-byte');
  assert.equal(s.log.at(-1)?.createdId, p['id']);
});

test('kandji: wrong content types and bad fields answer 415 / 400 in DRF shapes', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  const asJson = await sendJson(s, 'POST', PROFILES, { name: 'x' });
  assert.equal(asJson.status, 415);
  assert.match(String((asJson.body as { detail: string }).detail), /Unsupported media type "application\/json"/);
  const urlencoded = await call(s, 'POST', PROFILES, { body: 'name=x&runs_on_mac=true', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(urlencoded.status, 400);
  assert.deepEqual(urlencoded.body, { file: ['No file was submitted.'] });
  const badBool = await sendForm(s, 'POST', PROFILES, upload('X', [{ name: 'runs_on_mac', value: 'maybe' }]));
  assert.equal(badBool.status, 400);
  assert.deepEqual(badBool.body, { runs_on_mac: ['Must be a valid boolean.'] });
  const noPlatform = await sendForm(s, 'POST', PROFILES, upload('X', [{ name: 'runs_on_mac', value: 'false' }]));
  assert.equal(noPlatform.status, 400);
  assert.ok(Array.isArray((noPlatform.body as Record<string, unknown>)['non_field_errors']));
  const notPlist = await sendForm(s, 'POST', PROFILES, upload('X', undefined, 'hello'));
  assert.equal(notPlist.status, 400);
  assert.ok(Array.isArray((notPlist.body as Record<string, unknown>)['file']));
  const noName = await sendForm(s, 'POST', PROFILES, [{ name: 'runs_on_mac', value: 'true' }, { name: 'file', filename: 'a', data: sampleProfileXml() }]);
  assert.deepEqual(noName.body, { name: ['This field is required.'] });
  assert.equal(s.state.counts().profiles, 0);
});

test('kandji: PATCH changes only what is sent, bumps updated_at, rewrites the name; DELETE 204 then HTML 404', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  s.state.freeze();
  const p = (await sendForm(s, 'POST', PROFILES, upload('Before', [{ name: 'runs_on_mac', value: 'true' }, { name: 'active', value: 'false' }]))).body as Record<string, unknown>;
  s.state.advance(1000);
  const renamed = await sendForm(s, 'PATCH', `${PROFILES}/${p['id']}`, [{ name: 'name', value: 'After' }]);
  assert.equal(renamed.status, 200);
  const r = renamed.body as Record<string, unknown>;
  assert.equal(r['active'], false);
  assert.ok(String(r['updated_at']) > String(p['updated_at']));
  assert.ok(String(r['profile']).includes('<string>After</string>'));
  const activated = (await sendForm(s, 'PATCH', `${PROFILES}/${p['id']}`, [{ name: 'active', value: 'true' }])).body as Record<string, unknown>;
  assert.equal(activated['active'], true);
  assert.equal(activated['name'], 'After');
  assert.equal((await call(s, 'DELETE', `${PROFILES}/${p['id']}`)).status, 204);
  const gone = await call(s, 'DELETE', `${PROFILES}/${p['id']}`);
  assert.equal(gone.status, 404);
  assert.match(gone.headers.get('content-type') ?? '', /text\/html/);
  assert.match(gone.text, /<h1>Not Found<\/h1>/);
});

test('kandji: library lists are DRF envelopes with absolute next/previous links', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 30 } });
  const first = (await get(s, `${PROFILES}?limit=15`)).body as { count: number; next: string | null; previous: string | null; results: unknown[] };
  assert.equal(first.count, 40);
  assert.equal(first.results.length, 15);
  assert.equal(first.previous, null);
  assert.equal(first.next, `${s.url}${PROFILES}?limit=15&offset=15`);
  const last = (await get(s, `${PROFILES}?limit=15&offset=30`)).body as typeof first;
  assert.equal(last.results.length, 10);
  assert.equal(last.next, null);
  assert.equal(last.previous, `${s.url}${PROFILES}?limit=15&offset=15`);
  const defaults = (await get(s, PROFILES)).body as typeof first;
  assert.equal(defaults.results.length, 40);
  const big = (await get(s, `${PROFILES}?limit=1000`)).body as typeof first;
  assert.equal(big.results.length, 40, 'limit above 300 is clamped, not an error');
});

test('kandji: devices are bare arrays, at most 300 per page, with offset, filters and ordering', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 700 } });
  const page = await get(s, '/api/v1/devices?limit=500');
  assert.ok(Array.isArray(page.body));
  assert.equal((page.body as unknown[]).length, 300);
  const rest = (await get(s, '/api/v1/devices?limit=300&offset=600')).body as { device_id: string }[];
  assert.equal(rest.length, 100);
  assert.deepEqual((await get(s, '/api/v1/devices?limit=300&offset=700')).body, []);
  const ipads = (await get(s, '/api/v1/devices?limit=300&platform=iPad')).body as { platform: string; user: unknown }[];
  assert.ok(ipads.length > 0 && ipads.every((d) => d.platform === 'iPad'));
  assert.ok(ipads.some((d) => d.user === ''), 'unassigned devices carry user ""');
  const bp = [...s.state.blueprints.values()][1]!;
  const onBp = (await get(s, `/api/v1/devices?limit=300&blueprint_id=${bp.id}`)).body as { blueprint_id: string }[];
  assert.equal(onBp.length, s.state.membersOf(bp.id).size);
  const ordered = (await get(s, '/api/v1/devices?limit=300&ordering=-last_check_in')).body as { last_check_in: string }[];
  assert.ok(ordered.every((d, i) => i === 0 || ordered[i - 1]!.last_check_in >= d.last_check_in));
  const rejecting = await sim(t, { vendor: 'kandji', data: 'empty', kandji: { deviceLimitOver300: 'reject' } });
  assert.equal((await get(rejecting, '/api/v1/devices?limit=301')).status, 400);
  assert.deepEqual((await get(s, '/api/v1/devices/not-a-device')).body, { detail: 'Not found.' });
});

test('kandji: classic and map assignment rules with the exact bare-string errors', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  const item = (await sendForm(s, 'POST', PROFILES, upload('Assign me'))).body as { id: string };
  const classic = (await call(s, 'POST', '/api/v1/blueprints', { body: 'name=Classic&enrollment_code.is_active=true', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).body as { id: string; type: string };
  assert.equal(classic.type, 'classic');
  const map = (await sendJson(s, 'POST', '/api/v1/blueprints', { name: 'Map', type: 'map', enrollment_code: { is_active: false } })).body as { id: string };
  const assign = (bp: string, body: unknown) => sendJson(s, 'POST', `/api/v1/blueprints/${bp}/assign-library-item`, body);
  const remove = (bp: string, body: unknown) => sendJson(s, 'POST', `/api/v1/blueprints/${bp}/remove-library-item`, body);

  const withNode = await assign(classic.id, { library_item_id: item.id, assignment_node_id: '3d9f0c1e-0000-4000-8000-000000000000' });
  assert.equal(withNode.status, 400);
  assert.equal(withNode.body, 'assignment_node_id cannot be provided for Classic Blueprint');
  const ok = await assign(classic.id, { library_item_id: item.id });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, [item.id]);
  assert.equal((await assign(classic.id, { library_item_id: item.id })).body, 'Library Item already exists on Blueprint');
  assert.deepEqual((await remove(classic.id, { library_item_id: item.id })).body, []);
  assert.equal((await remove(classic.id, { library_item_id: item.id })).body, 'Library Item does not exist on Blueprint');

  // A map without conditional logic takes the root node; with conditions the node id is required.
  assert.deepEqual((await assign(map.id, { library_item_id: item.id })).body, [item.id]);
  assert.equal((await assign(map.id, { library_item_id: item.id })).body, 'Library Item already exists in Assignment Node');
  const bp = s.state.blueprints.get(map.id)!;
  bp.nodes.push({ id: '7e2a4c6d-1111-4222-8333-944455556666', name: 'Apple silicon' });
  const second = (await sendForm(s, 'POST', PROFILES, upload('Second'))).body as { id: string };
  assert.equal((await assign(map.id, { library_item_id: second.id })).body, 'Must provide assignment_node_id for Assignment Map Blueprint');
  const badNode = await assign(map.id, { library_item_id: second.id, assignment_node_id: '00000000-0000-4000-8000-000000000000' });
  assert.equal(badNode.status, 400);
  assert.equal(badNode.text, 'Assignment node not found', 'plain text, not JSON');
  assert.deepEqual(new Set((await assign(map.id, { library_item_id: second.id, assignment_node_id: bp.nodes[1]!.id })).body as string[]), new Set([item.id, second.id]));

  assert.deepEqual((await assign('5a0e8c2d-1b3f-4e6a-9c7d-8e9f0a1b2c3d', { library_item_id: item.id })).body, { detail: 'Not found.' });
  assert.deepEqual((await assign(classic.id, {})).body, { library_item_id: ['This field is required.'] });
  const listed = (await get(s, `/api/v1/blueprints/${map.id}/list-library-items`)).body as { results: { id: string; name: string }[] };
  assert.deepEqual(listed.results.map((r) => r.name).sort(), ['Assign me', 'Second']);
  const badJson = await call(s, 'POST', `/api/v1/blueprints/${classic.id}/assign-library-item`, { body: '{"library_item_id": ', headers: { 'content-type': 'application/json' } });
  assert.equal(badJson.status, 400);
  assert.match(String((badJson.body as { detail: string }).detail), /^JSON parse error - /);
});

test('kandji: assignment creates pending status rows that settle; device and item views agree', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 60, profiles: 4 }, settleMs: 5000 });
  s.state.freeze();
  const item = (await sendForm(s, 'POST', PROFILES, upload('Status', [{ name: 'runs_on_mac', value: 'true' }, { name: 'runs_on_iphone', value: 'true' }, { name: 'runs_on_ipad', value: 'true' }, { name: 'runs_on_tv', value: 'true' }, { name: 'runs_on_vision', value: 'true' }]))).body as { id: string };
  const bp = [...s.state.blueprints.values()].find((b) => b.type === 'classic' && s.state.membersOf(b.id).size > 0)!;
  await sendJson(s, 'POST', `/api/v1/blueprints/${bp.id}/assign-library-item`, { library_item_id: item.id });
  const statusPath = `/api/v1/library/library-items/${item.id}/status`;
  const pending = (await get(s, statusPath)).body as { count: number; results: { status: string; computer: { id: string } }[] };
  assert.equal(pending.count, s.state.membersOf(bp.id).size);
  assert.ok(pending.results.every((r) => r.status === 'pending'));
  s.state.advance(5000);
  const settled = (await get(s, statusPath)).body as typeof pending;
  assert.ok(settled.results.every((r) => r.status === 'success'));
  const deviceId = settled.results[0]!.computer.id;
  const lib = (await get(s, `/api/v1/devices/${deviceId}/library-items`)).body as { device_id: string; library_items: { item_id: string; status: string }[] };
  assert.equal(lib.device_id, deviceId);
  assert.equal(lib.library_items.find((i) => i.item_id === item.id)?.status, 'success');
  const details = (await get(s, `/api/v1/devices/${deviceId}/details`)).body as { installed_profiles: { identifier: string }[] };
  assert.ok(details.installed_profiles.some((p) => p.identifier === `com.kandji.profile.custom.${item.id}`));
  const one = (await get(s, `${statusPath}?computer_id=${deviceId}`)).body as typeof pending;
  assert.equal(one.count, 1);
});

test('kandji: device actions: 200 empty, Mac lock returns a PIN, platform and repeat errors', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 80, profiles: 2 } });
  s.state.freeze();
  const mac = s.state.devices.find((d) => d.platform === 'Mac')!;
  const phone = s.state.devices.find((d) => d.platform === 'iPhone')!;
  const act = (id: string, action: string, body?: unknown) => (body === undefined ? call(s, 'POST', `/api/v1/devices/${id}/action/${action}`) : sendJson(s, 'POST', `/api/v1/devices/${id}/action/${action}`, body));
  const lock = await act(mac.id, 'lock', { Message: 'Call IT' });
  assert.equal(lock.status, 200);
  assert.match(String((lock.body as { PIN: string }).PIN), /^\d{6}$/);
  assert.equal((await act(mac.id, 'lock')).body, 'This device is already locked.');
  const phoneLock = await act(phone.id, 'lock');
  assert.equal(phoneLock.status, 200);
  assert.equal(phoneLock.text, '');
  assert.equal((await act(mac.id, 'clearpasscode')).body, 'Command is not allowed for current device');
  assert.equal((await act(phone.id, 'blankpush')).status, 200);
  assert.equal((await act(mac.id, 'restart')).status, 200);
  assert.equal((await act(mac.id, 'restart')).body, 'Command already running');
  assert.deepEqual((await act(mac.id, 'setname', {})).body, { DeviceName: ['This field is required.'] });
  assert.equal((await act(mac.id, 'setname', { DeviceName: 'Renamed' })).status, 200);
  assert.equal(s.state.deviceById.get(mac.id)!.name, 'Renamed');
  assert.equal((await act(mac.id, 'frobnicate')).status, 404);
  const commands = (await get(s, `/api/v1/devices/${mac.id}/commands?limit=10`)).body as { device_id: string; commands: { count: number; results: { status: number; command_type: string }[] } };
  assert.equal(commands.commands.count, 3);
  assert.ok(commands.commands.results.every((c) => c.status === 1));
  s.state.advance(60_000);
  const later = (await get(s, `/api/v1/devices/${mac.id}/commands?limit=10`)).body as typeof commands;
  assert.ok(later.commands.results.every((c) => c.status === 3));
  assert.equal((await act(mac.id, 'restart')).status, 200, 'a settled command can be sent again');
  assert.equal((await call(s, 'DELETE', `/api/v1/devices/${phone.id}`)).status, 204);
  assert.equal((await get(s, `/api/v1/devices/${phone.id}`)).status, 404);
});

test('kandji: unknown paths answer the HTML 404 page; wrong methods 405 with Allow', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty' });
  const unknown = await get(s, '/api/v1/nothing-here');
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('content-type') ?? '', /text\/html/);
  const put = await call(s, 'PUT', PROFILES);
  assert.equal(put.status, 405);
  assert.deepEqual(put.body, { detail: 'Method "PUT" not allowed.' });
  assert.match(put.headers.get('allow') ?? '', /GET/);
});

test('kandji: next links can point at another origin so clients must re-base them', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 10 }, kandji: { linkOrigin: 'https://acme.kandji.io' } });
  const page = (await get(s, `${PROFILES}?limit=5`)).body as { next: string };
  assert.equal(page.next, `https://acme.kandji.io${PROFILES}?limit=5&offset=5`);
});

test('kandji: a device lists every library item: profiles lower-case, other item types upper-case', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 300, profiles: 6 } });
  const row = [...s.state.rows.values()].flatMap((m) => [...m.values()]).find((r) => s.state.items.get(r.itemId)?.kind === 'other')!;
  const lib = (await get(s, `/api/v1/devices/${row.deviceId}/library-items`)).body as { library_items: { item_id: string; type: string; status: string }[] };
  const listed = lib.library_items.find((i) => i.item_id === row.itemId)!;
  assert.equal(listed.type, s.state.items.get(row.itemId)!.otherType);
  assert.match(listed.status, /^[A-Z_]+$/);
  assert.ok(lib.library_items.filter((i) => i.type === 'custom-profile').every((i) => /^[a-z]+$/.test(i.status)));
  const details = (await get(s, `/api/v1/devices/${row.deviceId}/details`)).body as { installed_profiles: { identifier: string }[] };
  assert.ok(details.installed_profiles.every((p) => p.identifier.startsWith('com.kandji.profile.custom.')));
});

test('kandji: a Prism export takes blueprint_ids, device_families, filter and sort_by in its body, echoes them in args and files only those rows', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 200 } });
  const mac = s.state.devices.find((d) => d.platform === 'Mac')!;
  const blueprintId = mac.groupIds[0]!;
  const body = { category: 'device_information', blueprint_ids: [blueprintId], device_families: ['Mac'], filter: {}, sort_by: '-device__name' };
  const asked = await sendJson(s, 'POST', '/api/v1/prism/export', body);
  assert.equal(asked.status, 200);
  const job = asked.body as { id: string; args: Record<string, unknown> };
  assert.deepEqual(job.args, { blueprint_ids: [blueprintId], columns: [], device_families: ['Mac'], filter: {}, sort_by: '-device__name' });
  const ready = (await get(s, `/api/v1/prism/export/${job.id}`)).body as { signed_url: string };
  const file = await fetch(ready.signed_url);
  const [head, ...lines] = (await file.text()).trim().split('\n');
  const columns = head!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
  const expected = s.state.devices.filter((d) => d.platform === 'Mac' && d.groupIds[0] === blueprintId);
  assert.equal(rows.length, expected.length);
  assert.ok(rows.every((r) => r['blueprint_id'] === blueprintId && r['device__family'] === 'Mac'));
  const names = rows.map((r) => r['device__name']!);
  assert.deepEqual(names, [...names].sort((x, y) => y.localeCompare(x)));

  const byDevice = await sendJson(s, 'POST', '/api/v1/prism/export', { category: 'apps', filter: { device_id: { eq: mac.id } } });
  assert.deepEqual((byDevice.body as { args: { filter: unknown } }).args.filter, { device_id: { eq: mac.id } });
  const bad = await sendJson(s, 'POST', '/api/v1/prism/export', { category: 'apps', filter: 'device_id=1' });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body, { detail: 'filter must be an object' });
});
