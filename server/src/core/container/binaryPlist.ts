// Binary property lists (`bplist00`) to XML plist text, so a binary profile goes through the same
// parser, validation and viewer as an XML one. Our own decoder rather than a JS-value library:
// a JS number cannot say whether it was an <integer> or a <real> (48 vs 48.0), and the type is
// exactly what validation checks. Bounded against hostile input: no cycles, limited depth and size.

import { escapeText } from '../xml/entities';

export type BinaryPlistResult = { ok: true; xml: string } | { ok: false; reason: string };

const MAX_DEPTH = 512;
/** Shared references can make a small file expand exponentially; stop well before memory runs out. */
const MAX_EMITTED_OBJECTS = 2_000_000;
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);

class BinaryPlistError extends Error {}

export function binaryPlistToXml(bytes: Uint8Array): BinaryPlistResult {
  try {
    return { ok: true, xml: convert(bytes) };
  } catch (e) {
    // Only our own BinaryPlistError is expected; anything else is a bug and should surface.
    if (e instanceof BinaryPlistError) return { ok: false, reason: e.message };
    throw e;
  }
}

function convert(bytes: Uint8Array): string {
  const fail = (why: string): never => {
    throw new BinaryPlistError(why);
  };
  const header = String.fromCharCode(...bytes.subarray(0, 8));
  if (!header.startsWith('bplist')) fail('the file does not start with "bplist"');
  if (header !== 'bplist00') fail(`binary plist version "${header.slice(6)}" is not supported (only 00)`);
  if (bytes.length < 8 + 32) fail('the file is too short to hold a binary plist trailer');

  const trailer = bytes.length - 32;
  const offsetSize = bytes[trailer + 6];
  const refSize = bytes[trailer + 7];
  const objectCount = readUnsigned(bytes, trailer + 8, 8);
  const topObject = readUnsigned(bytes, trailer + 16, 8);
  const tableOffset = readUnsigned(bytes, trailer + 24, 8);
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) fail('the trailer has invalid integer sizes');
  if (topObject >= objectCount) fail('the top object is outside the object table');
  if (tableOffset + objectCount * offsetSize > trailer || tableOffset < 8) fail('the offset table is outside the file');

  const offsetOf = (ref: number): number => {
    if (ref >= objectCount) fail(`object reference ${ref} is outside the object table`);
    const offset = readUnsigned(bytes, tableOffset + ref * offsetSize, offsetSize);
    if (offset < 8 || offset >= tableOffset) fail(`object ${ref} starts outside the object area`);
    return offset;
  };
  const need = (at: number, count: number): void => {
    if (at + count > tableOffset) fail('an object runs past the end of the object area');
  };

  /** Length from the low nibble, or from the following int object when the nibble is 0xF. */
  const lengthAt = (offset: number): { length: number; start: number } => {
    const nibble = bytes[offset] & 0x0f;
    if (nibble !== 0x0f) return { length: nibble, start: offset + 1 };
    const marker = bytes[offset + 1];
    if (marker >> 4 !== 0x1) fail('a length is not encoded as an integer');
    const size = 1 << (marker & 0x0f);
    need(offset + 2, size);
    if (size > 8) fail('a length does not fit in 64 bits');
    return { length: readUnsigned(bytes, offset + 2, size), start: offset + 2 + size };
  };

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n'];
  const onPath = new Set<number>();
  let emitted = 0;

  const emit = (ref: number, depth: number): void => {
    if (++emitted > MAX_EMITTED_OBJECTS) fail('the plist expands to too many objects');
    if (depth > MAX_DEPTH) fail('the plist nests too deeply');
    if (onPath.has(ref)) fail(`object ${ref} contains itself`);
    const indent = '\t'.repeat(depth);
    const offset = offsetOf(ref);
    const marker = bytes[offset];
    const kind = marker >> 4;
    const info = marker & 0x0f;
    switch (kind) {
      case 0x0:
        if (info === 0x8 || info === 0x9) return void out.push(`${indent}<${info === 0x9 ? 'true' : 'false'}/>\n`);
        return fail(info === 0 ? 'a null value has no XML plist form' : `unknown simple value 0x${marker.toString(16)}`);
      case 0x1: {
        const size = 1 << info;
        need(offset + 1, size);
        return void out.push(`${indent}<integer>${readInteger(bytes, offset + 1, size)}</integer>\n`);
      }
      case 0x2: {
        const size = 1 << info;
        need(offset + 1, size);
        if (size !== 4 && size !== 8) fail(`a real of ${size} bytes is not supported`);
        const view = new DataView(bytes.buffer, bytes.byteOffset + offset + 1, size);
        return void out.push(`${indent}<real>${formatReal(size === 4 ? view.getFloat32(0) : view.getFloat64(0))}</real>\n`);
      }
      case 0x3: {
        need(offset + 1, 8);
        const seconds = new DataView(bytes.buffer, bytes.byteOffset + offset + 1, 8).getFloat64(0);
        const date = new Date(APPLE_EPOCH_MS + Math.floor(seconds) * 1000);
        if (Number.isNaN(date.getTime())) fail('a date is out of range');
        return void out.push(`${indent}<date>${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}</date>\n`);
      }
      case 0x4: {
        const { length, start } = lengthAt(offset);
        need(start, length);
        return void out.push(`${indent}<data>${encodeBase64(bytes.subarray(start, start + length))}</data>\n`);
      }
      case 0x5:
      case 0x6: {
        const { length, start } = lengthAt(offset);
        const text = kind === 0x5 ? latin1(bytes, start, length, need) : utf16be(bytes, start, length, need);
        return void out.push(`${indent}<string>${escapeText(text)}</string>\n`);
      }
      case 0x8: {
        need(offset + 1, info + 1);
        const uid = readUnsigned(bytes, offset + 1, info + 1);
        return void out.push(`${indent}<dict>\n${indent}\t<key>CF$UID</key>\n${indent}\t<integer>${uid}</integer>\n${indent}</dict>\n`);
      }
      case 0xa:
      case 0xc: {
        const { length, start } = lengthAt(offset);
        need(start, length * refSize);
        if (length === 0) return void out.push(`${indent}<array/>\n`);
        onPath.add(ref);
        out.push(`${indent}<array>\n`);
        for (let i = 0; i < length; i++) emit(readUnsigned(bytes, start + i * refSize, refSize), depth + 1);
        out.push(`${indent}</array>\n`);
        onPath.delete(ref);
        return;
      }
      case 0xd: {
        const { length, start } = lengthAt(offset);
        need(start, 2 * length * refSize);
        if (length === 0) return void out.push(`${indent}<dict/>\n`);
        onPath.add(ref);
        out.push(`${indent}<dict>\n`);
        for (let i = 0; i < length; i++) {
          const keyRef = readUnsigned(bytes, start + i * refSize, refSize);
          out.push(`${indent}\t<key>${escapeText(keyText(keyRef))}</key>\n`);
          emit(readUnsigned(bytes, start + (length + i) * refSize, refSize), depth + 1);
        }
        out.push(`${indent}</dict>\n`);
        onPath.delete(ref);
        return;
      }
      default:
        return fail(`unknown object type 0x${marker.toString(16)}`);
    }
  };

  const keyText = (ref: number): string => {
    const offset = offsetOf(ref);
    const kind = bytes[offset] >> 4;
    if (kind !== 0x5 && kind !== 0x6) fail(`a dictionary key (object ${ref}) is not a string`);
    const { length, start } = lengthAt(offset);
    return kind === 0x5 ? latin1(bytes, start, length, need) : utf16be(bytes, start, length, need);
  };

  emit(topObject, 0);
  out.push('</plist>\n');
  return out.join('');
}

