// Deterministic randomness and vendor-shaped identifiers (Kandji: UUIDs; JumpCloud: 24-hex ObjectIds).
export type Random = () => number;

/** mulberry32: small, fast and good enough for demo data; same seed, same tenant. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
export const intBetween = (rnd: Random, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

/** n hex digits, eight per random draw (the generator runs for tens of thousands of ids at startup). */
export function hex(rnd: Random, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(rnd() * 4294967296).toString(16).padStart(8, '0');
  return s.slice(0, n);
}

export function uuidFrom(rnd: Random): string {
  const h = hex(rnd, 32);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** MongoDB-style ObjectId: 4-byte seconds timestamp then 8 random bytes. */
export function objectIdFrom(rnd: Random, epochMs: number): string {
  return Math.floor(epochMs / 1000).toString(16).padStart(8, '0') + hex(rnd, 16);
}

export function newId(vendor: 'kandji' | 'jumpcloud', rnd: Random, nowMs: number): string {
  return vendor === 'kandji' ? uuidFrom(rnd) : objectIdFrom(rnd, nowMs);
}

export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OBJECT_ID_RE = /^[0-9a-f]{24}$/i;
