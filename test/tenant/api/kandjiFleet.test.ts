// KandjiApi fleet operations against the Kandji simulator over real HTTP on 127.0.0.1 (demo data).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRISM_CATEGORIES, type PrismCategory, type ReportQuery, SECRET_KINDS, type TenantApi } from '../../../tenant/src/api/index';
import { errorOf, tenant, unwrap } from './tenantFixture';

const demo = { data: 'demo' as const, demo: { devices: 300 } };

test('kandji fleet: every capability is offered, with all four secret kinds', async (t) => {
  const { api } = await tenant(t, 'kandji', demo);
  const caps = api.capabilities();
  assert.equal(caps.vendorName, 'Kandji');
  assert.ok(caps.offered.has('prism') && caps.offered.has('secrets') && caps.offered.has('ade'));
  assert.deepEqual([...caps.secrets], [...SECRET_KINDS]);
});

test('kandji fleet: device details, apps, library items, activity, commands', async (t) => {
  const { api } = await tenant(t, 'kandji', demo);
  const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 5 })).items[0]!;
  const details = unwrap(await api.deviceFullDetails(mac.id));
  assert.equal(details.name, mac.name);
  assert.deepEqual(details.sections.map((s) => s.id), ['general', 'hardware', 'mdm', 'filevault', 'activation-lock', 'network', 'lost-mode', 'users']);
  assert.ok(details.sections[0]!.fields.some((f) => f.label === 'Name' && f.value === mac.name));
  const apps = unwrap(await api.deviceApps(mac.id));
  assert.ok(apps.length >= 5 && apps.every((a) => a.name && a.bundleId));
  const items = unwrap(await api.deviceLibraryItems(mac.id));
  assert.ok(items.every((i) => ['success', 'pending', 'failed', 'excluded', 'unknown'].includes(i.status)));
  const activity = unwrap(await api.deviceActivity(mac.id));
  assert.ok(activity.items.some((a) => a.action === 'enrollment'));
  unwrap(await api.runDeviceAction(mac.id, 'blankpush'));
  const commands = unwrap(await api.deviceCommands(mac.id));
  assert.ok(commands.items.some((c) => c.type === 'BlankPush'));
  assert.equal(errorOf(await api.deviceApps('00000000-0000-4000-8000-000000000000')).kind, 'not-found');
});

test('kandji fleet: lost mode read and cancel; delete device', async (t) => {
  const { api, sim } = await tenant(t, 'kandji', demo);
  const phone = unwrap(await api.listDevices({ platform: 'iPhone', pageSize: 5 })).items[0]!;
  assert.equal(unwrap(await api.lostMode(phone.id)).enabled, false);
  assert.equal(errorOf(await api.cancelLostMode(phone.id)).kind, 'invalid');
  sim.state.deviceById.get(phone.id)!.lostMode = true;
  assert.equal(unwrap(await api.lostMode(phone.id)).enabled, true);
  unwrap(await api.cancelLostMode(phone.id));
  assert.equal(unwrap(await api.lostMode(phone.id)).enabled, false);
  unwrap(await api.deleteDevice(phone.id));
  assert.equal(errorOf(await api.getDevice(phone.id)).kind, 'not-found');
  assert.equal(sim.log.filter((e) => e.method === 'DELETE' && e.path.endsWith(phone.id)).length, 1);
});

test('kandji fleet: secrets are read, stable, and never reach the client log', async (t) => {
  const { api, lines, sim } = await tenant(t, 'kandji', demo);
  const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 20 })).items.find((d) => d.platform === 'Mac')!;
  const values: string[] = [];
  for (const kind of ['unlock-pin', 'bypass-code', 'recovery-password'] as const) {
    const v = unwrap(await api.deviceSecret(mac.id, kind)).value;
    assert.ok(v.length >= 6, kind);
    assert.equal(unwrap(await api.deviceSecret(mac.id, kind)).value, v);
    values.push(v);
  }
  assert.match(values[0]!, /^\d{6}$/);
  assert.ok(lines.filter((l) => l.includes('secret read')).length >= 6);
  assert.ok(sim.log.filter((e) => e.note === 'secret read').length >= 6);
  for (const v of values) assert.ok(!lines.some((l) => l.includes(v)), 'a secret value reached the request log');
});

