// Contract tier, JumpCloud through the CLI: push, update, pull and sync give back the same normalised profile,
// and a pull that cannot find the profile bytes exits 1 and writes nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { normaliseProfile } from '../../../tenant/src/api/index';
import { PAYLOAD_FIELD_ID } from '../../../tenant/src/simulator/index';
import { profileXml } from '../../cli/tenantCli';
import { cliTenant, mobileconfigIn } from './cliTenant';
import { specsMissing } from './contractTenant';
import { assertClean } from './judge';

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
