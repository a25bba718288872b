// Checks the keys of one dictionary against its schema: unknown keys (with did-you-mean), missing
// required keys (minding alternatives and one-of groups), then each value.

import type { DictNode, Span } from '../plist/ast';
import type { KeySchema, OneOfGroup } from '../schema/types';
import { ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';
import { checkKeyPlatforms } from './platforms';
import { type Candidates, candidates, closestMatch } from '../schema/suggest';
import { openMember } from '../schema/preferences';
import { checkValue } from './values';

/** Raw Apple data names a wildcard member `ANY`; the generator turns it into `openKeys`, both are read. */
const WILDCARD = 'ANY';

/** What a dictionary may hold: a payload schema or a dictionary key's schema both give one. */
export interface DictShape {
  keys: KeySchema[];
  openKeys?: boolean;
  additionalKeys?: KeySchema;
  oneOf?: OneOfGroup[];
  /** Preferences an app reads (a manifest's domain, managed-preference settings): unlisted names are noted, not warned about. */
  preferences?: boolean;
  /** Described by Apple's data: an unlisted name shaped like Apple's own may be newer than the data. */
  apple?: boolean;
}

const NO_KEYS: KeySchema[] = [];

export const shapeOf = (k: KeySchema, apple = false): DictShape => ({
  keys: k.subkeys ?? NO_KEYS, openKeys: k.openKeys, additionalKeys: k.additionalKeys, oneOf: k.oneOf,
  preferences: k.fromManifest || k.preferenceSettings, apple: apple && !k.fromManifest && !k.preferenceSettings,
});

export const hasShape = (s: DictShape): boolean => s.keys.length > 0 || !!s.additionalKeys || (s.oneOf?.length ?? 0) > 0;

export interface DictCheckOptions {
  /** Keys handled by a more specific rule: neither type-checked here nor required here. */
  skip?: ReadonlySet<string>;
}

interface KeyIndex {
  byName: Map<string, KeySchema>;
  /** Listed names without the wildcard, for did-you-mean. */
  names: Candidates;
}

/** Schema key lists are shared objects (registry cache, merged lists cached in payloads.ts): index each once. */
const indexes = new WeakMap<KeySchema[], KeyIndex>();

function indexOf(keys: KeySchema[]): KeyIndex {
  let index = indexes.get(keys);
  if (!index) {
    const byName = new Map<string, KeySchema>();
    for (const k of keys) if (!byName.has(k.key)) byName.set(k.key, k);
    index = { byName, names: candidates([...byName.keys()].filter((k) => k !== WILDCARD)) };
    indexes.set(keys, index);
  }
  return index;
}

export function checkDict(ctx: ValidationContext, dict: DictNode, shape: DictShape, label: string, opts: DictCheckOptions = {}): void {
  const { byName, names } = indexOf(shape.keys);
  const extra = shape.additionalKeys ?? byName.get(WILDCARD);
  const open = shape.openKeys || byName.has(WILDCARD);
  const present = new Set<string>();

  for (const entry of dict.entries) {
    present.add(entry.key);
    if (entry.key.trim() === '') {
      ctx.report.add(C.emptyKey, entry.keySpan, `Empty <key> in ${label}`);
      continue;
    }
    if (opts.skip?.has(entry.key)) continue;
    const schema = entry.key === WILDCARD ? undefined : byName.get(entry.key);
    const keyLabel = `\`${entry.key}\``;
    if (schema) {
      checkKeyPlatforms(ctx, schema, entry.keySpan);
      if (entry.value) checkNested(ctx, () => checkValue(ctx, entry.value!, schema, keyLabel));
      continue;
    }
    if (open) {
      if (extra && entry.value) {
        const schema = openMember(extra, entry.key, (t) => ctx.registry.get(t));
        checkNested(ctx, () => checkValue(ctx, entry.value!, schema, keyLabel));
      }
      // An open dictionary that also names its usual members (TCC services): a near miss is likely a typo.
      const near = names.names.length > 0 ? closestMatch(entry.key, names) : undefined;
      if (near) {
        ctx.report.add(C.unlistedKey, entry.keyContent.length > 0 ? entry.keyContent : entry.keySpan,
          `\`${entry.key}\` is not one of the names listed for ${label}; did you mean \`${near}\`?`, { data: { suggestion: near } });
      }
      continue;
    }
    reportUnknown(ctx, entry, shape, names, label);
  }

  const missing = shape.keys
    .filter((k) => k.presence === 'required' && k.key !== WILDCARD && !present.has(k.key) && !opts.skip?.has(k.key))
    .filter((k) => !(k.alternatives ?? []).some((a) => present.has(a)))
    .map((k) => k.key);
  if (missing.length > 0) {
    const names = missing.map((k) => `\`${k}\``).join(', ');
    const noun = missing.length === 1 ? 'key' : 'keys';
    ctx.report.add(C.missingRequiredKey, startTag(dict), `Missing required ${noun} ${names} in ${label}`, {
      data: { missingKeys: missing, payloadType: ctx.payloadType },
    });
  }
  for (const group of shape.oneOf ?? []) checkOneOf(ctx, dict, group, present, label);
}

function reportUnknown(ctx: ValidationContext, entry: DictNode['entries'][number], shape: DictShape, names: Candidates, label: string): void {
  const at = entry.keyContent.length > 0 ? entry.keyContent : entry.keySpan;
  const suggestion = closestMatch(entry.key, names);
  if (suggestion) {
    ctx.report.add(C.unknownKey, at, `Unknown key \`${entry.key}\` in ${label}; did you mean \`${suggestion}\`?`, { data: { suggestion } });
  } else if (shape.preferences) {
    ctx.report.add(C.unlistedPreference, at, `\`${entry.key}\` is not among the keys described for ${label}; the app may still read it`);
  } else if (shape.apple && looksLikeApple(entry.key, names.names)) {
    ctx.report.add(C.keyNewerThanData, at,
      `\`${entry.key}\` is not in the schema data for ${label}; it is named like Apple's own keys, so the data may predate the OS that added it`);
  } else {
    ctx.report.add(C.unknownKey, at, `Unknown key \`${entry.key}\` in ${label}`);
  }
}

/** Leading word of a key name: `allow` in `allowCamera`, `Allow` in `AllowAirPlay`. */
const leadingWord = (name: string): string | undefined => /^[a-z]+(?=[A-Z])|^[A-Z][a-z]+(?=[A-Z])/.exec(name)?.[0];

/**
 * Named like the schema's own keys: a reverse-DNS `com.apple.` name, or a camel-case name whose leading word
 * (allow, force, Disable...) starts at least three listed keys, as new restrictions do.
 */
function looksLikeApple(name: string, listed: readonly string[]): boolean {
  if (name.startsWith('com.apple.')) return true;
  const word = leadingWord(name);
  if (!word) return false;
  let n = 0;
  for (const k of listed) if (leadingWord(k) === word && ++n >= 3) return true;
  return false;
}

function checkOneOf(ctx: ValidationContext, dict: DictNode, group: OneOfGroup, present: ReadonlySet<string>, label: string): void {
  const there = group.keys.filter((k) => present.has(k));
  const names = group.keys.map((k) => `\`${k}\``).join(' or ');
  if (there.length === 0 && group.keys.length > 0) {
    ctx.report.add(C.missingRequiredKey, startTag(dict), `Missing ${names} in ${label}: one of them is required`, {
      data: { missingKeys: [group.keys[0]], alternatives: group.keys, payloadType: ctx.payloadType },
    });
  } else if (group.exclusive && there.length > 1) {
    const second = dict.entries.filter((e) => there.includes(e.key))[1];
    ctx.report.add(C.conflictingKeys, second ? second.keySpan : startTag(dict), `${label} sets both ${there.map((k) => `\`${k}\``).join(' and ')}; use only one of ${names}`, {
      data: { keys: there },
    });
  }
}

/** Deeply nested (hostile or broken) input must not exhaust the stack; past this depth values go unchecked. */
const MAX_DEPTH = 64;

export function checkNested(ctx: ValidationContext, run: () => void): void {
  if (ctx.depth >= MAX_DEPTH) return;
  ctx.depth++;
  try {
    run();
  } finally {
    ctx.depth--;
  }
}

/** The `<dict>` start tag: where "missing key" problems point. */
export function startTag(node: { span: Span; content: Span }): Span {
  const len = node.content.offset - node.span.offset;
  return { offset: node.span.offset, length: len > 0 && len <= node.span.length ? len : Math.min(node.span.length, 6) };
}
