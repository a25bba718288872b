// Keys real profiles use that the generated schemas may lack or describe elsewhere. They are
// known keys (type-checked, never "unknown"). The registry's own entries win where both exist.

import type { KeySchema, SchemaType } from '../schema/types';

const opt = (key: string, type: SchemaType, extra: Partial<KeySchema> = {}): KeySchema => ({ key, type, presence: 'optional', ...extra });

/** Profile-level keys besides the five that structure.ts checks itself. */
export const profileExtraKeys: KeySchema[] = [
  opt('PayloadDescription', 'string'),
  opt('PayloadDisplayName', 'string'),
  opt('PayloadOrganization', 'string'),
  opt('PayloadEnabled', 'boolean'),
  opt('PayloadScope', 'string', { rangelist: ['System', 'User'] }),
  opt('PayloadRemovalDisallowed', 'boolean'),
  opt('RemovalDate', 'date'),
  opt('DurationUntilRemoval', 'real'),
  opt('PayloadExpirationDate', 'date'),
  opt('HasRemovalPasscode', 'boolean'),
  opt('IsEncrypted', 'boolean'),
  opt('EncryptedPayloadContent', 'data'),
  opt('ConsentText', 'dictionary', { subkeys: [opt('ANY', 'string')] }),
  opt('TargetDeviceType', 'integer'),
];

/** Keys every payload may carry besides the four that payloads.ts checks itself. */
export const payloadExtraKeys: KeySchema[] = [
  opt('PayloadDescription', 'string'),
  opt('PayloadDisplayName', 'string'),
  opt('PayloadOrganization', 'string'),
  opt('PayloadEnabled', 'boolean'),
];

/** Keys with dedicated rules (specific codes), skipped by the generic schema walk. */
export const profileCoreKeys = new Set(['PayloadType', 'PayloadIdentifier', 'PayloadUUID', 'PayloadVersion', 'PayloadContent']);
export const payloadCoreKeys = new Set(['PayloadType', 'PayloadIdentifier', 'PayloadUUID', 'PayloadVersion']);

/** Schema keys first, then extras the schema does not already name. */
export function mergeKeys(primary: KeySchema[], ...extras: KeySchema[][]): KeySchema[] {
  const out = [...primary];
  const seen = new Set(primary.map((k) => k.key));
  for (const list of extras) {
    for (const k of list) {
      if (!seen.has(k.key)) {
        out.push(k);
        seen.add(k.key);
      }
    }
  }
  return out;
}
