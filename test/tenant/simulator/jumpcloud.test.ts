// The JumpCloud simulator over real HTTP: auth and org header, templates, policies, graph, lists, MDM commands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLE_MDM_ID, CUSTOM_PROFILE_TEMPLATE_ID, PAYLOAD_FIELD_ID, REDISPATCH_FIELD_ID, sampleProfileXml } from '../../../tenant/src/simulator/index';
import { b64, call, get, sendJson, sim } from './simHttp';

const policyBody = (name: string, xml = sampleProfileXml(name)) => ({
  name,
  notes: 'from a test',
  template: { id: CUSTOM_PROFILE_TEMPLATE_ID },
  values: [
    { configFieldID: PAYLOAD_FIELD_ID, value: b64(xml) },
    { configFieldID: REDISPATCH_FIELD_ID, value: 'true' },
  ],
});

test('jumpcloud: x-api-key required; x-org-id optional, required for multi-tenant admins', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'empty' });
  assert.equal(s.token.length, 40);
  const none = await call(s, 'GET', '/api/v2/policies', { auth: false });
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, { error: 'Unauthorized', message: 'Unauthorized: api key user not found' });
  assert.equal((await get(s, '/api/v2/policies')).status, 200);
  assert.equal((await get(s, '/api/v2/policies', { 'x-org-id': 'not-an-id' })).status, 400);
  const msp = await sim(t, { vendor: 'jumpcloud', data: 'empty', jumpcloud: { requireOrgId: true } });
  const noOrg = await get(msp, '/api/v2/policies');
  assert.equal(noOrg.status, 401);
  assert.deepEqual(noOrg.body, { message: 'Unauthorized: no organization selected' });
  assert.equal((await get(msp, '/api/v2/policies', { 'x-org-id': msp.env['JUMPCLOUD_ORG_ID']! })).status, 200);
  assert.equal((await get(msp, '/api/v2/policies', { 'x-org-id': '0123456789abcdef01234567' })).status, 404);
});

test('jumpcloud: the custom-profile template is found by name; the list omits configFields', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'empty' });
  const list = await get(s, '/api/v2/policytemplates?filter=name:eq:custom_mdm_profile_darwin');
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('x-total-count'), '1');
  const [tpl] = list.body as Record<string, unknown>[];
  assert.equal(tpl!['id'], CUSTOM_PROFILE_TEMPLATE_ID);
  assert.equal(tpl!['osMetaFamily'], 'darwin');
  assert.ok(!('configFields' in tpl!));
  const detail = (await get(s, `/api/v2/policytemplates/${CUSTOM_PROFILE_TEMPLATE_ID}`)).body as { configFields: { id: string; name: string; displayType: string }[] };
  assert.deepEqual(detail.configFields.map((f) => [f.name, f.id, f.displayType]), [['payload', PAYLOAD_FIELD_ID, 'file'], ['redispatchPolicy', REDISPATCH_FIELD_ID, 'checkbox']]);
  const all = (await get(s, '/api/v2/policytemplates?limit=100')).body as { name: string }[];
  assert.ok(all.some((x) => !x.name.startsWith('custom_mdm_profile')), 'other templates exist, so clients must filter');
  const bad = await get(s, '/api/v2/policytemplates?filter=name:$eq:x');
  assert.equal(bad.status, 400, 'v2 operators take no $');
});

