// Contract tier, JumpCloud: every TenantApi operation through Prism built from JumpCloud's definitions (v1 Swagger
// for /api, the complete v2 OpenAPI for /api/v2) in front of the simulator. Zero request violations (client) and
// zero response violations (simulator) outside exceptions.ts; every row of operations.ts exercised.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exerciseApi } from './apiSurface';
import { exerciseFleet } from './fleetSurface';
import { contractTenant, specsMissing } from './contractTenant';
import { assertClean, problemsIn, unexercised } from './judge';

test('contract: JumpCloud client and simulator satisfy the published definitions', { skip: specsMissing() }, async (t) => {
  const { sim, proxy, api } = await contractTenant(t, 'jumpcloud');
  // A failing call shows the contract problems seen so far (often the reason the tenant refused it).
  await exerciseApi(api, sim).then(() => exerciseFleet(api, sim)).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\ncontract problems so far:\n${problemsIn('jumpcloud', proxy.exchanges).join('\n')}`);
  });
  // A system whose record names no MDM device: the client looks it up by serial (and finds none here).
  const unenrolled = sim.state.devices.find((d) => d.platform === 'Mac')!;
  delete unenrolled.mdmDeviceId;
  const r = await api.runDeviceAction(unenrolled.id, 'restart');
  assert.ok(!r.ok && /not enrolled/.test(r.error.message));
  assertClean('jumpcloud', proxy.exchanges, 'JumpCloud TenantApi');
  assert.deepEqual(unexercised('jumpcloud', proxy.exchanges).map((op) => `${op.method} ${op.path}`), [], 'rows of operations.ts no call exercised');
});
