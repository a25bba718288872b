// The subset of Apple's device-management YAML format (docs/schema.md in the data) that the generator reads.
// `content`, `description` and notes are Apple's prose: they are parsed but never carried over.

export interface RawOs {
  introduced?: string | number;
  deprecated?: string | number;
  removed?: string | number;
  supervised?: boolean;
  devicechannel?: boolean;
  userchannel?: boolean;
  multiple?: boolean;
  requiresdep?: boolean;
  userapprovedmdm?: boolean;
  allowmanualinstall?: boolean;
  userenrollment?: { mode?: string };
  sharedipad?: { mode?: string };
}

export type RawSupportedOS = Record<string, RawOs | null | undefined>;

export interface RawKey {
  key: string;
  title?: string;
  type: string;
  subtype?: string;
  valuetype?: string;
  presence?: string;
  rangelist?: unknown[];
  range?: { min?: number; max?: number };
  default?: unknown;
  format?: string;
  repetition?: { min?: number; max?: number };
  supportedOS?: RawSupportedOS;
  subkeys?: RawKey[];
}

export interface RawProfileDoc {
  title: string;
  payload: { payloadtype: string; supportedOS?: RawSupportedOS };
  payloadkeys?: RawKey[];
}

export function isRawProfileDoc(value: unknown): value is RawProfileDoc {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as Partial<RawProfileDoc>;
  return typeof doc.title === 'string' && typeof doc.payload?.payloadtype === 'string';
}
