// What the simulator saw: one entry per request, secrets redacted, so tests can assert on calls
// (no duplicate create after a retry, the version that was sent) without reading raw traffic.
export interface RequestLogEntry {
  seq: number;
  /** ISO time the request arrived. */
  at: string;
  method: string;
  path: string;
  /** Raw query string without the leading '?'. */
  query: string;
  /** Status sent; null when the connection was dropped or held open (hang). */
  status: number | null;
  outcome: 'answered' | 'dropped' | 'hung';
  /** Label of the fault that shaped this call, e.g. `429:retry-after=1`. */
  fault?: string;
  /** Request content type as sent (media type with parameters). */
  contentType?: string;
  bodyBytes: number;
  /** Request headers with credentials replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** Id of the object a create stored, when there was one (also for store-then-fail). */
  createdId?: string;
  durationMs: number;
  /** "secret read" for a device secret (the value is never recorded). */
  note?: string;
}

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'proxy-authorization']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '[redacted]' : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
