// The ONE list of violations the contract tier forgives. Every entry is a bug in a published definition (or in
// the generator that produced it), never in our client or simulator, and names that bug. Keep entries narrow:
// a method, a path pattern and the violation's location; a new entry needs a reason a reviewer can check.
import type { ContractVendor, Violation } from './prism';

export interface SpecException {
  vendor: ContractVendor;
  method: string;
  /** Matched against the path the client sent (query removed). */
  path: RegExp;
  /** Matched against the violation's location joined with '.', e.g. `response.body`. */
  location: RegExp;
  specBug: string;
}

export const SPEC_EXCEPTIONS: SpecException[] = [
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/devices$/, location: /^response\.body$/,
    specBug: 'kandji/openapi.json types the 200 body of "List Devices" as an object, but Kandji answers a bare array '
      + '(the collection\'s own example is an array; Prism in mock mode flags that example too): generator bug.',
  },
  {
    vendor: 'kandji', method: 'POST', path: /^\/api\/v1\/blueprints\/[^/]+\/(assign|remove)-library-item$/, location: /^response\.body$/,
    specBug: 'kandji/openapi.json types the 200 body of "Assign Library Item" / "Remove Library Item" as an object; '
      + 'the collection\'s example is an array of library item ids: generator bug.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/devices\/[^/]+$/,
    location: /^response\.body\.(agent_installed|is_missing|is_removed|mdm_enabled|user\.is_archived)$/,
    specBug: 'kandji/openapi.json types these device flags as integer because the collection\'s example wrote 0/1 '
      + '(the generator read the example, not the API): Kandji documents and returns booleans.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/devices\/[^/]+\/details$/,
    location: /^response\.body\.(activation_lock\.\w+|filevault\.filevault_prk_escrowed)$/,
    specBug: 'kandji/openapi.json types the Activation Lock flags and filevault_prk_escrowed as integer from 0/1 '
      + 'example values: generator bug; the fields are booleans.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/blueprints\/[^/]+$/, location: /^response\.body\.enrollment_code\.is_active$/,
    specBug: 'kandji/openapi.json types enrollment_code.is_active of "Get Blueprint" as integer, while every example '
      + 'in the collection (and the blueprint list schema) has a boolean: generator bug.',
  },
];

/** Entries that forgave something in this process: the vendor test fails on an entry nothing needs any more. */
export const usedExceptions = new Set<SpecException>();

export function excused(vendor: ContractVendor, method: string, url: string, v: Violation): SpecException | undefined {
  const path = url.split('?')[0]!;
  const location = v.location.join('.');
  const hit = SPEC_EXCEPTIONS.find((e) => e.vendor === vendor && e.method === method && e.path.test(path) && e.location.test(location));
  if (hit) usedExceptions.add(hit);
  return hit;
}
