// Lazy, cached access to the generated schemas. Pure: the files come through an injected SchemaSource
// (fs in the server and CLI, a Map in tests).
import type { KeySchema, PayloadSchema, SchemaIndexEntry } from './types';
import { suggest } from './suggest';
import { markPreferenceDomains, openMember } from './preferences';

export interface SchemaSource {
  index(): SchemaIndexEntry[];
  load(file: string): PayloadSchema | undefined;
}

/**
 * Preference manifests from folders the user names (server/src/host/manifestSource.ts reads them): an index of
 * domains (`file` is the domain) and the converted schema of one domain, loaded on first use.
 */
export interface ManifestSource {
  index(): SchemaIndexEntry[];
  load(domain: string): PayloadSchema | undefined;
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
  /** Replaces the manifest source (or drops it) and forgets every loaded schema. */
  setManifests(manifests: ManifestSource | undefined): void;
  /** Bumped on every setManifests, so caches of validation results can tell. */
  generation(): number;
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

type SchemaOf = (payloadType: string) => PayloadSchema | undefined;

function member(keys: KeySchema[], open: boolean | undefined, additional: KeySchema | undefined, name: string, schemaOf: SchemaOf): KeySchema | undefined {
  const named = keys.find((k) => k.key === name);
  if (named) return named;
  if (!open) return undefined;
  return additional ? openMember(additional, name, schemaOf) : anyValue(name);
}

function step(current: KeySchema, segment: string | number, schemaOf: SchemaOf): KeySchema | undefined {
  if (current.type === 'any') return anyValue(String(segment));
  if (typeof segment === 'number') return current.type === 'array' ? current.subkeys?.[0] : undefined;
  if (current.type !== 'dictionary') return undefined;
  return member(current.subkeys ?? [], current.openKeys, current.additionalKeys, segment, schemaOf);
}

/** Apple's schemas first: a manifest only fills a payload type Apple's data does not describe. */
export function createSchemaRegistry(source: SchemaSource, initialManifests?: ManifestSource): SchemaRegistry {
  let manifests = initialManifests;
  let index: Map<string, SchemaIndexEntry & { manifest?: true }> | undefined;
  let cache = new Map<string, PayloadSchema | null>();
  let generation = 0;

  const entries = (): Map<string, SchemaIndexEntry & { manifest?: true }> => {
    if (!index) {
      index = new Map(source.index().map((e) => [e.payloadType, e]));
      for (const e of manifests?.index() ?? []) if (!index.has(e.payloadType)) index.set(e.payloadType, { ...e, manifest: true });
    }
    return index;
  };

  const get = (payloadType: string): PayloadSchema | undefined => {
    const cached = cache.get(payloadType);
    if (cached !== undefined) return cached ?? undefined;
    const entry = entries().get(payloadType);
    const schema = !entry ? undefined : entry.manifest ? manifests?.load(entry.file) : source.load(entry.file);
    if (schema) {
      resolveRefs(schema);
      markPreferenceDomains(schema);
    }
    cache.set(payloadType, schema ?? null);
    return schema;
  };

  const commonKeys = (): KeySchema[] => get(commonKeysType)?.keys ?? [];

  const rootMember = (payloadType: string, name: string): KeySchema | undefined => {
    const schema = get(payloadType);
    if (!schema) return undefined;
    // Own keys, then common payload keys (so PayloadUUID keeps its schema in an open payload), then the catch-all.
    const common = payloadType === topLevelType ? undefined : commonKeys().find((k) => k.key === name);
    return schema.keys.find((k) => k.key === name) ?? common ?? member([], schema.openKeys, schema.additionalKeys, name, get);
  };

  const keyAt = (payloadType: string, path: SchemaPath): KeySchema | undefined => {
    const [first, ...rest] = path;
    if (typeof first !== 'string') return undefined;
    let current = rootMember(payloadType, first);
    for (const segment of rest) {
      if (!current) return undefined;
      current = step(current, segment, get);
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
    setManifests(next) {
      manifests = next;
      index = undefined;
      cache = new Map();
      generation++;
    },
    generation: () => generation,
  };
}
