// Text syntax of plist scalar values, shared by the parser (problems) and toValue (conversion).
//
// Decisions (matching what Apple's XML plist reader accepts, stated here because the DTD is silent):
// - <integer>: optional surrounding whitespace, optional sign, decimal digits or a 0x/0X hex number;
//   the value must fit in 64 bits (signed minimum -2^63, unsigned maximum 2^64-1).
// - <real>: a decimal number with optional fraction and exponent, or nan / inf / infinity (any case, signed).
// - <date>: exactly YYYY-MM-DDTHH:MM:SSZ (UTC), a real calendar date. No fractional seconds: CoreFoundation's
//   XML reader (CFPropertyList's date parser) reads two digits of seconds and then requires `Z`.
// - <data>: base64; whitespace anywhere is ignored, `=` padding only at the end.

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 64n - 1n;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

export function parseIntegerText(text: string): Parsed<number | bigint> {
  // Fast path for the common case: a few plain decimal digits.
  if (text.length > 0 && text.length <= 15) {
    let value = 0;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
    }
    if (i === text.length) return { ok: true, value };
  }
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'is empty' };
  const m = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))$/.exec(t);
  if (!m) return { ok: false, reason: `\`${shorten(t)}\` is not a whole number` };
  const magnitude = m[2] !== undefined ? BigInt('0x' + m[2]) : BigInt(m[3]);
  const big = m[1] === '-' ? -magnitude : magnitude;
  if (big < INT_MIN || big > INT_MAX) return { ok: false, reason: `\`${shorten(t)}\` does not fit in 64 bits` };
  const asNumber = Number(big);
  return { ok: true, value: Number.isSafeInteger(asNumber) ? asNumber : big };
}

export function parseRealText(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'is empty' };
  if (/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(t)) return { ok: true, value: Number(t) };
  const special = /^([+-]?)(nan|inf|infinity)$/i.exec(t);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return { ok: true, value: NaN };
    return { ok: true, value: special[1] === '-' ? -Infinity : Infinity };
  }
  return { ok: false, reason: `\`${shorten(t)}\` is not a number` };
}

export function parseDateText(text: string): Parsed<Date> {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(t);
  // Apple's reader takes two digits of seconds and then requires the Z: a fraction makes it refuse the file.
  if (!m && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[.,]\d+Z$/.test(t)) {
    return { ok: false, reason: `\`${shorten(t)}\` has fractional seconds, which Apple's plist reader refuses (whole seconds only)` };
  }
  if (!m) return { ok: false, reason: `\`${shorten(t)}\` is not in the form YYYY-MM-DDTHH:MM:SSZ` };
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d ||
    date.getUTCHours() !== h ||
    date.getUTCMinutes() !== mi ||
    date.getUTCSeconds() !== s
  ) {
    return { ok: false, reason: `\`${t}\` is not a real date and time` };
  }
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  date.setUTCFullYear(y);
  return { ok: true, value: date };
}

const BASE64_VALUE = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Checks base64 text without decoding it (cheap enough for multi-megabyte <data>). */
export function checkBase64Text(text: string): string | undefined {
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWs(c)) continue;
    if (c === 0x3d) {
      padding++;
      continue;
    }
    if (c >= 128 || BASE64_VALUE[c] < 0) return `\`${text[i]}\` is not a base64 character`;
    if (padding > 0) return '`=` padding appears before the end';
    count++;
  }
  if (padding > 2) return 'has too much `=` padding';
  if (count % 4 === 1) return 'has a length that no base64 encoding produces';
  if (padding > 0 && (count + padding) % 4 !== 0) return 'has the wrong amount of `=` padding';
  return undefined;
}

/** Decodes base64, skipping whitespace and characters outside the alphabet. */
export function decodeBase64Text(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) break;
    const v = c < 128 ? BASE64_VALUE[c] : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.slice(0, n);
}

function shorten(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
