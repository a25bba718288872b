// Corrections to Apple's data so that profiles Macs and iPhones really accept get no false errors.
// Each quirk says why in our own words; generate.ts writes them to schemas/QUIRKS.md and fails when a
// quirk no longer finds what it fixes (the data changed: re-check the quirk).
import type { KeySchema, PayloadSchema, SchemaType } from '../../server/src/core/schema/types';

export interface Quirk {
  id: string;
  /** Payload types touched; `_TopLevel` and `_CommonPayloadKeys` are the profile-level and shared keys. */
  payloadTypes: string[];
  summary: string;
  apply(schema: PayloadSchema): void;
}

function keyAt(keys: KeySchema[], path: string[], where: string): KeySchema {
  let list = keys;
  let found: KeySchema | undefined;
  for (const name of path) {
    found = list.find((k) => k.key === name);
    if (!found) throw new Error(`quirk target ${where}: ${path.join('/')} not found`);
    list = found.subkeys ?? [];
  }
  if (!found) throw new Error(`quirk target ${where}: empty path`);
  return found;
}

function addKey(keys: KeySchema[], key: KeySchema, where: string): void {
  if (keys.some((k) => k.key === key.key)) throw new Error(`quirk ${where}: ${key.key} is in Apple's data now; drop the quirk`);
  keys.push({ ...key, notInAppleData: true });
}

const optional = (key: string, type: SchemaType, extra: Partial<KeySchema> = {}): KeySchema => ({ key, type, presence: 'optional', ...extra });