function readUnsigned(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** 1, 2 and 4 byte integers are unsigned, 8 bytes signed; 16 bytes keep the low 64 bits signed. */
function readInteger(bytes: Uint8Array, at: number, size: number): string {
  let value = 0n;
  const from = size > 8 ? at + size - 8 : at;
  for (let i = from; i < at + size; i++) value = (value << 8n) | BigInt(bytes[i]);
  if (size >= 8 && value >= 1n << 63n) value -= 1n << 64n;
  return value.toString();
}

function formatReal(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? '+infinity' : '-infinity';
  return String(n);
}

function latin1(bytes: Uint8Array, start: number, length: number, need: (at: number, n: number) => void): string {
  need(start, length);
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(bytes[start + i]);
  return s;
}

function utf16be(bytes: Uint8Array, start: number, length: number, need: (at: number, n: number) => void): string {
  need(start, length * 2);
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode((bytes[start + 2 * i] << 8) | bytes[start + 2 * i + 1]);
  return s;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    parts.push(
      BASE64[a >> 2] +
        BASE64[((a & 3) << 4) | (b >> 4)] +
        (i + 1 < bytes.length ? BASE64[((b & 15) << 2) | (c >> 6)] : '=') +
        (i + 2 < bytes.length ? BASE64[c & 63] : '='),
    );
  }
  return parts.join('');
}
