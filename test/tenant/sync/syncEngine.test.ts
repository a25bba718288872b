// The sync engine in process (same code the CLI bundles) against the simulator over HTTP: the cases that
// must never create duplicates or resurrect deleted profiles silently.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createTenantApi } from '../../../tenant/src/api';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import { startSimulator, type Simulator } from '../../../tenant/src/simulator';
import { syncPull, syncPush, syncStatus } from '../../../tenant/src/sync';
import { nodeSyncFs } from '../../../tenant/src/sync/nodeSyncFs';

let sim: Simulator;
let api: TenantApi;
let repo: string;

beforeEach(async () => {
  sim = await startSimulator({ vendor: 'kandji', port: 0, data: 'demo', demo: { devices: 10, profiles: 3 }, settleMs: 0 });
  api = createTenantApi({ kind: 'kandji', baseUrl: sim.url, token: sim.token });
  repo = mkdtempSync(join(tmpdir(), 'ps-engine-'));
});
afterEach(async () => {
  await sim.stop();
  rmSync(repo, { recursive: true, force: true });
});

const creates = () => sim.log.filter((e) => e.method === 'POST' && e.createdId !== undefined).length;

async function firstFolder(): Promise<{ id: string; dir: string }> {
  const status = await syncStatus(nodeSyncFs(repo), api);
  assert.ok(status.ok);
  const entry = status.value.entries[0]!;
  return { id: entry.id!, dir: entry.local!.dir };
}

test('a profile deleted in the tenant is not re-created by push unless --force', async () => {
  const fs = nodeSyncFs(repo);
  assert.ok((await syncPull(fs, api)).ok);
  const { id } = await firstFolder();
  assert.ok((await api.deleteProfile(id)).ok);
  const before = creates();
  const push = await syncPush(fs, api);
  assert.ok(push.ok);
  const outcome = push.value.outcomes.find((o) => o.entry.id === id)!;
  assert.equal(outcome.action, 'skip');
  assert.match(outcome.message, /deleted in the tenant/);
  assert.equal(creates(), before);
  const forced = await syncPush(fs, api, { force: true });
  assert.ok(forced.ok);
  assert.equal(creates(), before + 1);
  const after = await syncStatus(fs, api);
  assert.ok(after.ok && after.value.entries.every((e) => e.state === 'no_changes'));
});

test('two folders claiming one id: the copy is refused, nothing is created', async () => {
  const fs = nodeSyncFs(repo);
  assert.ok((await syncPull(fs, api)).ok);
  const { dir } = await firstFolder();
  cpSync(join(repo, 'profiles', dir), join(repo, 'profiles', `${dir} copy`), { recursive: true });
  const before = creates();
  const push = await syncPush(fs, api);
  assert.ok(push.ok);
  const refused = push.value.outcomes.find((o) => o.entry.local?.dir === `${dir} copy`)!;
  assert.equal(refused.ok, false);
  assert.match(refused.message, /also used by another folder/);
  assert.equal(creates(), before);
});

test('a create that fails after the tenant stored it does not leave a duplicate on the next push', async () => {
  const fs = nodeSyncFs(repo);
  const xml = readFileSync(join('samples', 'workspace', 'office-wifi.mobileconfig'), 'utf8');
  mkdirSync(join(repo, 'profiles', 'Office'), { recursive: true });
  writeFileSync(join(repo, 'profiles', 'Office', 'office.mobileconfig'), xml);
  sim.faults.add({ kind: 'store-then-fail', then: 500, method: 'POST', count: 1 });
  const first = await syncPush(fs, api);
  assert.ok(first.ok);
  await syncPush(fs, api);
  const listed = await api.listProfiles();
  assert.ok(listed.ok);
  const name = first.value.outcomes.find((o) => o.entry.local?.dir === 'Office')!.entry.name;
  assert.equal(listed.value.filter((p) => p.name === name).length, 1);
});
