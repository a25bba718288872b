// ProfileManifests-format preference manifests (pfm_* keys) turned into the schema shape the validator,
// completion and hover already read. Pure: the host reads the user's files and hands over their text.
// Titles and descriptions come from the user's files at run time; nothing of the collection ships.

import { parsePlist } from '../plist/parser';
import { toValue, type PlistValue } from '../plist/value';
import type { KeySchema, OsSupport, PayloadSchema, Platform, SchemaType, SupportedOS } from './types';

type Dict = { [key: string]: PlistValue };

export type ManifestResult = { ok: true; domain: string; schema: PayloadSchema } | { ok: false; error: string };

const isDict = (v: PlistValue | undefined): v is Dict =>
  v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
const text = (v: PlistValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: PlistValue | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined);

const TYPES: Record<string, SchemaType> = {
  string: 'string', integer: 'integer', boolean: 'boolean', bool: 'boolean', real: 'real', float: 'real',
  date: 'date', data: 'data', array: 'array', dictionary: 'dictionary', dict: 'dictionary',
};

/** pfm_platforms names → ours; the min/max/deprecated keys per platform. */
const PLATFORM_KEYS: { name: string; platform: Platform; prefix: string }[] = [
  { name: 'macOS', platform: 'macOS', prefix: 'pfm_macos' },
  { name: 'iOS', platform: 'iOS', prefix: 'pfm_ios' },
  { name: 'tvOS', platform: 'tvOS', prefix: 'pfm_tvos' },
  { name: 'visionOS', platform: 'visionOS', prefix: 'pfm_visionos' },
  { name: 'watchOS', platform: 'watchOS', prefix: 'pfm_watchos' },
];

/**
 * Keys every payload carries; a manifest lists them for its editor form, but the common-key rules own them
 * and inside `mcx_preference_settings` they do not belong at all.
 */
const PAYLOAD_KEYS = /^Payload[A-Z]/;
/** ProfileCreator's own form controls (segmented tabs), not preference keys. */
const EDITOR_CONTROLS = /^PFC_/;

/** Parses one manifest and converts it; a file that is not a manifest gives a reason, never a throw. */
export function schemaFromManifestText(source: string): ManifestResult {
  const doc = parsePlist(source);
  const firstError = doc.problems.find((p) => p.code !== 'xml.whitespace-before-declaration');
  if (firstError) return { ok: false, error: `not a readable plist (${firstError.message})` };
  const root = toValue(doc.root);
  if (!isDict(root)) return { ok: false, error: 'the plist is not a dictionary' };
  const domain = text(root.pfm_domain)?.trim();
  if (!domain) return { ok: false, error: 'no pfm_domain' };
  if (!Array.isArray(root.pfm_subkeys)) return { ok: false, error: 'no pfm_subkeys array' };
  const keys = subkeysOf(root.pfm_subkeys, 0).filter((k) => !PAYLOAD_KEYS.test(k.key));
  const schema: PayloadSchema = {
    payloadType: domain,
    title: text(root.pfm_title) ?? domain,
    description: text(root.pfm_description),
    supportedOS: support(root) ?? { macOS: {} },
    keys,
    notInAppleData: true,
    fromManifest: true,
    generatedFrom: 'manifest',
  };
  return { ok: true, domain, schema };
}

/** Several manifests for one domain (variants of one app): the first one's keys win, the others add theirs. */
export function mergeManifestSchemas(schemas: PayloadSchema[]): PayloadSchema | undefined {
  const [first, ...rest] = schemas;
  if (!first || rest.length === 0) return first;
  const keys = [...first.keys];
  const seen = new Set(keys.map((k) => k.key));
  for (const s of rest) {
    for (const k of s.keys) {
      if (seen.has(k.key)) continue;
      seen.add(k.key);
      keys.push(k);
    }
  }
  const supportedOS: SupportedOS = { ...first.supportedOS };
  for (const s of rest) for (const [p, os] of Object.entries(s.supportedOS)) supportedOS[p as Platform] ??= os;
  return { ...first, keys, supportedOS };
}