test('kandji fleet: Prism pages every category, filters by blueprint and device, counts, exports', async (t) => {
  const { api, sim } = await tenant(t, 'kandji', demo);
  for (const category of PRISM_CATEGORIES) {
    const page = unwrap(await api.reportPage(category, { pageSize: 10 }));
    const count = unwrap(await api.reportCount(category));
    assert.equal(page.total, count, category);
    assert.ok(page.items.length <= 10);
  }
  const first = unwrap(await api.reportPage('device_information', { pageSize: 50 }));
  assert.equal(first.next, '50');
  const second = unwrap(await api.reportPage('device_information', { pageSize: 50 }, first.next));
  assert.notEqual(second.items[0]!['device_id'], first.items[0]!['device_id']);
  const row = first.items[0]!;
  const names = (rows: { [k: string]: unknown }[]) => rows.map((r) => String(r['device__name']));
  const ascending = names(unwrap(await api.reportPage('device_information', { pageSize: 20, sortBy: 'device__name' })).items);
  assert.deepEqual(ascending, [...ascending].sort((x, y) => x.localeCompare(y)), 'sort_by orders the rows');
  const descending = names(unwrap(await api.reportPage('device_information', { pageSize: 20, sortBy: '-device__name' })).items);
  assert.deepEqual(descending, [...descending].sort((x, y) => y.localeCompare(x)), 'a leading - sorts descending');
  assert.notDeepEqual(ascending, descending);
  const byBlueprint = unwrap(await api.reportPage('device_information', { blueprintId: String(row['blueprint_id']) }));
  assert.ok(byBlueprint.items.every((r) => r['blueprint_id'] === row['blueprint_id']));
  const byDevice = unwrap(await api.reportPage('apps', { deviceId: String(row['device_id']) }));
  assert.ok(byDevice.items.length > 0 && byDevice.items.every((r) => r['device_id'] === row['device_id']));

  let state = unwrap(await api.requestReportExport('filevault'));
  for (let i = 0; state.state === 'pending' && i < 5; i++) state = unwrap(await api.reportExportState(state.exportId));
  assert.equal(state.state, 'ready');
  const csv = new TextDecoder().decode(unwrap(await api.downloadReportExport(state.state === 'ready' ? state.downloadUrl : '')));
  assert.equal(csv.trim().split('\n').length - 1, unwrap(await api.reportCount('filevault')));
  const download = sim.log.find((e) => e.path.startsWith('/__export-bucket/'));
  assert.equal(download?.headers['authorization'], undefined, 'the Kandji token went to the download host');
});

/** request → poll → download, parsed into header + rows (the simulator's cells here hold no commas or quotes). */
async function exportRows(api: TenantApi, category: PrismCategory, query?: ReportQuery): Promise<{ columns: string[]; rows: Record<string, string>[] }> {
  let state = unwrap(await api.requestReportExport(category, query));
  for (let i = 0; state.state === 'pending' && i < 5; i++) state = unwrap(await api.reportExportState(state.exportId));
  assert.equal(state.state, 'ready');
  const csv = new TextDecoder().decode(unwrap(await api.downloadReportExport(state.state === 'ready' ? state.downloadUrl : '')));
  const [head, ...lines] = csv.trim().split('\n');
  const columns = head!.split(',');
  return { columns, rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v]))) };
}

test('kandji fleet: a Prism export holds only the rows of its blueprint, device and sort', async (t) => {
  const { api } = await tenant(t, 'kandji', demo);
  const row = unwrap(await api.reportPage('device_information', { pageSize: 1 })).items[0]!;
  const blueprintId = String(row['blueprint_id']);
  const deviceId = String(row['device_id']);

  const byBlueprint = await exportRows(api, 'device_information', { blueprintId, sortBy: '-device__name' });
  assert.equal(byBlueprint.rows.length, unwrap(await api.reportCount('device_information', { blueprintId })));
  assert.ok(byBlueprint.rows.length < unwrap(await api.reportCount('device_information')), 'the blueprint is part of the fleet');
  assert.ok(byBlueprint.rows.every((r) => r['blueprint_id'] === blueprintId));
  const names = byBlueprint.rows.map((r) => r['device__name']!);
  assert.deepEqual(names, [...names].sort((x, y) => y.localeCompare(x)), 'sort_by orders the file');

  const byDevice = await exportRows(api, 'apps', { deviceId });
  assert.equal(byDevice.rows.length, unwrap(await api.reportCount('apps', { deviceId })));
  assert.ok(byDevice.rows.length > 0 && byDevice.rows.every((r) => r['device_id'] === deviceId));
  const whole = await exportRows(api, 'apps');
  assert.equal(whole.rows.length, unwrap(await api.reportCount('apps')));
  assert.ok(whole.rows.length > byDevice.rows.length);
});

