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
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/tags$/, location: /^request\.query$/,
    specBug: 'kandji/openapi.json marks the `search` query of "Get Tags" required; Kandji\'s own description calls it '
      + 'an optional filter and an unfiltered list is the documented default (../shared/api/specs/README.md).',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/prism\/[a-z_]+$/, location: /^response\.body\.cursor$/,
    specBug: 'kandji/openapi.json types the Prism `cursor` as string from the one example that had one (local_users); '
      + 'every other category\'s example answers `"cursor": null`: generator bug.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/prism\/count$/, location: /^response\.body\.approximate$/,
    specBug: 'kandji/openapi.json types `approximate` of "Prism Count" as integer; the example is the boolean `false`: generator bug.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/(users|integrations\/apple\/ade\/[^/]+\/devices)$/, location: /^response\.body\.next$/,
    specBug: 'kandji/openapi.json types `next` as string (the example was a first page); the last page answers `null`, '
      + 'as every other paged Kandji list documents: generator bug.',
  },
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/users\/[^/]+$/, location: /^response\.body\.(active|archived)$/,
    specBug: 'kandji/openapi.json types `active` and `archived` of "Get User" as integer, while the example (and the list) '
      + 'carry booleans: generator bug.',
  },
  ...(['POST', 'PATCH'] as const).map((method): SpecException => ({
    vendor: 'kandji', method, path: method === 'POST' ? /^\/api\/v1\/blueprints$/ : /^\/api\/v1\/blueprints\/[^/]+$/,
    location: /^request\.body$/,
    specBug: `kandji/openapi.json marks every form field of ${method === 'POST' ? '"Create Blueprint"' : '"Update Blueprint"'} required `
      + '(source, enrollment code, description); Kandji\'s own parameter notes call them optional (../shared/api/specs/README.md).',
  })),
  ...(['POST', 'PATCH'] as const).map((method): SpecException => ({
    vendor: 'kandji', method, path: method === 'POST' ? /^\/api\/v1\/blueprints$/ : /^\/api\/v1\/blueprints\/[^/]+$/,
    location: /^response\.body\.enrollment_code\.is_active$/,
    specBug: 'kandji/openapi.json types enrollment_code.is_active of the created/updated blueprint as integer; the '
      + 'examples and the blueprint list schema have a boolean: generator bug (as for "Get Blueprint").',
  })),
  {
    vendor: 'kandji', method: 'GET', path: /^\/api\/v1\/settings\/licensing$/, location: /^response\.body\.tenantOverLicenseLimit$/,
    specBug: 'kandji/openapi.json types `tenantOverLicenseLimit` as integer; the example is the boolean `false`: generator bug.',
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
