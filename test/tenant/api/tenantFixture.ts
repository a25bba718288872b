// One simulator + one TenantApi per test, with the client's log lines captured (for the no-token assertions).
import type { TestContext } from 'node:test';
import { createTenantApi, type TenantOptions } from '../../../tenant/src/api/index';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../tenant/src/simulator/index';

export interface Tenant {
  sim: Simulator;
  api: TenantApi;
  /** Every line the client logged. */
  lines: string[];
}

export async function tenant(
  t: TestContext, vendor: 'kandji' | 'jumpcloud', sim: Partial<SimulatorOptions> = {}, api: Partial<TenantOptions> = {},
): Promise<Tenant> {
  const s = await startSimulator({ vendor, data: 'empty', settleMs: 50, ...sim });
  t.after(() => s.stop());
  const lines: string[] = [];
  const client = createTenantApi({
    kind: vendor, baseUrl: s.url, token: s.token, timeoutMs: 2000, maxRetryDelayMs: 3000, log: (l) => lines.push(l), ...api,
  });
  return { sim: s, api: client, lines };
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

export function errorOf<T>(r: { ok: true; value: T } | { ok: false; error: import('../../../tenant/src/api/errors').ApiError }) {
  if (r.ok) throw new Error('expected an error, got ok');
  return r.error;
}

/** The token never appears in anything the client produced. */
export function assertNoToken(token: string, texts: readonly string[]): void {
  for (const text of texts) if (text.includes(token)) throw new Error(`token leaked into: ${text.slice(0, 200)}`);
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
