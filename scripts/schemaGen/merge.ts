// Apple's data splits some payload types over several files (com.apple.MCX facets, the Kerberos flavour of
// com.apple.extensiblesso). A profile uses one facet at a time, so the merged schema knows every key but
// requires only what every facet requires.
import type { KeySchema, PayloadSchema } from '../../server/src/core/schema/types';
import { dropUndefined } from './convert';

function mergeKeyLists(lists: KeySchema[][]): KeySchema[] {
  const order: string[] = [];
  const byName = new Map<string, KeySchema[]>();
  for (const list of lists) {
    for (const k of list) {
      if (!byName.has(k.key)) { order.push(k.key); byName.set(k.key, []); }
      byName.get(k.key)!.push(k);
    }
  }
  return order.map((name) => {
    const variants = byName.get(name)!;
    const merged = variants.length === 1 ? { ...variants[0]! } : mergeKeys(variants);
    if (variants.length < lists.length) merged.presence = 'optional';
    return merged;
  });
}

/** Facts every variant agrees on survive; a constraint only some variants impose is dropped. */
function agreed<T>(values: (T | undefined)[]): T | undefined {
  const first = values[0];
  if (first === undefined) return undefined;
  return values.every((v) => JSON.stringify(v) === JSON.stringify(first)) ? first : undefined;
}

function unionList(lists: (KeySchema['rangelist'])[]): KeySchema['rangelist'] {
  if (lists.some((l) => l === undefined)) return undefined;
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

function mergeKeys(variants: KeySchema[]): KeySchema {
  const first = variants[0]!;
  const withSubkeys = variants.filter((v) => v.subkeys);
  const openKeys = variants.some((v) => v.openKeys) || undefined;
  return dropUndefined({
    ...first,
    title: variants.find((v) => v.title)?.title,
    presence: variants.every((v) => v.presence === 'required') ? 'required' : 'optional',
    rangelist: unionList(variants.map((v) => v.rangelist)),
    range: agreed(variants.map((v) => v.range)),
    default: agreed(variants.map((v) => v.default)),
    format: agreed(variants.map((v) => v.format)),
    subkeys: withSubkeys.length > 0 ? mergeKeyLists(withSubkeys.map((v) => v.subkeys!)) : undefined,
    openKeys,
    additionalKeys: openKeys ? variants.find((v) => v.additionalKeys)?.additionalKeys : undefined,
  });
}

/** `primary` (the plain file, when there is one) supplies title and platform support. */
export function mergeVariants(variants: PayloadSchema[], primary: PayloadSchema | undefined): PayloadSchema {
  if (variants.length === 1) return variants[0]!;
  const lead = primary ?? variants[0]!;
  const ordered = [lead, ...variants.filter((v) => v !== lead)];
  const keys = mergeKeyLists(ordered.map((v) => v.keys));
  const openKeys = variants.some((v) => v.openKeys) || undefined;
  return dropUndefined({
    payloadType: lead.payloadType,
    title: primary ? primary.title : variants.map((v) => v.title).join(' / '),
    supportedOS: lead.supportedOS,
    keys,
    openKeys,
    additionalKeys: openKeys ? variants.find((v) => v.additionalKeys)?.additionalKeys : undefined,
    generatedFrom: ordered.map((v) => v.generatedFrom).join(', '),
  });
}