/** Where Apple's data says macOS support for a key we add, we do not invent it: the payload's support applies. */
export const quirks: Quirk[] = [
  {
    id: 'payload-enabled',
    payloadTypes: ['_TopLevel', '_CommonPayloadKeys'],
    summary: '`PayloadEnabled` (boolean) is written by Profile Manager, iMazing and most MDM exports at the profile level and in ' +
      'payloads; Apple\'s data does not list it. We add it as a known optional key so it is not reported as unknown.',
    apply: (s) => addKey(s.keys, optional('PayloadEnabled', 'boolean'), s.payloadType),
  },
  {
    id: 'payload-version-recommended',
    payloadTypes: ['_CommonPayloadKeys'],
    summary: 'Inside a payload, the data requires `PayloadVersion` and allows only 1. Published vendor profiles omit it or use ' +
      'other numbers and still install. It is optional with `recommended: true` here (a missing one is worth a warning), ' +
      'and any integer is accepted. The profile-level `PayloadVersion` keeps its rule (required, 1).',
    apply: (s) => {
      const version = keyAt(s.keys, ['PayloadVersion'], s.payloadType);
      version.presence = 'optional';
      version.recommended = true;
      delete version.rangelist;
    },
  },
  {
    id: 'consent-text-languages',
    payloadTypes: ['_TopLevel'],
    summary: '`ConsentText` is a dictionary keyed by language code (`default`, `en`, `de-DE`, ...) with string values. The data ' +
      'models it as a dictionary holding a placeholder dictionary; we make it an open dictionary of strings.',
    apply: (s) => {
      const consent = keyAt(s.keys, ['ConsentText'], s.payloadType);
      delete consent.subkeys;
      consent.openKeys = true;
      consent.additionalKeys = optional('language', 'string');
    },
  },
  {
    id: 'tcc-allowed-or-authorization',
    payloadTypes: ['com.apple.TCC.configuration-profile-policy'],
    summary: 'Each privacy (PPPC/TCC) entry needs exactly one of `Allowed` (boolean) and `Authorization` (string, macOS 11+). ' +
      'The data marks `Allowed` required, which would flag every profile that uses `Authorization`. Both are optional ' +
      'here; the entry carries `oneOf: [{keys: [Allowed, Authorization], exclusive: true}]` and each key lists the other ' +
      'in `alternatives`: the validator reports a missing pair (neither present) or both present.',
    apply: (s) => {
      const services = keyAt(s.keys, ['Services'], s.payloadType);
      for (const service of services.subkeys ?? []) {
        const entry = service.subkeys?.[0];
        if (!entry?.subkeys) throw new Error(`quirk target ${s.payloadType}: ${service.key} has no entry schema`);
        const allowed = keyAt(entry.subkeys, ['Allowed'], s.payloadType);
        const authorization = keyAt(entry.subkeys, ['Authorization'], s.payloadType);
        allowed.presence = 'optional';
        allowed.alternatives = ['Authorization'];
        authorization.presence = 'optional';
        authorization.alternatives = ['Allowed'];
        entry.oneOf = [{ keys: ['Allowed', 'Authorization'], exclusive: true }];
      }
    },
  },
  {
    id: 'tcc-integer-booleans',
    payloadTypes: ['com.apple.TCC.configuration-profile-policy'],
    summary: 'Published privacy profiles written by older tools store `Allowed` and `StaticCode` as `<integer>` 1/0 instead of ' +
      '`<true/>`/`<false/>`, and macOS reads them as booleans. Both keys carry `alsoAccepts: [integer]`.',
    apply: (s) => {
      const services = keyAt(s.keys, ['Services'], s.payloadType);
      for (const service of services.subkeys ?? []) {
        const entry = service.subkeys?.[0];
        for (const name of ['Allowed', 'StaticCode']) keyAt(entry?.subkeys ?? [], [name], s.payloadType).alsoAccepts = ['integer'];
      }
    },
  },
  {
    id: 'tcc-services-open',
    payloadTypes: ['com.apple.TCC.configuration-profile-policy'],
    summary: 'Apple adds privacy services with new macOS releases before the data lists them. `Services` stays a dictionary of ' +
      'the known service names (for completion and hover) but is open: any other service name is accepted when its ' +
      'value has the same shape as a known service (an array of entries). A validator may mention an unlisted service ' +
      'name at information level, never as an error.',
    apply: (s) => {
      const services = keyAt(s.keys, ['Services'], s.payloadType);
      const sample = keyAt(services.subkeys ?? [], ['Accessibility'], s.payloadType);
      const { title: _title, supportedOS: _os, ...shape } = sample;
      services.openKeys = true;
      services.additionalKeys = { ...shape, key: 'ServiceName', presence: 'optional' };
    },
  },
  {
    id: 'managed-preferences-often',
    payloadTypes: ['com.apple.ManagedClient.preferences'],
    summary: 'Custom settings payloads are keyed by preference domain (any name). Besides `Forced` and `Set-Once`, deployed ' +
      'profiles use the `Often` frequency, and each entry may carry `mcx_data_timestamp` (a date) next to ' +
      '`mcx_preference_settings`, whose content is whatever the app reads and is never checked. The data lacks `Often` ' +
      'and `mcx_data_timestamp`; we add them.',
    apply: (s) => {
      const domain = keyAt(s.keys, ['PayloadContent'], s.payloadType).additionalKeys;
      if (!domain?.subkeys) throw new Error(`quirk target ${s.payloadType}: no schema for preference domains`);
      const forced = keyAt(domain.subkeys, ['Forced'], s.payloadType);
      const entry = forced.subkeys?.[0];
      if (!entry?.subkeys) throw new Error(`quirk target ${s.payloadType}: Forced has no entry schema`);
      addKey(entry.subkeys, optional('mcx_data_timestamp', 'date'), s.payloadType);
      for (const list of domain.subkeys) {
        const listEntry = list.subkeys?.[0];
        if (listEntry?.subkeys && listEntry !== entry && !listEntry.subkeys.some((k) => k.key === 'mcx_data_timestamp')) {
          addKey(listEntry.subkeys, optional('mcx_data_timestamp', 'date'), s.payloadType);
        }
      }
      addKey(domain.subkeys, { ...forced, key: 'Often' }, s.payloadType);
    },
  },
  {
    id: 'media-controls-alert',
    payloadTypes: ['com.apple.systemuiserver'],
    summary: 'The media access lists (`mount-controls`, `unmount-controls` per media type) allow authenticate, read-only, deny ' +
      'and eject in the data; published profiles also use `alert`, a value of the older managed-client media settings. ' +
      'We accept it so those profiles are not flagged.',
    apply: (s) => {
      let touched = 0;
      for (const control of ['mount-controls', 'unmount-controls']) {
        for (const media of keyAt(s.keys, [control], s.payloadType).subkeys ?? []) {
          const action = media.subkeys?.[0];
          if (action?.rangelist && !action.rangelist.includes('alert')) { action.rangelist.push('alert'); touched++; }
        }
      }
      if (touched === 0) throw new Error('quirk media-controls-alert: no media action list found');
    },
  },
  {
    id: 'vpn-remote-address',
    payloadTypes: ['com.apple.vpn.managed'],
    summary: '`RemoteAddress` (string, the server address) belongs in the `VPN` dictionary of custom and SSL VPN payloads, as it does ' +
      'in `IPSec` and `IKEv2`; vendor profiles (FortiClient, for one) set it there. The data lacks it in `VPN`; we add it.',
    apply: (s) => addKey(keyAt(s.keys, ['VPN'], s.payloadType).subkeys!, optional('RemoteAddress', 'string'), s.payloadType),
  },
  {
    id: 'restrictions-newer-than-data',
    payloadTypes: ['com.apple.applicationaccess'],
    summary: 'Restrictions that shipped after this snapshot of the data and appear in published profiles: ' +
      '`allowAppleIntelligenceReport`, `allowMailSmartReplies`, `allowNotesTranscriptionSummary` (booleans) and ' +
      '`allowedExternalIntelligenceWorkspaceIDs` (array of strings). Known keys, so no unknown-key warning.',
    apply: (s) => {
      for (const name of ['allowAppleIntelligenceReport', 'allowMailSmartReplies', 'allowNotesTranscriptionSummary']) {
        addKey(s.keys, optional(name, 'boolean'), s.payloadType);
      }
      addKey(s.keys, optional('allowedExternalIntelligenceWorkspaceIDs', 'array', { subkeys: [optional('WorkspaceID', 'string')] }), s.payloadType);
    },
  },
  {
    id: 'login-window-extras',
    payloadTypes: ['com.apple.loginwindow'],
    summary: '`RetriesUntilHint` (integer; 0 hides the password hint) is a long-standing login window preference that ' +
      'published profiles set in `com.apple.loginwindow`; `DisableLoginItemsSuppression` (boolean) is listed by the data ' +
      'only under the separate `loginwindow` payload type but is used in `com.apple.loginwindow` as well.',
    apply: (s) => {
      addKey(s.keys, optional('RetriesUntilHint', 'integer'), s.payloadType);
      addKey(s.keys, optional('DisableLoginItemsSuppression', 'boolean'), s.payloadType);
    },
  },
  {
    id: 'finder-trash',
    payloadTypes: ['com.apple.finder'],
    summary: '`FXRemoveOldTrashItems` (boolean: empty items from the Trash after 30 days) is a Finder preference that published ' +
      'profiles set; the data lacks it.',
    apply: (s) => addKey(s.keys, optional('FXRemoveOldTrashItems', 'boolean'), s.payloadType),
  },
  {
    id: 'global-preferences-32bit-warning',
    payloadTypes: ['.GlobalPreferences'],
    summary: '`CSUIDisable32BitWarning` (boolean, macOS 10.13-10.14) is set in `.GlobalPreferences` by published profiles; the ' +
      'data lacks it.',
    apply: (s) => addKey(s.keys, optional('CSUIDisable32BitWarning', 'boolean'), s.payloadType),
  },
];

