// The fleet commands on the BUILT binary against the simulator (Kandji fully, JumpCloud where offered).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { leaksToken, startTenant, type CliRun } from './tenantCli';

let kandji: { sim: Simulator; cli: (args: string[], cwd?: string) => Promise<CliRun> };
let jumpcloud: { sim: Simulator; cli: (args: string[], cwd?: string) => Promise<CliRun> };
before(async () => {
  kandji = await startTenant('kandji');
  jumpcloud = await startTenant('jumpcloud');
});
after(async () => {
  await kandji.sim.stop();
  await jumpcloud.sim.stop();
});

const ok = (r: CliRun): CliRun => {
  assert.equal(r.code, 0, r.stderr);
  return r;
};
const firstDevice = async (platform: string): Promise<{ id: string; name: string }> => {
  const list = JSON.parse(ok(await kandji.cli(['devices', 'list', '--platform', platform, '--json'])).stdout) as { id: string; name: string }[];
  return list[0]!;
};

test('devices list --json streams one valid array with every device', async () => {
  const r = ok(await kandji.cli(['devices', 'list', '--json']));
  const list = JSON.parse(r.stdout) as { id: string }[];
  assert.equal(list.length, kandji.sim.state.devices.length);
  assert.equal(new Set(list.map((d) => d.id)).size, list.length);
});

test('devices secrets: value on stdout only; stderr, the simulator log and errors never carry it', async () => {
  const mac = await firstDevice('Mac');
  const r = ok(await kandji.cli(['devices', 'secrets', mac.id, 'unlock-pin']));
  const pin = r.stdout.trim();
  assert.match(pin, /^\d{6}$/);
  assert.ok(!r.stderr.includes(pin));
  const j = JSON.parse(ok(await kandji.cli(['devices', 'secrets', mac.id, 'recovery-password', '--json'])).stdout) as { kind: string; value: string };
  assert.equal(j.kind, 'recovery-password');
  const logText = JSON.stringify(kandji.sim.log);
  assert.ok(!logText.includes(pin) && !logText.includes(j.value));
  assert.ok(kandji.sim.log.some((e) => e.note === 'secret read'));
  const bad = await kandji.cli(['devices', 'secrets', mac.id, 'password']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /filevault, unlock-pin, bypass-code, recovery-password/);
  assert.ok(!leaksToken(r, kandji.sim.token));
});

test('devices apps, library-items, activity, commands, lost-mode, delete', async () => {
  const mac = await firstDevice('Mac');
  assert.match(ok(await kandji.cli(['devices', 'apps', mac.id])).stdout, /BUNDLE ID/);
  assert.ok(Array.isArray(JSON.parse(ok(await kandji.cli(['devices', 'library-items', mac.id, '--json'])).stdout)));
  assert.ok((JSON.parse(ok(await kandji.cli(['devices', 'activity', mac.id, '--json'])).stdout) as { action: string }[]).some((a) => a.action === 'enrollment'));
  ok(await kandji.cli(['devices', 'commands', mac.id]));
  const phone = await firstDevice('iPhone');
  kandji.sim.state.deviceById.get(phone.id)!.lostMode = true;
  assert.equal((JSON.parse(ok(await kandji.cli(['devices', 'lost-mode', phone.id, '--json'])).stdout) as { enabled: boolean }).enabled, true);
  assert.equal((await kandji.cli(['devices', 'lost-mode', phone.id, '--cancel'])).code, 2);
  ok(await kandji.cli(['devices', 'lost-mode', phone.id, '--cancel', '--yes']));
  assert.equal(kandji.sim.state.deviceById.get(phone.id)!.lostMode, false);
  assert.equal((await kandji.cli(['devices', 'delete', phone.id])).code, 2);
  ok(await kandji.cli(['devices', 'delete', phone.id, '--yes']));
  assert.equal(kandji.sim.state.deviceById.has(phone.id), false);
});

test('prism: a category as JSON (vendor field names), CSV, filtered, count, export to a file', async () => {
  const rows = JSON.parse(ok(await kandji.cli(['prism', 'filevault', '--json'])).stdout) as Record<string, unknown>[];
  const count = JSON.parse(ok(await kandji.cli(['prism', 'count', 'filevault', '--json'])).stdout) as { count: number };
  assert.equal(rows.length, count.count);
  assert.ok('device__name' in rows[0]! && 'blueprint_id' in rows[0]!);
  const bp = String(rows[0]!['blueprint_id']);
  const csv = ok(await kandji.cli(['prism', 'filevault', '--csv', '--blueprint', bp])).stdout.trim().split('\n');
  assert.match(csv[0]!, /^asset_tag,blueprint_id/);
  assert.equal(csv.length - 1, rows.filter((r) => r['blueprint_id'] === bp).length);
  const dir = mkdtempSync(join(tmpdir(), 'ps-prism-'));
  const exp = ok(await kandji.cli(['prism', 'export', 'filevault', '--out', 'fv.csv'], dir));
  assert.match(exp.stdout, /Wrote fv\.csv/);
  assert.equal(readFileSync(join(dir, 'fv.csv'), 'utf8').trim().split('\n').length - 1, count.count);
  const unknown = await kandji.cli(['prism', 'firewall']);
  assert.equal(unknown.code, 2);
});

