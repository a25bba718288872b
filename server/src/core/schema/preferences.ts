// com.apple.ManagedClient.preferences carries other domains' preferences:
// PayloadContent → <domain> → Forced | Set-Once | Often → [ { mcx_preference_settings: {...} } ].
// Apple's schema leaves the settings open; when the domain has a schema (Apple's or a manifest's), the
// member for that domain is the same template with `mcx_preference_settings` shaped like the domain.

import type { KeySchema, PayloadSchema } from './types';

export const MANAGED_PREFERENCES = 'com.apple.ManagedClient.preferences';
const SETTINGS = 'mcx_preference_settings';

/** Marks the open `PayloadContent` member of the managed-preferences schema (called once on load). */
export function markPreferenceDomains(schema: PayloadSchema): void {
  if (schema.payloadType !== MANAGED_PREFERENCES) return;
  const content = schema.keys.find((k) => k.key === 'PayloadContent');
  if (content?.additionalKeys) content.additionalKeys = { ...content.additionalKeys, preferenceDomain: true };
}

const memo = new WeakMap<KeySchema, Map<string, KeySchema>>();

/**
 * The schema of member `name` of an open dictionary whose members follow `additional`. For a preference
 * domain with a known schema, the settings dictionaries take its keys; otherwise the template as is.
 */
export function openMember(additional: KeySchema, name: string, schemaOf: (domain: string) => PayloadSchema | undefined): KeySchema {
  if (!additional.preferenceDomain) return { ...additional, key: name };
  let byName = memo.get(additional);
  if (!byName) memo.set(additional, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const domain = name === MANAGED_PREFERENCES ? undefined : schemaOf(name);
    found = domain ? withDomain(additional, name, domain) : { ...additional, key: name };
    if (byName.size > 500) byName.clear();
    byName.set(name, found);
  }
  return found;
}

function withDomain(template: KeySchema, name: string, domain: PayloadSchema): KeySchema {
  const settings = (k: KeySchema): KeySchema =>
    k.key === SETTINGS && k.type === 'dictionary'
      ? { ...k, title: domain.title, description: domain.description, subkeys: domain.keys, openKeys: domain.openKeys ?? false, additionalKeys: domain.additionalKeys,
          fromManifest: domain.fromManifest, preferenceSettings: true }
      : k;
  // Forced / Set-Once / Often are arrays of dictionaries that hold the settings.
  const frequency = (k: KeySchema): KeySchema => {
    if (k.type !== 'array' || !k.subkeys?.[0]) return k;
    const element = k.subkeys[0];
    return { ...k, subkeys: [{ ...element, subkeys: element.subkeys?.map(settings) }] };
  };
  return { ...template, key: name, preferenceDomain: undefined, title: domain.title, subkeys: template.subkeys?.map(frequency) };
}
