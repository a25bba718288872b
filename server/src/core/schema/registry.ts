// Lazy, cached access to the generated schemas. Pure: the files come through an injected SchemaSource
// (fs in the server and CLI, a Map in tests).
import type { KeySchema, PayloadSchema, SchemaIndexEntry } from './types';
import { suggest } from './suggest';

export interface SchemaSource {
  index(): SchemaIndexEntry[];
  load(file: string): PayloadSchema | undefined;
}

/** A step into a profile: a dictionary key, or an array index (any element has the same schema). */
export type SchemaPath = readonly (string | number)[];

export interface SchemaRegistry {
  /** Real payload types (not the `_TopLevel`/`_CommonPayloadKeys` entries), sorted. */
  payloadTypes(): string[];
  entry(payloadType: string): SchemaIndexEntry | undefined;
  get(payloadType: string): PayloadSchema | undefined;
  /** Profile-level keys (`_TopLevel`). */
  topLevel(): PayloadSchema | undefined;
  /** Keys every payload may carry (`_CommonPayloadKeys`). */
  commonKeys(): KeySchema[];
  /**
   * Schema of the value at `path` inside a payload of `payloadType` (`_TopLevel` for the profile itself).
   * At the payload root, common payload keys are found too. Inside an open dictionary an unlisted name gets
   * `additionalKeys`, or an `any` schema when values are unconstrained; below an `any` value everything is `any`.
   */
  keyAt(payloadType: string, path: SchemaPath): KeySchema | undefined;
  /** Member schemas of a dictionary-like schema (payload root when `path` is empty). */
  membersAt(payloadType: string, path: SchemaPath): KeySchema[] | undefined;
  suggest(name: string, candidates: Iterable<string>, limit?: number): string[];
}

export const topLevelType = '_TopLevel';
export const commonKeysType = '_CommonPayloadKeys';

const anyValue = (key: string): KeySchema => ({ key, type: 'any', presence: 'optional' });

/** Links `subkeysRef` to the ancestor's members, making the in-memory graph cyclic where the data is recursive. */
function resolveRefs(schema: PayloadSchema): void {
  const findByNames = (names: readonly string[]): KeySchema | undefined => {
    let list = schema.keys;
    let found: KeySchema | undefined;
    for (const name of names) {
      found = list.find((k) => k.key === name);
      if (!found) return undefined;
      list = found.subkeys ?? [];
    }
    return found;
  };
  const visit = (keys: KeySchema[] | undefined): void => {
    for (const key of keys ?? []) {
      if (key.subkeysRef) {
        key.subkeys = findByNames(key.subkeysRef)?.subkeys;
        continue;
      }
      visit(key.subkeys);
      if (key.additionalKeys) visit([key.additionalKeys]);
    }
  };
  visit(schema.keys);
  if (schema.additionalKeys) visit([schema.additionalKeys]);
}

function member(keys: KeySchema[], open: boolean | undefined, additional: KeySchema | undefined, name: string): KeySchema | undefined {
  const named = keys.find((k) => k.key === name);
  if (named) return named;
  if (!open) return undefined;
  return additional ? { ...additional, key: name } : anyValue(name);
}

function step(current: KeySchema, segment: string | number): KeySchema | undefined {
  if (current.type === 'any') return anyValue(String(segment));
  if (typeof segment === 'number') return current.type === 'array' ? current.subkeys?.[0] : undefined;
  if (current.type !== 'dictionary') return undefined;
  return member(current.subkeys ?? [], current.openKeys, current.additionalKeys, segment);
}

export function createSchemaRegistry(source: SchemaSource): SchemaRegistry {
  let index: Map<string, SchemaIndexEntry> | undefined;
  const cache = new Map<string, PayloadSchema | null>();

  const entries = (): Map<string, SchemaIndexEntry> => {
    index ??= new Map(source.index().map((e) => [e.payloadType, e]));
    return index;
  };

  const get = (payloadType: string): PayloadSchema | undefined => {
    const cached = cache.get(payloadType);
    if (cached !== undefined) return cached ?? undefined;
    const entry = entries().get(payloadType);
    const schema = entry ? source.load(entry.file) : undefined;
    if (schema) resolveRefs(schema);
    cache.set(payloadType, schema ?? null);
    return schema;
  };

  const commonKeys = (): KeySchema[] => get(commonKeysType)?.keys ?? [];

  const rootMember = (payloadType: string, name: string): KeySchema | undefined => {
    const schema = get(payloadType);
    if (!schema) return undefined;
    // Own keys, then common payload keys (so PayloadUUID keeps its schema in an open payload), then the catch-all.
    const common = payloadType === topLevelType ? undefined : commonKeys().find((k) => k.key === name);
    return schema.keys.find((k) => k.key === name) ?? common ?? member([], schema.openKeys, schema.additionalKeys, name);
  };

  const keyAt = (payloadType: string, path: SchemaPath): KeySchema | undefined => {
    const [first, ...rest] = path;
    if (typeof first !== 'string') return undefined;
    let current = rootMember(payloadType, first);
    for (const segment of rest) {
      if (!current) return undefined;
      current = step(current, segment);
    }
    return current;
  };

  return {
    payloadTypes: () => [...entries().keys()].filter((t) => !t.startsWith('_')).sort(),
    entry: (payloadType) => entries().get(payloadType),
    get,
    topLevel: () => get(topLevelType),
    commonKeys,
    keyAt,
    membersAt(payloadType, path) {
      if (path.length === 0) return get(payloadType)?.keys;
      const key = keyAt(payloadType, path);
      return key?.type === 'dictionary' ? key.subkeys ?? [] : undefined;
    },
    suggest,
  };
}