test('ade, tags, users, threats, vulns, licensing', async () => {
  const [integration] = JSON.parse(ok(await kandji.cli(['ade', 'integrations', '--json'])).stdout) as { id: string }[];
  assert.ok(integration);
  const devices = JSON.parse(ok(await kandji.cli(['ade', 'devices', '--json'])).stdout) as { id: string; serial: string }[];
  assert.equal((JSON.parse(ok(await kandji.cli(['ade', 'device', devices[0]!.id, '--json'])).stdout) as { serial: string }).serial, devices[0]!.serial);
  const tag = JSON.parse(ok(await kandji.cli(['tags', 'create', 'CLI Tag', '--json'])).stdout) as { id: string };
  ok(await kandji.cli(['tags', 'rename', tag.id, 'CLI Tag 2']));
  assert.match(ok(await kandji.cli(['tags', 'list'])).stdout, /CLI Tag 2/);
  assert.equal((await kandji.cli(['tags', 'delete', tag.id])).code, 2);
  ok(await kandji.cli(['tags', 'delete', tag.id, '--yes']));
  const users = JSON.parse(ok(await kandji.cli(['users', 'list', '--json'])).stdout) as { id: string }[];
  assert.match(ok(await kandji.cli(['users', 'show', users[0]!.id])).stdout, /email/);
  const threats = JSON.parse(ok(await kandji.cli(['threats', 'list', '--json'])).stdout) as Record<string, unknown>[];
  assert.ok(threats.length > 0 && 'threat_name' in threats[0]!);
  ok(await kandji.cli(['threats', 'behavioral']));
  const vulns = JSON.parse(ok(await kandji.cli(['vulns', 'list', '--json'])).stdout) as { cve_id: string }[];
  const cve = vulns[0]!.cve_id;
  assert.match(ok(await kandji.cli(['vulns', 'show', cve])).stdout, /description/);
  ok(await kandji.cli(['vulns', 'devices', cve]));
  ok(await kandji.cli(['vulns', 'apps', cve]));
  ok(await kandji.cli(['vulns', 'detections']));
  assert.ok('counts' in (JSON.parse(ok(await kandji.cli(['licensing', '--json'])).stdout) as object));
});

test('blueprints create, rename, templates, enrollment-profile, delete', async () => {
  const bp = JSON.parse(ok(await kandji.cli(['blueprints', 'create', 'CLI Lab', '--json'])).stdout) as { id: string };
  ok(await kandji.cli(['blueprints', 'rename', bp.id, 'CLI Lab 2']));
  assert.match(ok(await kandji.cli(['blueprints', 'templates'])).stdout, /Kandji Recommended/);
  const dir = mkdtempSync(join(tmpdir(), 'ps-ota-'));
  ok(await kandji.cli(['blueprints', 'enrollment-profile', bp.id, '--out', 'enroll.mobileconfig'], dir));
  assert.match(readFileSync(join(dir, 'enroll.mobileconfig'), 'utf8'), /Profile Service/);
  assert.equal((await kandji.cli(['blueprints', 'delete', bp.id])).code, 2);
  ok(await kandji.cli(['blueprints', 'delete', bp.id, '--yes']));
});

test('jumpcloud: offered commands work; the rest exit 2 "not offered by JumpCloud" without a request', async () => {
  const list = JSON.parse(ok(await jumpcloud.cli(['devices', 'list', '--platform', 'Mac', '--json'])).stdout) as { id: string }[];
  assert.match(ok(await jumpcloud.cli(['devices', 'apps', list[0]!.id])).stdout, /BUNDLE ID/);
  const users = JSON.parse(ok(await jumpcloud.cli(['users', 'list', '--json'])).stdout) as { id: string }[];
  ok(await jumpcloud.cli(['users', 'show', users[0]!.id]));
  const g = JSON.parse(ok(await jumpcloud.cli(['blueprints', 'create', 'CLI Group', '--json'])).stdout) as { id: string };
  ok(await jumpcloud.cli(['blueprints', 'rename', g.id, 'CLI Group 2']));
  ok(await jumpcloud.cli(['blueprints', 'delete', g.id, '--yes']));
  ok(await jumpcloud.cli(['devices', 'delete', list[0]!.id, '--yes']));
  const before = jumpcloud.sim.log.length;
  for (const args of [['devices', 'secrets', list[1]!.id, 'filevault'], ['prism', 'apps'], ['prism', 'count', 'apps'], ['ade', 'integrations'], ['tags', 'list'],
    ['threats', 'list'], ['vulns', 'list'], ['licensing'], ['blueprints', 'templates'], ['devices', 'lost-mode', list[1]!.id]]) {
    const r = await jumpcloud.cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /not offered by JumpCloud/, args.join(' '));
  }
  assert.equal(jumpcloud.sim.log.length, before);
});

test('devices list --json past Kandji\'s 50-per-second throttle ends with every device (the waiting request keeps the process alive)', async () => {
  const big = await startTenant('kandji', { demo: { devices: 15_600, profiles: 2 } });
  try {
    const r = ok(await big.cli(['devices', 'list', '--json']));
    assert.match(r.stdout, /\]\n$/);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 15_600);
    assert.ok(big.sim.log.filter((e) => e.path === '/api/v1/devices').length >= 52);
  } finally {
    await big.sim.stop();
  }
});