test('jumpcloud: policy create 201 with details, GET decodes to the same bytes, PUT is a full replace, DELETE 204', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'empty' });
  const xml = sampleProfileXml('Studio Wi-Fi', 'com.example.studio');
  const created = await sendJson(s, 'POST', '/api/v2/policies', policyBody('Studio Wi-Fi', xml));
  assert.equal(created.status, 201);
  const p = created.body as { id: string; template: { id: string; name: string }; values: Record<string, unknown>[]; configFields: unknown[] };
  assert.match(p.id, /^[0-9a-f]{24}$/);
  assert.equal(p.template.name, 'custom_mdm_profile_darwin');
  assert.ok(p.configFields.length > 0);
  const got = (await get(s, `/api/v2/policies/${p.id}`)).body as typeof p;
  const payload = got.values.find((v) => v['configFieldID'] === PAYLOAD_FIELD_ID)!;
  assert.equal(Buffer.from(String(payload['value']), 'base64').toString('utf8'), xml, 'no server-side rewrite');
  // PolicyValue as published: configFieldID, value (a string, checkboxes too), sensitive; no field name.
  assert.deepEqual(got.values.map((v) => Object.keys(v).sort()), [['configFieldID', 'sensitive', 'value'], ['configFieldID', 'sensitive', 'value']]);
  assert.equal(got.values[1]!['value'], 'true');
  const boolean = await sendJson(s, 'POST', '/api/v2/policies', { ...policyBody('Boolean', xml), values: [{ configFieldID: PAYLOAD_FIELD_ID, value: b64(xml) }, { configFieldID: REDISPATCH_FIELD_ID, value: true }] });
  assert.equal(boolean.status, 400, 'a boolean where the definition types a string is refused, as a validating server does');
  assert.match(String((boolean.body as { message: string }).message), /redispatchPolicy: value must be a string/);
  const list = (await get(s, '/api/v2/policies')).body as Record<string, unknown>[];
  assert.deepEqual(Object.keys(list[0]!).sort(), ['id', 'name', 'template'], 'list items are shallow');

  const partial = await sendJson(s, 'PUT', `/api/v2/policies/${p.id}`, { name: 'Renamed', values: [{ configFieldID: REDISPATCH_FIELD_ID, value: 'false' }] });
  assert.equal(partial.status, 400, 'leaving out the payload is an error: PUT replaces all values');
  assert.match(String((partial.body as { message: string }).message), /payload/);
  const put = await sendJson(s, 'PUT', `/api/v2/policies/${p.id}`, { ...policyBody('Renamed', sampleProfileXml('v2')), template: { id: CUSTOM_PROFILE_TEMPLATE_ID } });
  assert.equal(put.status, 200, 'template on PUT is tolerated');
  assert.deepEqual(Object.keys(put.body as object).sort(), ['id', 'name', 'template']);
  assert.equal((await call(s, 'DELETE', `/api/v2/policies/${p.id}`)).status, 204);
  const gone = await get(s, `/api/v2/policies/${p.id}`);
  assert.equal(gone.status, 404);
  assert.deepEqual(gone.body, { code: 404, message: 'policy not found', status: 'Not Found' });
});

test('jumpcloud: policy validation errors are Error bodies', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'empty' });
  const cases: [unknown, RegExp][] = [
    [{ ...policyBody('x'), name: '' }, /name/],
    [{ ...policyBody('x'), template: undefined }, /template/],
    [{ ...policyBody('x'), template: { id: '0123456789abcdef01234567' } }, /template/],
    [{ ...policyBody('x'), values: [{ configFieldID: '', value: b64(sampleProfileXml()) }] }, /configFieldID/],
    [{ ...policyBody('x'), values: [{ configFieldID: PAYLOAD_FIELD_ID, value: 'not base64!' }] }, /base64/],
    [{ ...policyBody('x'), values: [{ configFieldID: PAYLOAD_FIELD_ID, value: b64('plain text') }] }, /payload/],
  ];
  for (const [body, message] of cases) {
    const r = await sendJson(s, 'POST', '/api/v2/policies', body);
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
    const e = r.body as { code: number; message: string; status: string };
    assert.equal(e.code, 400);
    assert.equal(e.status, 'Bad Request');
    assert.match(e.message, message);
  }
  const form = await call(s, 'POST', '/api/v2/policies', { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.equal(s.state.items.size, 0);
});

