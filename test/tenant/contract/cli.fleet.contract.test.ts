// Contract tier, CLI fleet commands of the built binary through the validating proxy (Kandji every command,
// JumpCloud those it offers). The Prism export download goes to the presigned URL, not through the proxy.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliTenant } from './cliTenant';
import { specsMissing } from './contractTenant';
import { assertClean } from './judge';

test('contract: every CLI fleet command (kandji) through the validating proxy', { skip: specsMissing() }, async (t) => {
  const { sim, proxy, dir, cli, ok } = await cliTenant(t, 'kandji');
  const devices = JSON.parse(await ok('devices', 'list', '--json')) as { id: string; platform: string }[];
  const mac = devices.find((d) => d.platform === 'Mac')!;
  const phone = devices.find((d) => d.platform === 'iPhone' || d.platform === 'iPad')!;
  for (const kind of ['filevault', 'unlock-pin', 'bypass-code', 'recovery-password']) await ok('devices', 'secrets', mac.id, kind);
  for (const sub of ['apps', 'activity', 'commands', 'library-items']) await ok('devices', sub, mac.id, '--json');
  sim.state.deviceById.get(phone.id)!.lostMode = true;
  await ok('devices', 'lost-mode', phone.id);
  await ok('devices', 'lost-mode', phone.id, '--cancel', '--yes');
  await ok('prism', 'device_information', '--csv');
  await ok('prism', 'apps', '--device', mac.id, '--json');
  await ok('prism', 'count', 'filevault');
  await ok('prism', 'export', 'filevault', '--out', 'fv.csv');
  assert.ok(readFileSync(join(dir, 'fv.csv'), 'utf8').startsWith('asset_tag,'));
  const [integration] = JSON.parse(await ok('ade', 'integrations', '--json')) as { id: string }[];
  const ade = JSON.parse(await ok('ade', 'devices', '--json')) as { id: string }[];
  await ok('ade', 'device', ade[0]!.id);
  writeFileSync(join(dir, 'token.p7m'), 'Content-Type: application/pkcs7-mime; name=smime.p7m\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n');
  const defaultBlueprint = [...sim.state.blueprints.keys()][0]!;
  await ok('ade', 'renew', integration!.id, '--token', 'token.p7m', '--blueprint', defaultBlueprint, '--email', 'mdm@acme.example', '--phone', '+1 555 0199');
  const tag = JSON.parse(await ok('tags', 'create', 'Contract CLI', '--json')) as { id: string };
  await ok('tags', 'rename', tag.id, 'Contract CLI 2');
  await ok('tags', 'list');
  await ok('tags', 'delete', tag.id, '--yes');
  const users = JSON.parse(await ok('users', 'list', '--json')) as { id: string; deviceCount?: number }[];
  await ok('users', 'show', users[0]!.id);
  // Kandji's documented refusal (400) for a user with devices, then a delete once the user has none.
  const assigned = users.find((u) => (u.deviceCount ?? 0) > 0)!;
  const refused = await cli('users', 'delete', assigned.id, '--yes');
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /User still assigned to one or more devices \(HTTP 400\)\. Kandji deletes only users who have no devices/);
  for (const d of sim.state.devices) if (d.user?.id === assigned.id) d.user = null;
  await ok('users', 'delete', assigned.id, '--yes');
  await ok('threats', 'list');
  await ok('threats', 'behavioral');
  const cve = (JSON.parse(await ok('vulns', 'list', '--json')) as { cve_id: string }[])[0]!.cve_id;
  for (const sub of ['show', 'devices', 'apps']) await ok('vulns', sub, cve);
  await ok('vulns', 'detections');
  await ok('licensing');
  const bp = JSON.parse(await ok('blueprints', 'create', 'Contract CLI BP', '--json')) as { id: string };
  await ok('blueprints', 'rename', bp.id, 'Contract CLI BP 2');
  await ok('blueprints', 'templates');
  await ok('blueprints', 'enrollment-profile', bp.id, '--out', 'enroll.mobileconfig');
  await ok('blueprints', 'delete', bp.id, '--yes');
  await ok('devices', 'delete', phone.id, '--yes');
  assertClean('kandji', proxy.exchanges, 'kandji CLI fleet');
});

test('contract: the CLI fleet commands JumpCloud offers, through the validating proxy', { skip: specsMissing() }, async (t) => {
  const { proxy, ok } = await cliTenant(t, 'jumpcloud');
  const devices = JSON.parse(await ok('devices', 'list', '--json')) as { id: string; platform: string }[];
  const mac = devices.find((d) => d.platform === 'Mac')!;
  await ok('devices', 'apps', mac.id);
  const users = JSON.parse(await ok('users', 'list', '--json')) as { id: string }[];
  await ok('users', 'show', users[0]!.id);
  await ok('users', 'delete', users[0]!.id, '--yes');
  const g = JSON.parse(await ok('blueprints', 'create', 'Contract CLI Group', '--json')) as { id: string };
  await ok('blueprints', 'rename', g.id, 'Contract CLI Group 2');
  await ok('blueprints', 'delete', g.id, '--yes');
  await ok('devices', 'delete', mac.id, '--yes');
  assertClean('jumpcloud', proxy.exchanges, 'jumpcloud CLI fleet');
});
