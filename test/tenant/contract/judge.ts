// Judges what the validating proxy saw: every call must belong to a row of operations.ts, and every violation
// is a failure unless the exceptions file forgives it. Request violations are the client's fault, response
// violations the simulator's. The one warning let through: a non-2xx status the definition does not list.
import assert from 'node:assert/strict';
import { excused } from './exceptions';
import { operationOf, OPERATIONS, type Operation } from './operations';
import type { ContractVendor, Exchange } from './prism';

const UNLISTED_ERROR_STATUS = /^Unable to match the returned status code/;

export function problemsIn(vendor: ContractVendor, exchanges: readonly Exchange[]): string[] {
  const problems: string[] = [];
  for (const x of exchanges) {
    const call = `${x.method} ${x.url} → ${x.status}`;
    if (!operationOf(vendor, x.method, x.url)) problems.push(`${call}: no row in operations.ts`);
    for (const v of x.violations) {
      if (v.severity !== 'Error' && UNLISTED_ERROR_STATUS.test(v.message) && x.status >= 400) continue;
      if (excused(vendor, x.method, x.url, v)) continue;
      const side = v.location[0] === 'request' ? 'client' : v.location[0] === 'response' ? 'simulator' : 'proxy';
      problems.push(`${call}: [${side} ${v.severity}] ${v.location.join('.')}: ${v.message}`);
    }
  }
  return problems;
}

export function assertClean(vendor: ContractVendor, exchanges: readonly Exchange[], what: string): void {
  assert.ok(exchanges.length > 0, `${what}: no request reached the proxy`);
  const problems = problemsIn(vendor, exchanges);
  assert.deepEqual(problems, [], `${what}: ${problems.length} contract problem(s):\n${problems.join('\n')}`);
}

/** Rows of the table that none of these exchanges exercised. */
export function unexercised(vendor: ContractVendor, exchanges: readonly Exchange[]): Operation[] {
  const hit = new Set(exchanges.map((x) => operationOf(vendor, x.method, x.url)).filter((op) => op !== undefined));
  return OPERATIONS[vendor].filter((op) => !hit.has(op));
}
