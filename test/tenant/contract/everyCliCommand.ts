// The contract tier's CLI walk: every tenant command of the built binary, for one vendor, through the
// validating proxy. One file per vendor calls it, so node's runner can run the two vendors side by side.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { profileXml } from '../../cli/tenantCli';
import { cliTenant } from './cliTenant';
import { assertClean } from './judge';
import type { ContractVendor } from './prism';

/** `bodylessAction` is a device action the vendor's definition declares without a request body. */
export async function everyCliCommand(t: TestContext, vendor: ContractVendor, bodylessAction: string): Promise<void> {
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
  await ok('devices', 'action', mac.id, bodylessAction);
  await ok('devices', 'action', mac.id, 'shutdown', '--yes');
  await ok('sync', 'pull', 'repo');
  await ok('sync', 'status', 'repo');
  await ok('sync', 'push', 'repo', '--dry-run');
  await ok('profiles', 'delete', created.id, '--yes');
  assertClean(vendor, proxy.exchanges, `${vendor} CLI`);
}
