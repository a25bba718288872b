// Plain fetch helpers for talking to the simulator the way a client would (no client library involved).
import type { TestContext } from 'node:test';
import { buildMultipart, startSimulator, type Simulator, type SimulatorOptions } from '../../../tenant/src/simulator/index';

export async function sim(t: TestContext, options: SimulatorOptions): Promise<Simulator> {
  const s = await startSimulator(options);
  t.after(() => s.stop());
  return s;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
}

export async function call(s: Simulator, method: string, path: string, init: { body?: string | Uint8Array; headers?: Record<string, string>; auth?: boolean } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.auth !== false) {
    if (s.vendor === 'kandji') headers['authorization'] ??= `Bearer ${s.token}`;
    else headers['x-api-key'] ??= s.token;
  }
  const res = await fetch(`${s.url}${path}`, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export const get = (s: Simulator, path: string, headers?: Record<string, string>): Promise<Answer> => call(s, 'GET', path, headers ? { headers } : {});

export function sendJson(s: Simulator, method: string, path: string, value: unknown): Promise<Answer> {
  return call(s, method, path, { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
}

export type Part = { name: string; value: string } | { name: string; filename: string; data: string | Uint8Array };

export function sendForm(s: Simulator, method: string, path: string, parts: Part[]): Promise<Answer> {
  const { body, contentType } = buildMultipart(parts);
  return call(s, method, path, { body: new Uint8Array(body), headers: { 'content-type': contentType } });
}

export const b64 = (text: string): string => Buffer.from(text).toString('base64');
