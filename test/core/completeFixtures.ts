// Shared by the completion, hover, fixes and symbols tests: `|` cursor markers and a small schema set.
import type { KeySchema, PayloadSchema, SchemaIndexEntry } from '../../server/src/core/schema/types';
import type { SchemaLookup } from '../../server/src/core/complete/schemaContext';

/** Removes the single `|` marker and returns the text and its offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('expected exactly one | marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Applies non-overlapping edits (offsets into the original text). */
export function applyEdits(text: string, edits: { offset: number; length: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/** Snippet text with tab stops replaced by their defaults (`${1:x}` -> x, `${1|a,b|}` -> a, `$1` -> ''). */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

const wifi: PayloadSchema = {
  payloadType: 'com.apple.wifi.managed',
  title: 'Wi-Fi',
  supportedOS: { iOS: { introduced: '4.0' }, macOS: { introduced: '10.7' } },
  generatedFrom: 'test',
  keys: [
    { key: 'SSID_STR', type: 'string', presence: 'required', title: 'Network name' },
    { key: 'AutoJoin', type: 'boolean', presence: 'optional', default: true, title: 'Join automatically' },
    {
      key: 'EncryptionType', type: 'string', presence: 'optional', title: 'Security type',
      rangelist: ['WEP', 'WPA', 'WPA2', 'WPA3', 'Any', 'None'], default: 'Any',
    },
    { key: 'Priority', type: 'integer', presence: 'optional', range: { min: 0, max: 100 } },
    {
      key: 'EAPClientConfiguration', type: 'dictionary', presence: 'optional', title: 'Enterprise settings',
      subkeys: [
        { key: 'UserName', type: 'string', presence: 'optional' },
        { key: 'AcceptEAPTypes', type: 'array', presence: 'required', subkeys: [{ key: 'AcceptEAPTypesItem', type: 'integer', presence: 'required', rangelist: [13, 17, 18, 21, 23, 25, 43] }] },
      ],
    },
    {
      key: 'DomainRules', type: 'array', presence: 'optional',
      subkeys: [{ key: 'DomainRule', type: 'dictionary', presence: 'required', subkeys: [{ key: 'Domain', type: 'string', presence: 'required' }] }],
    },
  ],
};

const restrictions: PayloadSchema = {
  payloadType: 'com.apple.applicationaccess',
  title: 'Restrictions',
  supportedOS: { iOS: { introduced: '4.0' }, macOS: { introduced: '10.13' } },
  generatedFrom: 'test',
  keys: [
    {
      key: 'allowCamera', type: 'boolean', presence: 'optional', default: true, title: 'Allow camera',
      supportedOS: { iOS: { introduced: '4.0' }, macOS: { introduced: '10.11', deprecated: '14.0' } },
    },
    { key: 'allowAppRemoval', type: 'boolean', presence: 'optional', supportedOS: { iOS: { introduced: '4.0', supervised: true } } },
  ],
};

const common: KeySchema[] = [
  { key: 'PayloadType', type: 'string', presence: 'required' },
  { key: 'PayloadIdentifier', type: 'string', presence: 'required' },
  { key: 'PayloadUUID', type: 'string', presence: 'required' },
  { key: 'PayloadVersion', type: 'integer', presence: 'required', rangelist: [1] },
  { key: 'PayloadDisplayName', type: 'string', presence: 'optional' },
];

const topLevel: PayloadSchema = {
  payloadType: 'TopLevel',
  title: 'Profile',
  supportedOS: {},
  generatedFrom: 'test',
  keys: [
    { key: 'PayloadContent', type: 'array', presence: 'required' },
    { key: 'PayloadIdentifier', type: 'string', presence: 'required' },
    { key: 'PayloadUUID', type: 'string', presence: 'required' },
    { key: 'PayloadType', type: 'string', presence: 'required', rangelist: ['Configuration'] },
    { key: 'PayloadVersion', type: 'integer', presence: 'required', rangelist: [1] },
    { key: 'PayloadScope', type: 'string', presence: 'optional', rangelist: ['System', 'User'] },
  ],
};

const byType = new Map([wifi, restrictions].map((p) => [p.payloadType, p]));

export const testSchemas: SchemaLookup = {
  payload: (t) => byType.get(t),
  topLevel: () => topLevel,
  commonKeys: () => common,
  payloadTypes: (): SchemaIndexEntry[] => [...byType.values()].map((p) => ({ payloadType: p.payloadType, title: p.title, file: `${p.payloadType}.json` })),
};

/** A profile around the given payload dict bodies. */
export function profile(...payloadBodies: string[]): string {
  const payloads = payloadBodies.map((b) => `\t\t<dict>\n${b}\n\t\t</dict>`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<plist version="1.0">',
    '<dict>',
    '\t<key>PayloadContent</key>',
    '\t<array>',
    payloads,
    '\t</array>',
    '\t<key>PayloadIdentifier</key>',
    '\t<string>com.example.test</string>',
    '\t<key>PayloadType</key>',
    '\t<string>Configuration</string>',
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

export const wifiHead = '\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wifi.managed</string>';
