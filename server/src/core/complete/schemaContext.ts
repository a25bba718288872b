// Where a node sits in a profile and which schema keys apply there. Shared by completion, hover and fixes.
import type { ArrayNode, DictEntry, DictNode, PlistNode } from '../plist/ast';
import type { KeySchema, PayloadSchema, SchemaIndexEntry } from '../schema/types';
import { openMember } from '../schema/preferences';

/** What the features need from the schema registry (the facade adapts the registry to this). */
export interface SchemaLookup {
  payload(payloadType: string): PayloadSchema | undefined;
  /** The profile's own (top-level) keys. */
  topLevel(): PayloadSchema | undefined;
  /** Keys every payload may carry (PayloadType, PayloadUUID, ...). */
  commonKeys(): KeySchema[];
  /** Every payload type with a schema, with its title. */
  payloadTypes(): readonly SchemaIndexEntry[];
}

export type DictRole = 'profile' | 'payload' | 'nested';

export interface DictContext {
  role: DictRole;
  /** Keys allowed in this dict; undefined when unknown (no schema). */
  keys: KeySchema[] | undefined;
  /** The payload dict this dict belongs to (itself for a payload). */
  payloadType: string | undefined;
  payloadSchema: PayloadSchema | undefined;
  openKeys: boolean;
  /** Open dicts: the schema of values under names the schema does not list. */
  additional?: KeySchema;
}

// Keys every payload may carry. Real profiles use PayloadEnabled although Apple's data lacks it.
const commonPayloadKeys: KeySchema[] = [
  { key: 'PayloadType', type: 'string', presence: 'required', title: 'Payload type' },
  { key: 'PayloadIdentifier', type: 'string', presence: 'required', title: 'Payload identifier' },
  { key: 'PayloadUUID', type: 'string', presence: 'required', title: 'Payload UUID', valuetype: 'uuid' },
  { key: 'PayloadVersion', type: 'integer', presence: 'required', title: 'Payload version', rangelist: [1] },
  { key: 'PayloadDisplayName', type: 'string', presence: 'optional', title: 'Display name' },
  { key: 'PayloadDescription', type: 'string', presence: 'optional', title: 'Description' },
  { key: 'PayloadOrganization', type: 'string', presence: 'optional', title: 'Organization' },
  { key: 'PayloadEnabled', type: 'boolean', presence: 'optional', title: 'Enabled', default: true },
];

const topLevelFallback: KeySchema[] = [
  { key: 'PayloadContent', type: 'array', presence: 'required', title: 'Payloads' },
  { key: 'PayloadDisplayName', type: 'string', presence: 'optional', title: 'Display name' },
  { key: 'PayloadIdentifier', type: 'string', presence: 'required', title: 'Profile identifier' },
  { key: 'PayloadType', type: 'string', presence: 'required', title: 'Payload type', rangelist: ['Configuration'] },
  { key: 'PayloadUUID', type: 'string', presence: 'required', title: 'Profile UUID', valuetype: 'uuid' },
  { key: 'PayloadVersion', type: 'integer', presence: 'required', title: 'Profile version', rangelist: [1] },
];

export function topLevelKeys(schemas: SchemaLookup): KeySchema[] {
  return mergeKeys(schemas.topLevel()?.keys ?? [], topLevelFallback);
}

export function payloadKeys(schemas: SchemaLookup, payloadType: string | undefined): KeySchema[] | undefined {
  const common = mergeKeys(schemas.commonKeys(), commonPayloadKeys);
  if (payloadType === undefined) return common;
  const own = schemas.payload(payloadType);
  if (!own) return undefined;
  return mergeKeys(own.keys, common);
}

/** Keys from `primary` first, then those of `extra` whose names are not taken. */
function mergeKeys(primary: KeySchema[], extra: KeySchema[]): KeySchema[] {
  const seen = new Set(primary.map((k) => k.key));
  return [...primary, ...extra.filter((k) => !seen.has(k.key))];
}

export function entryOf(dict: DictNode, key: string): DictEntry | undefined {
  return dict.entries.find((e) => e.key === key);
}

export function stringValue(dict: DictNode, key: string): string | undefined {
  const v = entryOf(dict, key)?.value;
  return v && v.kind === 'string' ? v.text.trim() : undefined;
}

/** The root dict's PayloadContent array, when `arr` is it. */
export function isPayloadContent(arr: ArrayNode): boolean {
  const parent = arr.parent;
  return parent?.kind === 'dict' && parent.parent === undefined && parent.entries.some((e) => e.key === 'PayloadContent' && e.value === arr);
}

/** The entry in `node`'s parent dict holding `node`. */
export function entryHolding(node: PlistNode): DictEntry | undefined {
  const parent = node.parent;
  if (parent?.kind !== 'dict') return undefined;
  return parent.entries.find((e) => e.value === node);
}

export function dictContext(dict: DictNode, schemas: SchemaLookup): DictContext {
  const parent = dict.parent;
  if (parent === undefined) {
    return { role: 'profile', keys: topLevelKeys(schemas), payloadType: undefined, payloadSchema: undefined, openKeys: false };
  }
  if (parent.kind === 'array' && isPayloadContent(parent)) {
    const type = stringValue(dict, 'PayloadType');
    const schema = type === undefined ? undefined : schemas.payload(type);
    return { role: 'payload', keys: payloadKeys(schemas, type), payloadType: type, payloadSchema: schema, openKeys: schema?.openKeys === true, additional: schema?.additionalKeys };
  }
  const holder = keySchemaOfNode(dict, schemas);
  const outer = enclosingPayload(dict, schemas);
  const element = holder && (holder.type === 'dictionary' ? holder : undefined);
  return {
    role: 'nested',
    keys: element?.subkeys && element.subkeys.length > 0 ? element.subkeys : undefined,
    payloadType: outer?.type,
    payloadSchema: outer?.schema,
    openKeys: element?.openKeys === true || (element !== undefined && !element.subkeys?.length),
    additional: element?.additionalKeys,
  };
}

function enclosingPayload(node: PlistNode, schemas: SchemaLookup): { type: string | undefined; schema: PayloadSchema | undefined } | undefined {
  for (let n: PlistNode | undefined = node; n; n = n.parent) {
    if (n.kind === 'dict' && n.parent?.kind === 'array' && isPayloadContent(n.parent)) {
      const type = stringValue(n, 'PayloadType');
      return { type, schema: type === undefined ? undefined : schemas.payload(type) };
    }
  }
  return undefined;
}

/**
 * The schema describing `node`: for a dict value, its key's schema; for an array item, the array's
 * element schema. Undefined when the path leaves the schema.
 */
export function keySchemaOfNode(node: PlistNode, schemas: SchemaLookup): KeySchema | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.kind === 'dict') {
    const entry = parent.entries.find((e) => e.value === node);
    if (!entry) return undefined;
    return keySchemaOfEntry(parent, entry.key, schemas);
  }
  if (isPayloadContent(parent)) return undefined;
  const arraySchema = keySchemaOfNode(parent, schemas);
  return arraySchema?.type === 'array' ? arraySchema.subkeys?.[0] : undefined;
}

/** The schema for the entry's key inside `dict`. */
export function keySchemaOfEntry(dict: DictNode, key: string, schemas: SchemaLookup): KeySchema | undefined {
  const ctx = dictContext(dict, schemas);
  const named = ctx.keys?.find((k) => k.key === key);
  return named ?? (ctx.additional ? openMember(ctx.additional, key, (t) => schemas.payload(t)) : undefined);
}
