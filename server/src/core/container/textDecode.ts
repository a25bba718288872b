// Bytes to text for plist files: UTF-8 (with or without BOM) and UTF-16 with a BOM, or without one
// when the text starts with `<` (the XML declaration makes the byte order visible); a declared
// ISO-8859-1/Windows-1252 encoding is honoured, since old tools wrote profiles that way.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin-1';

/** Single-byte encodings an XML declaration may name; decoded as Latin-1 (Windows-1252 differs only in 0x80-0x9F). */
const SINGLE_BYTE = /^<\?xml[^>]*\bencoding\s*=\s*["'](iso-8859-1|latin-?1|windows-1252|cp1252)["']/i;

export interface DecodedText {
  /** The text without its byte order mark (editors drop it too, so offsets agree). */
  text: string;
  encoding: TextEncoding;
  hadBom: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8', hadBom: true };
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', hadBom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', hadBom: true };
  if (b0 === 0x3c && b1 === 0x00) return { text: decodeUtf16(bytes, true), encoding: 'utf-16le', hadBom: false };
  if (b0 === 0x00 && b1 === 0x3c) return { text: decodeUtf16(bytes, false), encoding: 'utf-16be', hadBom: false };
  const head = String.fromCharCode(...bytes.subarray(0, 100));
  if (SINGLE_BYTE.test(head.trimStart())) return { text: decodeLatin1(bytes), encoding: 'latin-1', hadBom: false };
  return { text: decodeUtf8(bytes), encoding: 'utf-8', hadBom: false };
}

function decodeLatin1(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) chunks.push(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192))));
  return chunks.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const chunks: string[] = [];
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (units.length >= 8192) {
      chunks.push(String.fromCharCode.apply(null, units));
      units.length = 0;
    }
  }
  chunks.push(String.fromCharCode.apply(null, units));
  return chunks.join('');
}

/** UTF-8 bytes of a string (for tests and for handing extracted text to byte-oriented tools). */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** UTF-8 to a string; malformed sequences become U+FFFD (core code has no TextDecoder). */
export function decodeUtf8(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const units: number[] = [];
  const flush = () => {
    chunks.push(String.fromCharCode.apply(null, units));
    units.length = 0;
  };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp = 0xfffd;
    let size = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0 && i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      size = 2;
    } else if (b >= 0xe0 && b < 0xf0 && i + 2 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const c = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
        cp = c;
        size = 3;
      }
    } else if (b >= 0xf0 && b < 0xf5 && i + 3 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
      const c = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (c >= 0x10000 && c <= 0x10ffff) {
        cp = c;
        size = 4;
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    i += size;
    if (units.length >= 8192) flush();
  }
  flush();
  return chunks.join('');
}
