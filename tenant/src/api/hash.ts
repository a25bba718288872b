// Content hash of a profile for conflict checks and sync. Two texts hash alike when they hold the same plist
// value apart from what the service rewrites on upload (top-level PayloadIdentifier / PayloadDisplayName, and
// PayloadUUID, whose rewriting is unverified) and apart from formatting: whitespace between elements, line
// endings, tabs versus spaces inside strings. Shared with sync so both agree on "unchanged".
import { createHash } from 'node:crypto';
import { parseBuffer } from 'bplist-parser';
import { XMLParser } from 'fast-xml-parser';

/** Top-level keys the service may rewrite on upload; never part of the comparison. */
export const REWRITTEN_TOP_LEVEL_KEYS: readonly string[] = ['PayloadIdentifier', 'PayloadDisplayName', 'PayloadUUID'];

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

function canonical(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (value instanceof Uint8Array) return `data:${Buffer.from(value).toString('base64')}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return String(value);
}

// fast-xml-parser in ordered mode: each node is { tag: children[] } (plus ':@' for attributes) or { '#text': s }.
type XmlNode = Record<string, unknown>;
const xml = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true, ignoreDeclaration: true, ignorePiTags: true });

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function textIn(children: XmlNode[]): string {
  return children.map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : '')).join('');
}

function plistValue(node: XmlNode): unknown {
  const tag = tagOf(node);
  const children = (tag ? node[tag] : []) as XmlNode[];
  switch (tag) {
    case 'dict': {
      const out: Record<string, unknown> = {};
      const elements = children.filter((c) => tagOf(c) !== undefined);
      for (let i = 0; i + 1 < elements.length; i += 2) {
        const keyNode = elements[i]!;
        out[textIn(keyNode.key as XmlNode[])] = plistValue(elements[i + 1]!);
      }
      return out;
    }
    case 'array':
      return children.filter((c) => tagOf(c) !== undefined).map(plistValue);
    case 'string':
      return textIn(children);
    case 'integer':
    case 'real':
      return Number(textIn(children));
    case 'true':
      return true;
    case 'false':
      return false;
    case 'date':
      return new Date(textIn(children));
    case 'data':
      return Buffer.from(textIn(children).replace(/\s+/g, ''), 'base64');
    default:
      throw new Error(`not a plist element: ${tag}`);
  }
}

function parseAny(bytes: Uint8Array): unknown {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 8).toString('latin1') === 'bplist00') return parseBuffer(buf)[0];
  const doc = xml.parse(buf.toString('utf8')) as XmlNode[];
  const root = doc.find((n) => tagOf(n) === 'plist');
  const value = root ? (root.plist as XmlNode[]).find((n) => tagOf(n) !== undefined) : undefined;
  if (!value) throw new Error('no plist root');
  return plistValue(value);
}

/**
 * The canonical form of a profile: sorted-key JSON of its plist value without the rewritten top-level keys.
 * Text that is not a readable plist (signed, truncated) falls back to its bytes with whitespace collapsed.
 */
export function normaliseProfile(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let value: unknown;
  try {
    value = parseAny(bytes);
  } catch {
    value = undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const top = { ...(value as Record<string, unknown>) };
    for (const key of REWRITTEN_TOP_LEVEL_KEYS) delete top[key];
    return JSON.stringify(canonical(top));
  }
  return `raw:${Buffer.from(bytes).toString('latin1').replace(/\s+/g, ' ').trim()}`;
}

/** `sha256:<hex>` of the normalised profile. */
export function profileHash(input: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(normaliseProfile(input)).digest('hex')}`;
}
