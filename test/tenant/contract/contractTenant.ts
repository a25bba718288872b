// A simulator with a small demo tenant, the validating proxy in front of it, and a TenantApi pointed at the
// proxy. Shared by the contract tests; `judge.ts` decides what the recorded exchanges mean.
import type { TestContext } from 'node:test';
import { createTenantApi } from '../../../tenant/src/api/index';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import { startSimulator, type Simulator } from '../../../tenant/src/simulator/index';
import { sharedMissing } from '../../shared';
import { startContract, SPECS_PART, type ContractProxy, type ContractVendor } from './prism';

// Prism reads the environment on load; keep its optional usage report off on every run.
process.env.SCARF_ANALYTICS = 'false';

/** `skip` for every contract test: the definitions live in ../shared (a failure in CI, see test/shared.ts). */
export const specsMissing = (): string | false => sharedMissing(SPECS_PART);

export interface ContractTenant {
  sim: Simulator;
  proxy: ContractProxy;
  api: TenantApi;
}

export async function contractTenant(t: TestContext, vendor: ContractVendor): Promise<ContractTenant> {
  const sim = await startSimulator({ vendor, port: 0, data: 'demo', demo: { devices: 60, profiles: 4 }, settleMs: 0 });
  t.after(() => sim.stop());
  const proxy = await startContract(vendor, sim.url);
  t.after(() => proxy.close());
  const api = createTenantApi({ kind: vendor, baseUrl: proxy.url, token: sim.token, timeoutMs: 10_000, retryLimit: 0 });
  return { sim, proxy, api };
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}
