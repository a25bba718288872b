// A small schema checker for the corpus test: walks plist values (parsed by the `plist` package) against the
// registry and lists mismatches that would be false errors: wrong type, value not allowed, required key missing.
// Not the product's validator (that works on our own AST with offsets); this only guards the schema data.
import type { KeySchema, SchemaRegistry, SchemaType } from '../../server/src/core/schema';

export interface Mismatch { payloadType: string; path: string; problem: string }

function plistType(value: unknown): SchemaType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'real';
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'data';
  if (Array.isArray(value)) return 'array';
  return 'dictionary';
}

function typeMatches(schema: KeySchema, actual: SchemaType): boolean {
  if (schema.type === 'any' || schema.type === actual) return true;
  if (schema.type === 'real' && actual === 'integer') return true; // <integer> text fits a real
  return schema.alsoAccepts?.includes(actual) ?? false;
}

export function checkDict(dict: Record<string, unknown>, members: KeySchema[], open: boolean, extra: KeySchema | undefined,
  oneOf: KeySchema['oneOf'], payloadType: string, path: string, out: Mismatch[]): void {
  for (const key of members) {
    if (key.presence === 'required' && !(key.key in dict)) out.push({ payloadType, path: `${path}/${key.key}`, problem: 'required key missing' });
  }
  for (const group of oneOf ?? []) {
    const present = group.keys.filter((k) => k in dict).length;
    if (present === 0) out.push({ payloadType, path, problem: `none of ${group.keys.join(', ')}` });
    if (group.exclusive && present > 1) out.push({ payloadType, path, problem: `more than one of ${group.keys.join(', ')}` });
  }
  for (const [name, value] of Object.entries(dict)) {
    const schema = members.find((k) => k.key === name) ?? (open ? extra : undefined);
    if (schema) checkValue(value, schema, payloadType, `${path}/${name}`, out);
  }
}

export function checkValue(value: unknown, schema: KeySchema, payloadType: string, path: string, out: Mismatch[]): void {
  const actual = plistType(value);
  if (!typeMatches(schema, actual)) {
    out.push({ payloadType, path, problem: `type ${actual}, schema says ${schema.type}` });
    return;
  }
  if (schema.rangelist && (actual === 'string' || actual === 'integer' || actual === 'real') && !schema.rangelist.includes(value as string | number)) {
    out.push({ payloadType, path, problem: `value ${String(value)} not in ${schema.rangelist.join(', ')}` });
  }
  if (actual === 'array' && schema.type === 'array' && schema.subkeys?.[0]) {
    (value as unknown[]).forEach((item, i) => checkValue(item, schema.subkeys![0]!, payloadType, `${path}/${i}`, out));
  }
  if (actual === 'dictionary' && schema.type === 'dictionary') {
    checkDict(value as Record<string, unknown>, schema.subkeys ?? [], schema.openKeys ?? false, schema.additionalKeys, schema.oneOf, payloadType, path, out);
  }
}

/** Checks a whole profile value; payload types the registry does not know are skipped. */
export function checkProfile(profile: Record<string, unknown>, registry: SchemaRegistry): Mismatch[] {
  const out: Mismatch[] = [];
  const top = registry.topLevel();
  if (top) checkDict(profile, top.keys, false, undefined, undefined, '_TopLevel', '', out);
  const content = profile.PayloadContent;
  if (!Array.isArray(content)) return out;
  for (const payload of content as Record<string, unknown>[]) {
    const type = payload.PayloadType;
    if (typeof type !== 'string') continue;
    const schema = registry.get(type);
    if (!schema) continue;
    const members = [...schema.keys, ...registry.commonKeys().filter((c) => !schema.keys.some((k) => k.key === c.key))];
    checkDict(payload, members, schema.openKeys ?? false, schema.additionalKeys, schema.oneOf, type, '', out);
  }
  return out;
}