test('kandji fleet: ADE, tags, users, threats, vulnerabilities, licensing', async (t) => {
  const { api } = await tenant(t, 'kandji', demo);
  const [integration] = unwrap(await api.adeIntegrations());
  assert.ok(integration && integration.deviceCount! > 0);
  const adeDevices = unwrap(await api.adeDevices(integration.id));
  assert.equal(adeDevices.total, integration.deviceCount);
  const one = unwrap(await api.adeDevice(adeDevices.items[0]!.id));
  assert.equal(one.serial, adeDevices.items[0]!.serial);
  assert.match(unwrap(await api.adePublicKey()), /BEGIN CERTIFICATE/);
  const renewed = unwrap(await api.renewAdeIntegration(integration.id, { file: new TextEncoder().encode('token'), fileName: 'token.p7m', blueprintId: 'x', email: 'it@acme.example', phone: '1' }));
  assert.equal(renewed.id, integration.id);

  const tag = unwrap(await api.createTag('Studio Loaners'));
  assert.equal(unwrap(await api.renameTag(tag.id, 'Loaners')).name, 'Loaners');
  assert.ok(unwrap(await api.listTags()).some((x) => x.id === tag.id && x.name === 'Loaners'));
  unwrap(await api.deleteTag(tag.id));
  assert.ok(!unwrap(await api.listTags()).some((x) => x.id === tag.id));

  const users = unwrap(await api.listUsers());
  assert.ok(users.items.length > 0);
  const user = unwrap(await api.getUser(users.items[0]!.id));
  assert.equal(user.email, users.items[0]!.email);
  assert.match(errorOf(await api.deleteUser(user.id)).message, /still assigned/);

  assert.ok(unwrap(await api.threats()).items.every((r) => typeof r['threat_name'] === 'string'));
  assert.ok(Array.isArray(unwrap(await api.behavioralDetections()).items));
  const vulns = unwrap(await api.vulnerabilities());
  const cve = String(vulns.items[0]!['cve_id']);
  assert.match(String(unwrap(await api.vulnerability(cve))['description']), /\w/);
  assert.equal(unwrap(await api.vulnerabilityDevices(cve)).total, vulns.items[0]!['device_count']);
  assert.ok(unwrap(await api.vulnerabilityApps(cve)).items.length === 1);
  assert.ok(unwrap(await api.vulnerabilityDetections()).items.length > 0);
  const license = unwrap(await api.licensing());
  assert.ok(license.counts.some((c) => c.label === 'Computers' && c.used > 0));
});

test('kandji fleet: blueprint create (form-urlencoded), rename, templates, OTA profile, delete', async (t) => {
  const { api, sim } = await tenant(t, 'kandji', demo);
  const bp = unwrap(await api.createBlueprint({ name: 'Studio Lab' }));
  assert.equal(bp.name, 'Studio Lab');
  assert.match(sim.log.find((e) => e.method === 'POST' && e.path === '/api/v1/blueprints')?.contentType ?? '', /application\/x-www-form-urlencoded/);
  assert.equal(unwrap(await api.renameBlueprint(bp.id, 'Studio Lab 2')).name, 'Studio Lab 2');
  assert.ok(unwrap(await api.blueprintTemplates()).length >= 3);
  const profile = unwrap(await api.enrollmentProfile(bp.id));
  assert.match(new TextDecoder().decode(profile.bytes), /Profile Service/);
  assert.match(profile.fileName, /\.mobileconfig$/);
  unwrap(await api.deleteBlueprint(bp.id));
  assert.ok(!unwrap(await api.listBlueprints()).some((b) => b.id === bp.id));
});