test('jumpcloud: v2 lists clamp limit to 100 with skip and x-total-count; v1 systems use totalCount and $ filters', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 250, profiles: 3 } });
  const groups = await get(s, '/api/v2/systemgroups');
  assert.equal((groups.body as unknown[]).length, 10, 'default limit is 10');
  assert.equal(groups.headers.get('x-total-count'), '12');
  assert.equal(((await get(s, '/api/v2/systemgroups?limit=5&skip=10')).body as unknown[]).length, 2);
  const named = (await get(s, '/api/v2/systemgroups?filter=name:eq:Kiosk%20iPads')).body as { name: string; type: string }[];
  assert.deepEqual(named.map((g) => [g.name, g.type]), [['Kiosk iPads', 'system_group']]);
  const mdmDevices = await get(s, `/api/v2/applemdms/${APPLE_MDM_ID}/devices?limit=500`);
  assert.equal((mdmDevices.body as unknown[]).length, 100);
  assert.equal(mdmDevices.headers.get('x-total-count'), '250');

  const systems = (await get(s, '/api/systems?limit=1000&skip=200')).body as { totalCount: number; results: { _id: string; os: string }[] };
  assert.equal(systems.totalCount, 250);
  assert.equal(systems.results.length, 50);
  const macs = (await get(s, '/api/systems?filter=os:$eq:Mac%20OS%20X&limit=100&sort=_id')).body as typeof systems;
  assert.ok(macs.totalCount > 0 && macs.results.every((r) => r.os === 'Mac OS X'));
  assert.ok(macs.results.every((r, i) => i === 0 || macs.results[i - 1]!._id < r._id));
  assert.equal((await get(s, '/api/systems?filter=os:eq:Mac%20OS%20X')).status, 400, 'v1 needs the $');
  const projected = (await get(s, '/api/systems?limit=1&fields=serialNumber%20os')).body as { results: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(projected.results[0]!).sort(), ['_id', 'os', 'serialNumber']);
});

test('jumpcloud: associations need targets, answer 204, are idempotent unless strict; statuses settle', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 120, profiles: 2 }, settleMs: 1000, failRate: 0 });
  s.state.freeze();
  const p = (await sendJson(s, 'POST', '/api/v2/policies', policyBody('Bound'))).body as { id: string };
  const group = [...s.state.blueprints.values()].find((g) => [...s.state.membersOf(g.id)].some((id) => s.state.deviceById.get(id)!.platform === 'Mac'))!;
  const assoc = `/api/v2/policies/${p.id}/associations`;
  assert.equal((await get(s, assoc)).status, 400, 'targets is required');
  const add = await sendJson(s, 'POST', assoc, { op: 'add', type: 'system_group', id: group.id });
  assert.equal(add.status, 204);
  assert.equal(add.text, '');
  assert.equal((await sendJson(s, 'POST', assoc, { op: 'add', type: 'system_group', id: group.id })).status, 204);
  const edges = (await get(s, `${assoc}?targets=system_group`)).body as { to: { id: string; type: string } }[];
  assert.deepEqual(edges.map((e) => [e.to.type, e.to.id]), [['system_group', group.id]]);
  assert.equal((await sendJson(s, 'POST', assoc, { op: 'add', type: 'user', id: group.id })).status, 400);

  const macs = [...s.state.membersOf(group.id)].filter((id) => s.state.deviceById.get(id)!.platform === 'Mac');
  const statuses = `/api/v2/policies/${p.id}/policystatuses?limit=100`;
  const pending = await get(s, statuses);
  assert.equal(pending.headers.get('x-total-count'), String(macs.length), 'only Macs get a darwin policy');
  assert.ok((pending.body as { state: string; success: boolean }[]).every((r) => r.state === 'pending' && r.success === false));
  assert.ok((pending.body as Record<string, unknown>[]).every((r) => !('endedAt' in r)), 'endedAt (a date-time) is left out while pending, never null');
  s.state.advance(1000);
  const done = (await get(s, statuses)).body as { state: string; success: boolean; systemID: string; policyID: string }[];
  assert.ok(done.every((r) => r.state === 'success' && r.success && r.policyID === p.id));
  const perSystem = (await get(s, `/api/v2/systems/${done[0]!.systemID}/policystatuses`)).body as { policyID: string }[];
  assert.ok(perSystem.some((r) => r.policyID === p.id));
  const traversed = (await get(s, `/api/v2/policies/${p.id}/systems?limit=100`)).body as { id: string; paths: { to: { type: string } }[][] }[];
  assert.equal(traversed.length, s.state.membersOf(group.id).size);
  assert.deepEqual(traversed[0]!.paths[0]!.map((c) => c.to.type), ['system_group', 'system']);

  assert.equal((await sendJson(s, 'POST', assoc, { op: 'remove', type: 'system_group', id: group.id })).status, 204);
  assert.equal((await get(s, statuses)).headers.get('x-total-count'), '0');

  const strict = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 20, profiles: 1 }, jumpcloud: { strictAssociations: true } });
  const sp = (await sendJson(strict, 'POST', '/api/v2/policies', policyBody('Strict'))).body as { id: string };
  const sg = [...strict.state.blueprints.values()][0]!;
  const sAssoc = `/api/v2/policies/${sp.id}/associations`;
  assert.equal((await sendJson(strict, 'POST', sAssoc, { op: 'add', type: 'system_group', id: sg.id })).status, 204);
  assert.equal((await sendJson(strict, 'POST', sAssoc, { op: 'add', type: 'system_group', id: sg.id })).status, 409);
  assert.equal((await sendJson(strict, 'POST', sAssoc, { op: 'remove', type: 'system_group', id: sg.id })).status, 204);
  assert.equal((await sendJson(strict, 'POST', sAssoc, { op: 'remove', type: 'system_group', id: sg.id })).status, 404);
});

