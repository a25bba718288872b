// Where the generated schemas are stricter than what devices accept and the generator does not
// correct it (yet), the validator bends here, each case with its reason. Kept tiny on purpose:
// corrections belong in scripts/schemaGen/quirks.ts.

import type { PayloadSchema } from '../schema/types';

/**
 * Values deployed profiles use that the allowed-value lists lack.
 * - com.apple.systemuiserver `mount-controls`: `alert` (warn the user when media mounts) appears next to
 *   `eject` in published profiles; Apple's list only has authenticate, read-only, deny, eject.
 */
const extraAllowed: Record<string, readonly string[]> = {
  'com.apple.systemuiserver': ['alert'],
};

export function allowedByGap(payloadType: string, value: string | number | boolean): boolean {
  return typeof value === 'string' && (extraAllowed[payloadType]?.includes(value) ?? false);
}

/**
 * A schema merged from several variant files (the Kerberos flavour of com.apple.extensiblesso, the MCX
 * facets) can carry one variant's allowed-value list on a key every variant shares (the Kerberos-only
 * `ExtensionIdentifier` list rejects every other SSO extension). Lists at such a payload's root are not
 * enforced.
 */
export function rootListsUnreliable(schema: PayloadSchema): boolean {
  return schema.generatedFrom.includes(',');
}
