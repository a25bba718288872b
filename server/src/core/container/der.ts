// A minimal ASN.1 BER/DER reader: just enough to walk a CMS SignedData structure. It handles
// definite and indefinite lengths (signing tools emit both) and never throws: a malformed
// element comes back as `undefined` and callers report "not a readable signature".

import { decodeUtf8 } from './textDecode';

export interface Tlv {
  /** Tag class: 0 universal, 1 application, 2 context-specific, 3 private. */
  cls: number;
  constructed: boolean;
  tagNumber: number;
  /** Offset of the identifier byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content (before the end-of-contents marker for indefinite lengths). */
  contentEnd: number;
  /** Offset just past the whole element. */
  end: number;
}

export const Tag = {
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  t61String: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  universalString: 28,
  bmpString: 30,
} as const;

/** Deeper than any real certificate or signature; bounds the work on hostile input. */
const MAX_DEPTH = 48;

export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, depth = 0): Tlv | undefined {
  if (depth > MAX_DEPTH || offset >= limit) return undefined;
  let p = offset;
  const first = bytes[p++];
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    // High tag number form: base-128 digits, the last without the top bit.
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit || i > 4) return undefined;
      const b = bytes[p++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) return undefined;
  const lengthByte = bytes[p++];
  if (lengthByte === 0x80) {
    // Indefinite length: only for constructed elements; children run until 00 00.
    if (!constructed) return undefined;
    const contentStart = p;
    while (p < limit) {
      if (p + 1 < limit && bytes[p] === 0 && bytes[p + 1] === 0) {
        return { cls, constructed, tagNumber, start: offset, contentStart, contentEnd: p, end: p + 2 };
      }
      const child = readTlv(bytes, p, limit, depth + 1);
      if (!child) return undefined;
      p = child.end;
    }
    return undefined;
  }
  let length = lengthByte;
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4 || p + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[p++];
  }
  if (p + length > limit) return undefined;
  return { cls, constructed, tagNumber, start: offset, contentStart: p, contentEnd: p + length, end: p + length };
}

/** The elements inside a constructed element (undefined if any of them is malformed). */
export function childrenOf(bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] | undefined {
  if (!parent.constructed) return undefined;
  const children: Tlv[] = [];
  let p = parent.contentStart;
  while (p < parent.contentEnd) {
    const child = readTlv(bytes, p, parent.contentEnd, depth + 1);
    if (!child) return undefined;
    children.push(child);
    p = child.end;
  }
  return children;
}

export function isUniversal(tlv: Tlv | undefined, tagNumber: number): tlv is Tlv {
  return tlv !== undefined && tlv.cls === 0 && tlv.tagNumber === tagNumber;
}

export function isContext(tlv: Tlv | undefined, tagNumber: number): tlv is Tlv {
  return tlv !== undefined && tlv.cls === 2 && tlv.tagNumber === tagNumber;
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function oidOf(bytes: Uint8Array, tlv: Tlv): string {
  const parts: number[] = [];
  let value = 0;
  for (let p = tlv.contentStart; p < tlv.contentEnd; p++) {
    value = value * 128 + (bytes[p] & 0x7f);
    if ((bytes[p] & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/**
 * The bytes of an OCTET STRING, joining the pieces of a constructed (chunked) one, as BER allows
 * and some signing tools produce for the signed content.
 */
export function octetsOf(bytes: Uint8Array, tlv: Tlv, depth = 0): Uint8Array | undefined {
  if (!tlv.constructed) return bytes.subarray(tlv.contentStart, tlv.contentEnd);
  const children = childrenOf(bytes, tlv, depth);
  if (!children) return undefined;
  const pieces: Uint8Array[] = [];
  for (const child of children) {
    const piece = octetsOf(bytes, child, depth + 1);
    if (!piece || depth > MAX_DEPTH) return undefined;
    pieces.push(piece);
  }
  const total = pieces.reduce((n, piece) => n + piece.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Text of a directory string (UTF8String, PrintableString, IA5String, T61String, BMPString...). */
export function stringOf(bytes: Uint8Array, tlv: Tlv): string {
  const content = bytes.subarray(tlv.contentStart, tlv.contentEnd);
  if (tlv.tagNumber === Tag.bmpString) {
    let s = '';
    for (let i = 0; i + 1 < content.length; i += 2) s += String.fromCharCode((content[i] << 8) | content[i + 1]);
    return s;
  }
  if (tlv.tagNumber === Tag.universalString) {
    let s = '';
    for (let i = 0; i + 3 < content.length; i += 4) {
      const cp = ((content[i] << 24) | (content[i + 1] << 16) | (content[i + 2] << 8) | content[i + 3]) >>> 0;
      s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return s;
  }
  if (tlv.tagNumber === Tag.utf8String) return decodeUtf8(content);
  // PrintableString, IA5String, T61String (treated as Latin-1), VisibleString...
  let s = '';
  for (let i = 0; i < content.length; i++) s += String.fromCharCode(content[i]);
  return s;
}