test('jumpcloud: system groups CRUD and static members', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 10, profiles: 1 } });
  const created = await sendJson(s, 'POST', '/api/v2/systemgroups', { name: 'Pilot Macs' });
  assert.equal(created.status, 201);
  const g = created.body as { id: string; type: string };
  assert.equal(g.type, 'system_group');
  assert.equal((await sendJson(s, 'POST', '/api/v2/systemgroups', { name: 'Pilot Macs' })).status, 409);
  const sys = s.state.devices[0]!;
  assert.equal((await sendJson(s, 'POST', `/api/v2/systemgroups/${g.id}/members`, { op: 'add', type: 'system', id: sys.id })).status, 204);
  const members = (await get(s, `/api/v2/systemgroups/${g.id}/members`)).body as { to: { id: string; type: string } }[];
  assert.deepEqual(members.map((m) => m.to), [{ id: sys.id, type: 'system', attributes: {} }]);
  const memberOf = (await get(s, `/api/v2/systems/${sys.id}/memberof`)).body as { id: string }[];
  assert.ok(memberOf.some((m) => m.id === g.id));
  assert.equal((await sendJson(s, 'PUT', `/api/v2/systemgroups/${g.id}`, { name: 'Pilot Macs 2' })).status, 200);
  assert.equal((await call(s, 'DELETE', `/api/v2/systemgroups/${g.id}`)).status, 204);
  assert.equal((await get(s, `/api/v2/systemgroups/${g.id}`)).status, 404);
});

