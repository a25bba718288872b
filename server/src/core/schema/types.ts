// Shape of the generated schema files in schemas/ (one per payload type, plus index.json).
// Written by scripts/generateSchemas.ts; schemas/QUIRKS.md explains the fields we add beyond Apple's data.

export type SchemaType = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'array' | 'dictionary' | 'any';

/** Every platform Apple's data names, in the order settings and the CLI list them. */
export const PLATFORMS = ['macOS', 'iOS', 'tvOS', 'visionOS', 'watchOS'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How a payload or key behaves under User Enrollment or on Shared iPad. */
export type UsageMode = 'allowed' | 'required' | 'forbidden' | 'ignored';

export interface OsSupport {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  supervised?: boolean;
  /** Whether it installs on the device channel / user channel (macOS). */
  devicechannel?: boolean;
  userchannel?: boolean;
  multiple?: boolean;
  requiresdep?: boolean;
  userapprovedmdm?: boolean;
  allowmanualinstall?: boolean;
  userenrollment?: UsageMode;
  sharedipad?: UsageMode;
}

/** Platforms a key or payload is available on. A platform absent here is not supported. */
export type SupportedOS = Partial<Record<Platform, OsSupport>>;

/**
 * Keys of one dictionary of which at least one must be present (Apple marks one of them required but
 * documents the others as replacements). `exclusive`: at most one of them may be present.
 */
export interface OneOfGroup {
  keys: string[];
  exclusive?: boolean;
}

export interface KeySchema {
  key: string;
  title?: string;
  type: SchemaType;
  /** Other plist types deployed profiles use for this key and the OS accepts (see schemas/QUIRKS.md). */
  alsoAccepts?: SchemaType[];
  /** For `string`: a named format such as `email`, `url`, `hostname`, `uuid`. */
  valuetype?: string;
  presence: 'required' | 'optional';
  /** Optional, but expected: its absence deserves a warning, not an error (see schemas/QUIRKS.md). */
  recommended?: boolean;
  /** Sibling keys that can stand in for this one (members of the same `oneOf` group). */
  alternatives?: string[];
  /** Allowed values (strings or numbers). */
  rangelist?: (string | number | boolean)[];
  range?: { min?: number; max?: number };
  default?: string | number | boolean;
  /** A regular expression the string value must match. */
  format?: string;
  repetition?: { min?: number; max?: number };
  /** Effective platform support (payload support merged with the key's own). */
  supportedOS?: SupportedOS;
  /** Our own short description; never Apple's text. */
  description?: string;
  /**
   * Dictionary members, or for arrays the element schema (one entry; its `key` is only a placeholder name).
   * In memory the registry may make this graph cyclic (see `subkeysRef`): never JSON.stringify a loaded schema.
   */
  subkeys?: KeySchema[];
  /**
   * Recursive structures (a folder inside a home-screen page, sub-apps of an app): the subkeys are those of
   * the ancestor at this path of key names from the payload root. The registry resolves it on load.
   */
  subkeysRef?: string[];
  /** For `dictionary` with arbitrary keys: true when any key is accepted. */
  openKeys?: boolean;
  /** With `openKeys`: the schema every key not listed in `subkeys` must match (absent: anything). */
  additionalKeys?: KeySchema;
  /** For dictionaries (and array elements that are dictionaries): alternative-key requirements. */
  oneOf?: OneOfGroup[];
  /** True when the key is not in Apple's data but deployed profiles use it (see schemas/QUIRKS.md). */
  notInAppleData?: boolean;
  /**
   * For `com.apple.ManagedClient.preferences`: member names are preference domains, and the
   * `mcx_preference_settings` dictionaries below take that domain's schema (schema/preferences.ts).
   */
  preferenceDomain?: boolean;
  /** From a preference manifest: its facts come from a community file, not Apple's data (validate/keys.ts). */
  fromManifest?: boolean;
  /**
   * A managed-preferences settings dictionary shaped like its domain's schema: the app reads preferences the
   * schema may not describe, so unlisted names are noted rather than warned about.
   */
  preferenceSettings?: boolean;
}

export interface PayloadSchema {
  payloadType: string;
  title: string;
  description?: string;
  supportedOS: SupportedOS;
  keys: KeySchema[];
  /** Any key is accepted at the payload level (e.g. Ethernet payloads that pass keys through). */
  openKeys?: boolean;
  additionalKeys?: KeySchema;
  oneOf?: OneOfGroup[];
  /** True for payload types we add (preference domains published profiles use; see schemas/QUIRKS.md). */
  notInAppleData?: boolean;
  /** True when the schema comes from a preference manifest in a folder the user named (schema/manifest.ts). */
  fromManifest?: boolean;
  /** Source file(s) in Apple's data, relative to the data folder; several when variants were merged. */
  generatedFrom: string;
}

export interface SchemaIndexEntry {
  payloadType: string;
  title: string;
  file: string;
}
