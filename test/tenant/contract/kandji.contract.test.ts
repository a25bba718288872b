// Contract tier, Kandji: every TenantApi operation through Prism built from kandji/openapi.prism.json (the OpenAPI
// generated from Kandji's Postman collection) in front of the simulator. Zero request violations (client) and
// zero response violations (simulator) outside exceptions.ts; every row of operations.ts exercised.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exerciseApi } from './apiSurface';
import { exerciseFleet } from './fleetSurface';
import { contractTenant, specsMissing } from './contractTenant';
import { SPEC_EXCEPTIONS, usedExceptions } from './exceptions';
import { assertClean, problemsIn, unexercised } from './judge';

test('contract: Kandji client and simulator satisfy the published definitions', { skip: specsMissing() }, async (t) => {
  const { sim, proxy, api } = await contractTenant(t, 'kandji');
  // A failing call shows the contract problems seen so far (often the reason the tenant refused it).
  await exerciseApi(api, sim).then(() => exerciseFleet(api, sim)).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\ncontract problems so far:\n${problemsIn('kandji', proxy.exchanges).join('\n')}`);
  });
  assertClean('kandji', proxy.exchanges, 'Kandji TenantApi');
  const stale = SPEC_EXCEPTIONS.filter((e) => e.vendor === 'kandji' && !usedExceptions.has(e)).map((e) => e.specBug);
  assert.deepEqual(stale, [], 'exceptions.ts entries nothing needed (remove them)');
  assert.deepEqual(unexercised('kandji', proxy.exchanges).map((op) => `${op.method} ${op.path}`), [], 'rows of operations.ts no call exercised');
});