test('jumpcloud: Apple MDM commands: 204, macOS lock and erase need a 6-digit pin ({"message"} on 400)', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 60, profiles: 1 } });
  const mdms = await get(s, '/api/v2/applemdms');
  assert.deepEqual((mdms.body as { id: string }[]).map((m) => m.id), [APPLE_MDM_ID]);
  const mac = s.state.devices.find((d) => d.platform === 'Mac')!;
  const phone = s.state.devices.find((d) => d.platform === 'iPhone')!;
  assert.notEqual(mac.mdmDeviceId, mac.id, 'the MDM device id is not the system _id');
  const system = (await get(s, `/api/systems/${mac.id}`)).body as { mdm: { internal: { deviceId: string } } };
  assert.equal(system.mdm.internal.deviceId, mac.mdmDeviceId);
  const bySerial = (await get(s, `/api/v2/applemdms/${APPLE_MDM_ID}/devices?filter=serialNumber:eq:${mac.serial}`)).body as { id: string }[];
  assert.deepEqual(bySerial.map((d) => d.id), [mac.mdmDeviceId]);
  const cmd = (d: typeof mac, name: string, body?: unknown) => (body === undefined ? call(s, 'POST', `/api/v2/applemdms/${APPLE_MDM_ID}/devices/${d.mdmDeviceId}/${name}`) : sendJson(s, 'POST', `/api/v2/applemdms/${APPLE_MDM_ID}/devices/${d.mdmDeviceId}/${name}`, body));
  const noPin = await cmd(mac, 'lock', {});
  assert.equal(noPin.status, 400);
  assert.deepEqual(Object.keys(noPin.body as object), ['message']);
  assert.equal((await cmd(mac, 'lock', { pin: '12345' })).status, 400);
  assert.equal((await cmd(mac, 'lock', { pin: '123456' })).status, 204);
  assert.equal((await cmd(phone, 'lock')).status, 204);
  assert.equal((await cmd(mac, 'erase', {})).status, 400);
  assert.equal((await cmd(mac, 'restart')).status, 204);
  assert.equal((await cmd(mac, 'scheduleOSUpdate', { install_action: 'INSTALL_ASAP' })).status, 400);
  assert.equal((await cmd(mac, 'scheduleOSUpdate', { install_action: 'INSTALL_ASAP', product_key: 'macOS-15.3' })).status, 204);
  assert.equal((await call(s, 'POST', `/api/v2/applemdms/${APPLE_MDM_ID}/devices/0123456789abcdef01234567/restart`)).status, 404);
  assert.equal((await call(s, 'POST', `/api/v2/applemdms/${APPLE_MDM_ID}/devices/${mac.mdmDeviceId}/setname`)).status, 404, 'no such command in the API');
});

test('jumpcloud: POST /api/search/systems: filter object (and / or; a list is refused), searchFilter over fields, {totalCount, results}', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 150, profiles: 1 } });
  const mac = s.state.devices.find((d) => d.platform === 'Mac')!;
  const search = (body: unknown) => sendJson(s, 'POST', '/api/search/systems', body);
  const bySerial = (await search({ searchFilter: { searchTerm: mac.serial.slice(2, 8).toLowerCase(), fields: ['serialNumber'] } })).body as { totalCount: number; results: { _id: string }[] };
  assert.ok(bySerial.results.some((r) => r._id === mac.id));
  const macs = (await search({ filter: { and: [{ os: 'Mac OS X' }] }, limit: 100 })).body as { totalCount: number; results: { os: string }[] };
  assert.equal(macs.totalCount, s.state.devices.filter((d) => d.platform === 'Mac').length);
  assert.ok(macs.results.every((r) => r.os === 'Mac OS X'));
  const either = (await search({ filter: { or: [{ os: 'iOS' }, { os: 'iPadOS' }] } })).body as { totalCount: number; results: unknown[] };
  assert.equal(either.totalCount, s.state.devices.filter((d) => d.platform === 'iPhone' || d.platform === 'iPad').length);
  assert.equal(either.results.length, 10, 'default limit 10');
  assert.equal((await search({ filter: { and: [{ colour: 'red' }] } })).status, 400);
  const list = await search({ filter: [{ os: 'Mac OS X' }] });
  assert.equal(list.status, 400, 'the definition types filter as an object; a list is refused');
});

test('jumpcloud: commands without a declared body refuse one; groups carry objects, never null', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 40, profiles: 1 } });
  const mac = s.state.devices.find((d) => d.platform === 'Mac' && d.mdmDeviceId)!;
  for (const command of ['shutdown', 'clearActivationLock', 'refreshActivationLockInformation', 'osUpdateStatus']) {
    const path = `/api/v2/applemdms/${APPLE_MDM_ID}/devices/${mac.mdmDeviceId}/${command}`;
    assert.equal((await sendJson(s, 'POST', path, {})).status, 400, `${command} with a body`);
    assert.equal((await call(s, 'POST', path)).status, 204, `${command} without a body`);
  }
  const groups = (await get(s, '/api/v2/systemgroups?limit=5')).body as Record<string, unknown>[];
  for (const g of groups) {
    assert.deepEqual(g['attributes'], {});
    assert.equal(typeof g['memberQuery'], 'object');
    assert.notEqual(g['memberQuery'], null);
  }
});