/** The pfm_domain of a manifest, read cheaply from its text (for the index; the full parse waits until needed). */
export function manifestDomainOf(source: string): string | undefined {
  const m = /<key>\s*pfm_domain\s*<\/key>\s*<string>([^<]*)<\/string>/.exec(source);
  if (!m) return undefined;
  const domain = m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  return domain.length > 0 ? domain : undefined;
}

/** Bounded: manifests nest a handful of levels; a hostile file must not exhaust the stack. */
const MAX_DEPTH = 32;

function subkeysOf(list: PlistValue[], depth: number): KeySchema[] {
  const out: KeySchema[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (!isDict(item)) continue;
    const key = keyOf(item, depth);
    if (!key || seen.has(key.key) || EDITOR_CONTROLS.test(key.key)) continue;
    seen.add(key.key);
    out.push(key);
  }
  return out;
}

function keyOf(d: Dict, depth: number, placeholder?: string): KeySchema | undefined {
  const name = text(d.pfm_name) ?? placeholder;
  if (name === undefined) return undefined;
  const type = TYPES[text(d.pfm_type)?.toLowerCase() ?? ''] ?? 'any';
  const key: KeySchema = { key: name, type, presence: 'optional', fromManifest: true };
  const title = text(d.pfm_title);
  if (title) key.title = title;
  const description = text(d.pfm_description);
  if (description) key.description = description;
  // pfm_require describes the editor's form; an app reads its preferences without any of them.
  if (text(d.pfm_require) === 'always') key.recommended = true;
  const allowed = Array.isArray(d.pfm_range_list) ? d.pfm_range_list.filter(isListValue) : [];
  if (allowed.length > 0 && d.pfm_range_list_allow_custom_value !== true) key.rangelist = allowed;
  const min = num(d.pfm_range_min);
  const max = num(d.pfm_range_max);
  if (min !== undefined || max !== undefined) key.range = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  const def = d.pfm_default;
  if (isListValue(def)) key.default = def;
  const format = text(d.pfm_format);
  if (format && type === 'string') key.format = format;
  const os = support(d);
  if (os) key.supportedOS = os;
  const sub = Array.isArray(d.pfm_subkeys) ? d.pfm_subkeys.filter(isDict) : [];
  if (depth < MAX_DEPTH && type === 'array') {
    const element = sub[0] ? keyOf(sub[0], depth + 1, 'item') : undefined;
    if (element) key.subkeys = [element];
  } else if (depth < MAX_DEPTH && type === 'dictionary') {
    const named = subkeysOf(sub.filter((s) => text(s.pfm_name) !== undefined), depth + 1);
    // An unnamed member stands for any name (a dictionary keyed by the admin's own names).
    const unnamed = sub.find((s) => text(s.pfm_name) === undefined);
    if (named.length > 0) key.subkeys = named;
    if (unnamed) {
      key.openKeys = true;
      const extra = keyOf(unnamed, depth + 1, 'ANY');
      if (extra) key.additionalKeys = extra;
    } else if (named.length === 0) {
      key.openKeys = true;
    }
  }
  return key;
}

const isListValue = (v: PlistValue | undefined): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Platform support from pfm_platforms and pfm_<os>_min/_max/_deprecated; undefined when the manifest says nothing. */
function support(d: Dict): SupportedOS | undefined {
  const listed = Array.isArray(d.pfm_platforms) ? d.pfm_platforms.filter((p): p is string => typeof p === 'string') : undefined;
  const out: SupportedOS = {};
  let any = false;
  for (const { name, platform, prefix } of PLATFORM_KEYS) {
    const min = text(d[`${prefix}_min`]);
    const max = text(d[`${prefix}_max`]);
    const deprecated = text(d[`${prefix}_deprecated`]);
    const named = listed?.includes(name) ?? false;
    if (!named && !min && !max && !deprecated) continue;
    if (listed && !named) continue;
    const os: OsSupport = {};
    if (min) os.introduced = min;
    if (deprecated) os.deprecated = deprecated;
    // The last version that reads the key; our notes say "removed in", so name the version after which.
    if (max) os.removed = `after ${max}`;
    out[platform] = os;
    any = true;
  }
  return any || listed ? out : undefined;
}