/**
 * macOS reads any preference domain as a payload type (managed preferences). These Apple domains appear as
 * payload types in published profiles; they get open schemas so they are known, without claiming their keys.
 */
export const preferenceDomains = {
  id: 'apple-preference-domains',
  summary: 'macOS applies any preference domain given as a payload type. Published profiles use these Apple domains that ' +
    'have no schema in the data: ',
  domains: ['com.apple.NetworkBrowser', 'com.apple.SubmitDiagInfo', 'com.apple.Terminal', 'com.apple.controlcenter',
    'com.apple.coreservices.uiagent', 'com.apple.screensaver.ByHost'],
  tail: '. Each gets an open schema (macOS, any key), so it is a known payload type; a misspelt `com.apple.` type still ' +
    'gets the unknown-type warning.',
};

export function preferenceDomainSchemas(): PayloadSchema[] {
  return preferenceDomains.domains.map((domain) => ({
    payloadType: domain, title: `${domain} preferences`, supportedOS: { macOS: {} }, keys: [], openKeys: true,
    notInAppleData: true, generatedFrom: `quirk ${preferenceDomains.id} (scripts/schemaGen/quirks.ts)`,
  }));
}

/** Quirks with no code: how the generator reads the data. Listed in QUIRKS.md beside the table above. */
export const conventions: { id: string; summary: string }[] = [
  {
    id: 'any-key',
    summary: 'A dictionary member named `ANY` in the data means "any key name". We drop it from `subkeys` and set ' +
      '`openKeys: true` on the dictionary, with `additionalKeys` holding the value schema (absent when any value goes).',
  },
  {
    id: 'array-element',
    summary: 'An array\'s `subkeys` holds exactly one entry: the element schema. Its `key` is a placeholder name from the data ' +
      '(for example `PayloadContentItem`), not a key in the profile.',
  },
  {
    id: 'recursive-structures',
    summary: 'A few structures nest into themselves (home-screen folders holding pages of icons; sub-apps of an allowed app). ' +
      'The data expresses that with YAML aliases that form a cycle. We write `subkeysRef` (the path of key names from ' +
      'the payload root to the ancestor whose members repeat) and the registry links it back on load.',
  },
  {
    id: 'variants-merged',
    summary: 'Some payload types are split over several files (six `com.apple.MCX` facets such as energy saver and mobile ' +
      'accounts; a Kerberos flavour of `com.apple.extensiblesso`). One schema per payload type merges them: every key ' +
      'is known, a key is required only when every facet requires it, and a dictionary is open when any facet opens it ' +
      '(`ExtensionData` takes any key in general and lists the Kerberos ones). `generatedFrom` names every source file.',
  },
  {
    id: 'date-type',
    summary: 'Apple marks `<date>` as deprecated in its format in favour of strings with a date `valuetype`, but configuration ' +
      'profiles still carry `<date>` elements (`RemovalDate`, `PayloadExpirationDate`). We keep `date` as a plist type.',
  },
  {
    id: 'subtype',
    summary: 'The deprecated `subtype` field (two keys) is read as `valuetype` (`hostname`, `url`).',
  },
  {
    id: 'platform-support',
    summary: 'A platform marked `introduced: n/a` is left out of `supportedOS` (absent = unsupported). A key inherits the ' +
      'payload\'s per-platform facts and overrides them with its own, and a nested key inherits from its parent key. ' +
      'Install-channel facts (`multiple`, `devicechannel`, `userchannel`, `requiresdep`, `userapprovedmdm`, ' +
      '`allowmanualinstall`) stay on the payload unless a key overrides them. Only the `mode` of `userenrollment` and ' +
      '`sharedipad` is kept.',
  },
  {
    id: 'no-prose',
    summary: 'Apple\'s `content` and `description` texts are not carried over. Titles, names, types, allowed values, ranges, ' +
      'defaults, formats, repetition, presence and platform facts are.',
  },
  {
    id: 'added-keys',
    summary: 'Keys we add carry `notInAppleData: true`, so hover can say where the fact comes from.',
  },
];
