// The demo tenant: sizes, realism of the profiles, determinism, and 10,000 devices paged over HTTP.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { DEMO_SIZES, generateDemo } from '../../../tenant/src/simulator/index';
import { get, sim } from './simHttp';

const BASE = Date.UTC(2026, 10, 1);

test('demo tenant: 12 blueprints with maps and nodes, 40 custom profiles, 10,000 devices on five platforms', () => {
  for (const vendor of ['kandji', 'jumpcloud'] as const) {
    const data = generateDemo(vendor, { baseTime: BASE });
    const profiles = data.items.filter((i) => i.kind === 'profile');
    assert.equal(data.blueprints.length, DEMO_SIZES.blueprints);
    assert.equal(profiles.length, DEMO_SIZES.profiles);
    assert.equal(data.devices.length, DEMO_SIZES.devices);
    assert.equal(new Set(profiles.map((p) => p.name)).size, profiles.length, 'profile names are unique');
    const platforms = new Map<string, number>();
    for (const d of data.devices) platforms.set(d.platform, (platforms.get(d.platform) ?? 0) + 1);
    assert.deepEqual([...platforms.keys()].sort(), ['AppleTV', 'Mac', 'Vision', 'iPad', 'iPhone']);
    assert.ok(platforms.get('Mac')! > platforms.get('iPhone')!);
    assert.equal(new Set(data.devices.map((d) => d.serial)).size, data.devices.length, 'serials are unique');
    assert.ok(data.devices.every((d) => d.lastCheckIn <= BASE && d.groupIds.length >= 1));
    const profileIds = new Set(profiles.map((p) => p.id));
    const statuses = new Set(data.statuses.filter((r) => profileIds.has(r.itemId)).map((r) => r.status));
    assert.deepEqual([...statuses].sort(), ['failed', 'pending', 'success']);
    const otherStatuses = new Set(data.statuses.filter((r) => !profileIds.has(r.itemId)).map((r) => r.status));
    if (vendor === 'kandji') assert.deepEqual([...otherStatuses].sort(), ['ERROR', 'EXCLUDED', 'INCOMPATIBLE', 'PASS', 'PENDING'], 'other library items use the upper-case audit states');
    else assert.equal(otherStatuses.size, 0);
    if (vendor === 'kandji') {
      const maps = data.blueprints.filter((b) => b.type === 'map');
      assert.ok(maps.length >= 3);
      assert.ok(maps.some((m) => m.nodes.length > 1), 'some maps have conditional nodes');
      assert.ok(maps.every((m) => m.items.every((a) => m.nodes.some((n) => n.id === a.nodeId))));
      assert.ok(profiles.some((p) => !p.active), 'a few profiles are inactive');
    } else {
      assert.ok(data.blueprints.every((b) => b.type === 'group'));
      assert.ok(data.devices.every((d) => /^[0-9a-f]{24}$/.test(d.id) && d.mdmDeviceId && d.mdmDeviceId !== d.id));
    }
  }
});

test('demo profiles are well-formed plists with real payload types; Kandji copies carry the rewritten identifier', async () => {
  // plist@5 ships ESM only, so it is loaded with import() (the test files run as CommonJS through tsx).
  const { parse } = await import('plist');
  const data = generateDemo('kandji', { baseTime: BASE, devices: 10 });
  const types = new Set<string>();
  for (const item of data.items.filter((i) => i.kind === 'profile')) {
    assert.equal(XMLValidator.validate(item.profile!), true, item.name);
    const root = parse(item.profile!) as Record<string, unknown>;
    assert.equal(root['PayloadType'], 'Configuration');
    assert.equal(root['PayloadIdentifier'], `com.kandji.profile.custom.${item.id}`);
    assert.equal(root['PayloadDisplayName'], item.name);
    for (const p of root['PayloadContent'] as Record<string, unknown>[]) {
      types.add(String(p['PayloadType']));
      assert.match(String(p['PayloadUUID']), /^[0-9A-F-]{36}$/);
    }
  }
  for (const expected of ['com.apple.wifi.managed', 'com.apple.applicationaccess', 'com.apple.TCC.configuration-profile-policy', 'com.apple.mobiledevice.passwordpolicy', 'com.apple.MCX.FileVault2', 'com.apple.notificationsettings', 'com.apple.servicemanagement']) {
    assert.ok(types.has(expected), expected);
  }
});

test('demo data is deterministic for a seed and base time, and differs for another seed', () => {
  const a = JSON.stringify(generateDemo('kandji', { baseTime: BASE, devices: 500 }));
  const b = JSON.stringify(generateDemo('kandji', { baseTime: BASE, devices: 500 }));
  assert.equal(a, b);
  assert.notEqual(JSON.stringify(generateDemo('kandji', { baseTime: BASE, devices: 500, seed: 7 })), a);
  const j1 = JSON.stringify(generateDemo('jumpcloud', { baseTime: BASE, devices: 500 }));
  assert.equal(JSON.stringify(generateDemo('jumpcloud', { baseTime: BASE, devices: 500 })), j1);
});

test('10,000 demo devices page to the end over HTTP in both vendors, each device once', async (t) => {
  const k = await sim(t, { vendor: 'kandji', demo: { baseTime: BASE } });
  const seen = new Set<string>();
  for (let offset = 0; ; offset += 300) {
    const page = (await get(k, `/api/v1/devices?limit=300&offset=${offset}`)).body as { device_id: string }[];
    if (page.length === 0) break;
    for (const d of page) seen.add(d.device_id);
  }
  assert.equal(seen.size, 10_000);

  const j = await sim(t, { vendor: 'jumpcloud', demo: { baseTime: BASE } });
  const ids = new Set<string>();
  let total: number | undefined;
  for (let skip = 0; ; skip += 100) {
    const page = (await get(j, `/api/systems?limit=100&skip=${skip}&sort=_id`)).body as { totalCount: number; results: { _id: string }[] };
    total = page.totalCount;
    for (const s of page.results) ids.add(s._id);
    if (page.results.length < 100) break;
  }
  assert.equal(total, 10_000);
  assert.equal(ids.size, 10_000);
});

test('a tenant saved as JSON starts again from the file', async (t) => {
  const first = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 25, profiles: 3, baseTime: BASE } });
  const dir = await mkdtemp(join(tmpdir(), 'sim-data-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'tenant.json');
  await writeFile(file, JSON.stringify(first.state.toData()));
  const again = await sim(t, { vendor: 'kandji', data: file });
  assert.deepEqual(again.state.counts(), first.state.counts());
  const listed = (await get(again, '/api/v1/library/custom-profiles')).body as { count: number };
  assert.equal(listed.count, 3);
  await assert.rejects(() => sim(t, { vendor: 'jumpcloud', data: file }), /for kandji/);
});
