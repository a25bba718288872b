// Contract tier, CLI: every tenant command of the built binary, for both vendors, through the validating proxy.
// Also the JumpCloud round trip (push, update, pull, sync give back the same normalised profile) and the pull
// that cannot find the profile bytes (exit 1, nothing written).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { normaliseProfile } from '../../../tenant/src/api/index';
import { PAYLOAD_FIELD_ID, startSimulator, type Simulator } from '../../../tenant/src/simulator/index';
import { cliEnv, profileXml, runCli, type CliRun } from '../../cli/tenantCli';
import { specsMissing } from './contractTenant';
import { assertClean } from './judge';
import { startContract, type ContractProxy, type ContractVendor } from './prism';

interface CliTenant {
  sim: Simulator;
  proxy: ContractProxy;
  dir: string;
  cli: (...args: string[]) => Promise<CliRun>;
  ok: (...args: string[]) => Promise<string>;
}

async function cliTenant(t: TestContext, vendor: ContractVendor): Promise<CliTenant> {
  const sim = await startSimulator({ vendor, port: 0, data: 'demo', demo: { devices: 30, profiles: 3 }, settleMs: 0 });
  t.after(() => sim.stop());
  const proxy = await startContract(vendor, sim.url);
  t.after(() => proxy.close());
  const dir = mkdtempSync(join(tmpdir(), 'ps-contract-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env = cliEnv({ ...sim.env, [vendor === 'kandji' ? 'KANDJI_API_URL' : 'JUMPCLOUD_API_URL']: proxy.url });
  const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
  const ok = async (...args: string[]) => {
    const run = await cli(...args);
    assert.equal(run.code, 0, `profile-studio ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  return { sim, proxy, dir, cli, ok };
}

const mobileconfigIn = (folder: string): string => join(folder, readdirSync(folder).find((f) => f.endsWith('.mobileconfig'))!);

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  test(`contract: every CLI tenant command (${vendor}) through the validating proxy`, { skip: specsMissing() }, async (t) => {
    const { sim, proxy, dir, ok } = await cliTenant(t, vendor);
    writeFileSync(join(dir, 'contract.mobileconfig'), profileXml('Contract CLI', 'com.example.contract.cli'));
    const created = JSON.parse(await ok('profiles', 'push', 'contract.mobileconfig', '--json')) as { id: string };
    await ok('profiles', 'list');
    await ok('profiles', 'list', '--json');
    const file = (await ok('profiles', 'pull', created.id, '--out', 'pulled')).trim();
    writeFileSync(file, readFileSync(file, 'utf8').replace('<key>PayloadContent</key>', '<key>PayloadDescription</key>\n\t<string>edited</string>\n\t<key>PayloadContent</key>'));
    await ok('profiles', 'push', file);
    const blueprints = JSON.parse(await ok('blueprints', 'list', '--json')) as { id: string; kind: string }[];
    const blueprint = blueprints.find((b) => b.kind !== 'map')!;
    await ok('blueprints', 'assign', blueprint.id, created.id);
    await ok('blueprints', 'items', blueprint.id);
    await ok('blueprints', 'remove', blueprint.id, created.id);
    const devices = JSON.parse(await ok('devices', 'list', '--json')) as { id: string; name: string; platform: string }[];
    const mac = devices.find((d) => d.platform === 'Mac')!;
    await ok('devices', 'list', '--platform', 'iPhone');
    await ok('devices', 'list', '--blueprint', [...sim.state.blueprints.values()].find((b) => sim.state.membersOf(b.id).size > 0)!.id);
    const found = JSON.parse(await ok('devices', 'list', '--search', mac.name.slice(0, 6), '--json')) as { id: string }[];
    assert.ok(found.some((d) => d.id === mac.id), 'devices list --search finds the device by its name');
    await ok('devices', 'list', '--search', mac.name.slice(0, 6), '--platform', 'Mac');
    await ok('devices', 'show', mac.id);
    await ok('devices', 'action', mac.id, vendor === 'kandji' ? 'blankpush' : 'refreshActivationLockInformation');
    await ok('devices', 'action', mac.id, 'shutdown', '--yes');
    await ok('sync', 'pull', 'repo');
    await ok('sync', 'status', 'repo');
    await ok('sync', 'push', 'repo', '--dry-run');
    await ok('profiles', 'delete', created.id, '--yes');
    assertClean(vendor, proxy.exchanges, `${vendor} CLI`);
  });
}

test('contract: JumpCloud push, update, pull and sync give back the same normalised profile', { skip: specsMissing() }, async (t) => {
  const { proxy, dir, ok } = await cliTenant(t, 'jumpcloud');
  const original = profileXml('Round Trip', 'com.example.roundtrip');
  writeFileSync(join(dir, 'round.mobileconfig'), original);
  const { id } = JSON.parse(await ok('profiles', 'push', 'round.mobileconfig', '--json')) as { id: string };
  const pulled = (await ok('profiles', 'pull', id, '--out', 'one')).trim();
  assert.equal(normaliseProfile(readFileSync(pulled, 'utf8')), normaliseProfile(original), 'push then pull');

  const edited = original.replace('<key>PayloadContent</key>', '<key>PayloadDescription</key>\n\t<string>round trip</string>\n\t<key>PayloadContent</key>');
  writeFileSync(pulled, edited);
  await ok('profiles', 'push', pulled);
  const again = (await ok('profiles', 'pull', id, '--out', 'two')).trim();
  assert.equal(normaliseProfile(readFileSync(again, 'utf8')), normaliseProfile(edited), 'update then pull');

  await ok('sync', 'pull', 'repo');
  const folder = join(dir, 'repo', 'profiles', readdirSync(join(dir, 'repo', 'profiles')).find((f) => readFileSync(join(dir, 'repo', 'profiles', f, 'info.yaml'), 'utf8').includes(id))!);
  assert.equal(normaliseProfile(readFileSync(mobileconfigIn(folder), 'utf8')), normaliseProfile(edited), 'sync pull');
  const synced = edited.replace('round trip', 'round trip, synced');
  writeFileSync(mobileconfigIn(folder), synced);
  await ok('sync', 'push', 'repo');
  const rows = JSON.parse(await ok('sync', 'status', 'repo', '--json')) as { state: string }[];
  assert.ok(rows.every((r) => r.state === 'no_changes'), `after sync push: ${JSON.stringify(rows)}`);
  const last = (await ok('profiles', 'pull', id, '--out', 'three')).trim();
  assert.equal(normaliseProfile(readFileSync(last, 'utf8')), normaliseProfile(synced), 'sync push then pull');
  assertClean('jumpcloud', proxy.exchanges, 'JumpCloud round trip');
});

test('contract: a JumpCloud pull that cannot find the payload exits 1 and writes nothing', { skip: specsMissing() }, async (t) => {
  const { sim, proxy, dir, cli } = await cliTenant(t, 'jumpcloud');
  const policy = [...sim.state.items.values()].find((i) => i.values?.some((v) => v.configFieldID === PAYLOAD_FIELD_ID))!;
  policy.values = policy.values!.filter((v) => v.configFieldID !== PAYLOAD_FIELD_ID);
  const pull = await cli('profiles', 'pull', policy.id, '--out', 'out');
  assert.equal(pull.code, 1, pull.stderr);
  assert.match(pull.stderr, /no profile content/);
  assert.match(pull.stderr, /payload/);
  assert.ok(!existsSync(join(dir, 'out')), 'nothing written');
  const sync = await cli('sync', 'pull', 'repo');
  assert.equal(sync.code, 1, sync.stderr);
  assert.match(sync.stderr, /no profile content/);
  assert.ok(!existsSync(join(dir, 'repo', 'profiles')), 'sync wrote nothing');
  assertClean('jumpcloud', proxy.exchanges, 'JumpCloud pull without payload');
});
