// Shape of the generated schema files in schemas/ (one per payload type, plus index.json).

export type SchemaType = 'string' | 'integer' | 'real' | 'boolean' | 'date' | 'data' | 'array' | 'dictionary' | 'any';

export type Platform = 'macOS' | 'iOS' | 'tvOS' | 'visionOS' | 'watchOS';

export interface OsSupport {
  introduced?: string;
  deprecated?: string;
  removed?: string;
  supervised?: boolean;
  /** Whether it installs on the device channel / user channel (macOS). */
  devicechannel?: boolean;
  userchannel?: boolean;
  multiple?: boolean;
}

/** Platforms a key or payload is available on. A platform absent here is not supported. */
export type SupportedOS = Partial<Record<Platform, OsSupport>>;

export interface KeySchema {
  key: string;
  title?: string;
  type: SchemaType;
  /** For `string`: a named format such as `email`, `url`, `hostname`, `uuid`. */
  valuetype?: string;
  presence: 'required' | 'optional';
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
  /** Dictionary members, or for arrays the element schema(s). */
  subkeys?: KeySchema[];
  /** For `dictionary` with arbitrary keys: true when any key is accepted. */
  openKeys?: boolean;
}

export interface PayloadSchema {
  payloadType: string;
  title: string;
  description?: string;
  supportedOS: SupportedOS;
  keys: KeySchema[];
  generatedFrom: string;
}

export interface SchemaIndexEntry {
  payloadType: string;
  title: string;
  file: string;
}
