// Turns one Apple YAML profile document into our PayloadSchema, keeping facts only.
import type { KeySchema, OsSupport, PayloadSchema, Platform, SchemaType, SupportedOS, UsageMode } from '../../server/src/core/schema/types';
import type { RawKey, RawOs, RawProfileDoc, RawSupportedOS } from './appleYaml';

const platforms: Platform[] = ['iOS', 'macOS', 'tvOS', 'visionOS', 'watchOS'];
const typeNames: Record<string, SchemaType> = {
  '<string>': 'string', '<integer>': 'integer', '<real>': 'real', '<boolean>': 'boolean', '<date>': 'date',
  '<data>': 'data', '<array>': 'array', '<dictionary>': 'dictionary', '<any>': 'any',
};
const usageModes = new Set<string>(['allowed', 'required', 'forbidden', 'ignored']);
/** Fields that describe how a whole payload installs; a key repeats them only when it overrides them. */
const payloadOnlyFields: (keyof OsSupport)[] = ['multiple', 'devicechannel', 'userchannel', 'requiresdep', 'userapprovedmdm', 'allowmanualinstall'];
/** Apple's marker for "any key name" inside a dictionary. */
export const anyKeyName = 'ANY';

/** Platform support before dropping platforms marked `n/a`, so inheritance can still see them. */
type OsTable = Partial<Record<Platform, OsSupport>>;

function version(value: string | number | undefined, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') throw new Error(`${where}: OS version ${value} is a YAML number; its text is ambiguous`);
  return String(value);
}

function usage(value: { mode?: string } | undefined): UsageMode | undefined {
  return value?.mode !== undefined && usageModes.has(value.mode) ? (value.mode as UsageMode) : undefined;
}

function convertOs(raw: RawOs, where: string): OsSupport {
  const os: OsSupport = {
    introduced: version(raw.introduced, where), deprecated: version(raw.deprecated, where), removed: version(raw.removed, where),
    supervised: raw.supervised, devicechannel: raw.devicechannel, userchannel: raw.userchannel, multiple: raw.multiple,
    requiresdep: raw.requiresdep, userapprovedmdm: raw.userapprovedmdm, allowmanualinstall: raw.allowmanualinstall,
    userenrollment: usage(raw.userenrollment), sharedipad: usage(raw.sharedipad),
  };
  return dropUndefined(os);
}

/** The key's own support laid over what it inherits (Apple's documented inheritance), per platform. */
export function inheritOs(parent: OsTable, own: RawSupportedOS | undefined, where: string): OsTable {
  const out: OsTable = {};
  for (const p of platforms) {
    const mine = own?.[p];
    const merged = { ...parent[p], ...(mine ? convertOs(mine, where) : {}) };
    if (Object.keys(merged).length > 0) out[p] = merged;
  }
  return out;
}

/** Supported platforms only (`n/a` means unsupported); payload-wide fields dropped where a key just repeats them. */
export function publishOs(table: OsTable, payload?: OsTable): SupportedOS {
  const out: SupportedOS = {};
  for (const p of platforms) {
    const os = table[p];
    if (!os || os.introduced === undefined || os.introduced === 'n/a') continue;
    const copy: OsSupport = { ...os };
    if (payload) for (const f of payloadOnlyFields) if (copy[f] === payload[p]?.[f]) delete copy[f];
    out[p] = copy;
  }
  return out;
}

function schemaType(raw: string, where: string): SchemaType {
  const t = typeNames[raw];
  if (!t) throw new Error(`${where}: unknown type ${raw}`);
  return t;
}

function scalar(value: unknown): string | number | boolean | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

interface Walk {
  payloadOs: OsTable;
  /** Subkey arrays on the current path (YAML aliases can make the data cyclic) with the schema path that owns them. */
  open: Map<RawKey[], string[]>;
  file: string;
}

function convertKey(raw: RawKey, parentOs: OsTable, path: string[], walk: Walk): KeySchema {
  const where = `${walk.file}: ${[...path, raw.key].join('/')}`;
  const type = schemaType(raw.type, where);
  const os = inheritOs(parentOs, raw.supportedOS, where);
  const valuetype = raw.valuetype ?? raw.subtype?.replace(/^<|>$/g, '');
  const key: KeySchema = {
    key: raw.key, title: raw.title, type, valuetype,
    presence: raw.presence === 'required' ? 'required' : 'optional',
    rangelist: raw.rangelist?.map(scalar).filter((v): v is string | number | boolean => v !== undefined),
    range: raw.range ? dropUndefined({ min: raw.range.min, max: raw.range.max }) : undefined,
    default: scalar(raw.default), format: raw.format,
    repetition: raw.repetition ? dropUndefined({ min: raw.repetition.min, max: raw.repetition.max }) : undefined,
    supportedOS: publishOs(os, walk.payloadOs),
  };
  if (raw.subkeys) {
    const ownPath = [...path, raw.key];
    const ancestor = walk.open.get(raw.subkeys);
    if (ancestor) key.subkeysRef = ancestor;
    else {
      walk.open.set(raw.subkeys, ownPath);
      Object.assign(key, convertMembers(raw.subkeys, type === 'array' ? 'array' : 'dictionary', os, ownPath, walk));
      walk.open.delete(raw.subkeys);
    }
  }
  return dropUndefined(key);
}

interface Members { subkeys: KeySchema[]; openKeys?: boolean; additionalKeys?: KeySchema }

/** Subkeys of a dictionary (an `ANY` member opens it) or the single element schema of an array. */
function convertMembers(rawKeys: RawKey[], container: 'array' | 'dictionary', os: OsTable, path: string[], walk: Walk): Members {
  const converted = rawKeys.map((k) => convertKey(k, os, path, walk));
  if (container === 'array') return { subkeys: converted };
  const any = converted.find((k) => k.key === anyKeyName);
  const named = converted.filter((k) => k.key !== anyKeyName);
  if (!any) return { subkeys: named };
  return { subkeys: named, openKeys: true, additionalKeys: any.type === 'any' ? undefined : { ...any, presence: 'optional' } };
}

export function convertDoc(doc: RawProfileDoc, file: string): PayloadSchema {
  const payloadOs = inheritOs({}, doc.payload.supportedOS, file);
  const walk: Walk = { payloadOs, open: new Map(), file };
  const members = convertMembers(doc.payloadkeys ?? [], 'dictionary', payloadOs, [], walk);
  return dropUndefined({
    payloadType: doc.payload.payloadtype, title: doc.title, supportedOS: publishOs(payloadOs),
    keys: members.subkeys, openKeys: members.openKeys, additionalKeys: members.additionalKeys, generatedFrom: file,
  });
}

export function dropUndefined<T extends object>(value: T): T {
  for (const k of Object.keys(value) as (keyof T)[]) if (value[k] === undefined) delete value[k];
  return value;
}
