// Small runtime checks for vendor JSON, so `unknown` from JSON.parse never leaks as `any`. A failed check throws
// WireShapeError inside a wire parser; `parseWire` turns it into a bad-response ApiError at the boundary.
import { badResponse } from './errors';
import type { Http, RequestSpec } from './http';
import type { Result } from './tenantApi';

export class WireShapeError extends Error {
  override name = 'WireShapeError';
}

export type Json = Record<string, unknown>;

export function asObject(value: unknown, what: string): Json {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  throw new WireShapeError(`${what} is not an object`);
}

export function asArray(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new WireShapeError(`${what} is not a list`);
}

export function reqString(o: Json, key: string, what: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new WireShapeError(`${what} has no \`${key}\``);
}

export function optString(o: Json, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function optBool(o: Json, key: string, fallback: boolean): boolean {
  const v = o[key];
  return typeof v === 'boolean' ? v : fallback;
}

export function optNumber(o: Json, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Sets on `out` each of `fields` that has a value: optional fields the vendor left out or sent empty stay absent. */
export function setPresent<T extends object>(out: T, fields: Partial<T>): T {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Runs a wire parser; a shape failure becomes a bad-response error. */
export function parseWire<T>(parse: () => T): Result<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof WireShapeError) return { ok: false, error: badResponse(error.message) };
    throw error;
  }
}

/** One request whose JSON body goes through a wire parser: transport and shape failures both come back as values. */
export async function requestParsed<T>(http: Http, spec: RequestSpec, parse: (body: unknown) => T): Promise<Result<T>> {
  const res = await http.request(spec);
  if (!res.ok) return res;
  return parseWire(() => parse(res.value.body));
}
