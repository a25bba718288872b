// The one ky instance factory: base URL, per-attempt timeout, retry policy by method, auth hook, a request log
// (method, path, status, ms; never a header) and redaction of the secrets from everything it reports.
import ky, { HTTPError, TimeoutError, type KyInstance, type Options, type RetryOptions } from 'ky';
import { badResponse, classify, redact } from './errors';
import type { Result } from './tenantApi';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - `idempotent`: retry on network errors, 408, 429, 500, 502, 503, 504 (Retry-After honoured on 429/503).
 * - `not-processed`: retry only when the service says it did not process the request (429, 503).
 * - `never`: one attempt; the caller decides what an ambiguous failure means (creates, device actions).
 */
export type RetryMode = 'idempotent' | 'not-processed' | 'never';

export interface HttpOptions {
  baseUrl: string;
  /** Auth headers; their values are treated as secrets. */
  authHeaders: Record<string, string>;
  /** Further secrets to scrub from logs and messages (the raw token inside an auth header value). */
  secrets?: string[];
  /** Plain headers sent on every request (for example x-org-id). */
  headers?: Record<string, string>;
  /** Per-attempt timeout for the response headers, and again for reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  retryLimit?: number;
  /** Cap on a server's Retry-After and on our own backoff. Default 30 s. */
  maxRetryDelayMs?: number;
  /** One line per attempt: `GET /api/v1/devices?limit=300 200 41ms`. */
  log?: (line: string) => void;
  /** Proactive throttle: at most this many requests start in any second (Kandji documents 50/s). */
  maxRequestsPerSecond?: number;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path (with or without query) appended to the base URL; absolute URLs are re-based onto it. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  /** URL-encoded form body (Kandji blueprint create/update). */
  urlencoded?: URLSearchParams;
  retry?: RetryMode;
  /** Accept header other than JSON; the answer is then returned as bytes, not parsed. */
  accept?: string;
  /** A note for the request log instead of anything from the answer, e.g. "secret read". */
  logNote?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
  /** The raw answer, for requests sent with a non-JSON `accept`. */
  bytes?: Uint8Array;
}

export interface Http {
  request(spec: RequestSpec): Promise<Result<HttpResponse>>;
  /** Replaces the secrets in any text (used by callers that build messages themselves). */
  redact(text: string): string;
  readonly timeoutMs: number;
  readonly maxRetryDelayMs: number;
}

const defaultModes: Record<HttpMethod, RetryMode> = { GET: 'idempotent', PUT: 'idempotent', DELETE: 'idempotent', PATCH: 'not-processed', POST: 'never' };

/** Keeps only path and query of an absolute URL (Kandji `next` links may name another host). */
export function pathOf(pathOrUrl: string): string {
  if (!/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  const u = new URL(pathOrUrl);
  return `${u.pathname}${u.search}`;
}

function joinUrl(baseUrl: string, path: string, query: RequestSpec['query']): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + pathOf(path));
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/**
 * At most `perWindow` requests in any window as the server counts them (by arrival). Each request holds a slot
 * from its start until `windowMs` after its answer came back, so one slot can put at most one arrival into
 * any server window, however late a request lands. Callers queue in order.
 */
function createRateGate(perWindow: number, windowMs = 1100): () => Promise<() => void> {
  let free = perWindow;
  const waiting: (() => void)[] = [];
  const windows = new Set<NodeJS.Timeout>();
  const handBack = (timer: NodeJS.Timeout) => {
    windows.delete(timer);
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  const release = () => {
    const timer: NodeJS.Timeout = setTimeout(() => handBack(timer), windowMs);
    windows.add(timer);
    // Unref while nobody waits: a finished CLI run must not wait for the last window to pass. A request that
    // waits for a slot keeps them ref'd, or the process would exit mid-run (a truncated list, exit 0).
    if (waiting.length === 0) timer.unref?.();
  };
  return async () => {
    if (free > 0) free--;
    else {
      for (const timer of windows) timer.ref?.();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
}

async function readText(response: Response, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void response.body?.cancel().catch(() => undefined);
      reject(Object.assign(new Error('body read timed out'), { name: 'AbortError' }));
    }, ms);
  });
  try {
    return await Promise.race([response.text(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function createHttp(options: HttpOptions): Http {
  const secrets = [...Object.values(options.authHeaders), ...(options.secrets ?? [])].filter((v) => v.length > 0);
  const scrub = (text: string) => redact(text, secrets);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retryLimit = options.retryLimit ?? 2;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const log = options.log;
  const gate = options.maxRequestsPerSecond ? createRateGate(options.maxRequestsPerSecond) : undefined;

  // Each attempt (ky calls this once per try) waits for a throttle slot, then gets `timeoutMs` for the
  // response headers. The clock starts after the slot: time queued behind our own throttle is not the
  // tenant being slow, and a long bulk run must not time out requests that never left the machine.
  const loggingFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const what = `${request.method} ${url.pathname}${url.search}`;
    const release = gate ? await gate() : undefined;
    const started = performance.now();
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(), timeoutMs);
    const signal = init?.signal ?? request.signal;
    try {
      const response = await fetch(input, { ...init, signal: signal ? AbortSignal.any([signal, expiry.signal]) : expiry.signal });
      log?.(scrub(`${what} ${response.status} ${Math.round(performance.now() - started)}ms`));
      return response;
    } catch (error) {
      const timedOut = expiry.signal.aborted;
      const name = timedOut ? 'TimeoutError' : error instanceof Error ? error.name : 'Error';
      log?.(scrub(`${what} failed (${name}) ${Math.round(performance.now() - started)}ms`));
      throw timedOut ? new TimeoutError(request) : error;
    } finally {
      clearTimeout(timer);
      release?.();
    }
  };

  const instance: KyInstance = ky.create({
    // The per-attempt timeout lives in loggingFetch (after the throttle slot), not in ky.
    timeout: false,
    fetch: loggingFetch,
    headers: { accept: 'application/json', ...options.headers },
    hooks: {
      beforeRequest: [
        (request) => {
          for (const [name, value] of Object.entries(options.authHeaders)) request.headers.set(name, value);
        },
      ],
      beforeRetry: [
        ({ request, error, retryCount }) => {
          const reason = error instanceof HTTPError ? `HTTP ${error.response.status}` : error.name;
          log?.(scrub(`retry ${retryCount}/${retryLimit} ${request.method} ${new URL(request.url).pathname} after ${reason}`));
        },
      ],
    },
  });

  const retryFor = (method: HttpMethod, mode: RetryMode): RetryOptions | number => {
    if (mode === 'never' || retryLimit === 0) return 0;
    const common: RetryOptions = {
      limit: retryLimit,
      methods: [method.toLowerCase()],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryDelayMs,
      backoffLimit: maxRetryDelayMs,
      jitter: (delay) => delay * (0.8 + Math.random() * 0.4),
      retryOnTimeout: false,
    };
    if (mode === 'idempotent') return { ...common, statusCodes: [408, 429, 500, 502, 503, 504] };
    // Only a definite "not processed" answer is retried; a dropped connection may have been processed.
    return { ...common, statusCodes: [429, 503], shouldRetry: ({ error }) => (error instanceof HTTPError ? undefined : false) };
  };

  async function request(spec: RequestSpec): Promise<Result<HttpResponse>> {
    const kyOptions: Options = {
      method: spec.method.toLowerCase(),
      retry: retryFor(spec.method, spec.retry ?? defaultModes[spec.method]),
      ...(spec.json !== undefined ? { json: spec.json } : {}),
      ...(spec.form !== undefined ? { body: spec.form } : {}),
      ...(spec.urlencoded !== undefined ? { body: spec.urlencoded } : {}),
      ...(spec.accept !== undefined ? { headers: { accept: spec.accept } } : {}),
    };
    let response: Response;
    try {
      response = await instance(joinUrl(options.baseUrl, spec.path, spec.query), kyOptions);
    } catch (error) {
      let body = '';
      if (error instanceof HTTPError) {
        try {
          body = await readText(error.response, timeoutMs);
        } catch {
          body = '';
        }
      }
      return { ok: false, error: classify(error, body, secrets) };
    }
    if (spec.logNote) log?.(`${spec.method} ${new URL(joinUrl(options.baseUrl, spec.path, undefined)).pathname}: ${spec.logNote}`);
    if (spec.accept !== undefined) {
      try {
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { ok: true, value: { status: response.status, headers: response.headers, body: undefined, text: '', bytes } };
      } catch (error) {
        return { ok: false, error: classify(error, '', secrets) };
      }
    }
    let text: string;
    try {
      text = await readText(response, timeoutMs);
    } catch (error) {
      return { ok: false, error: classify(error, '', secrets) };
    }
    if (text.trim() === '') return { ok: true, value: { status: response.status, headers: response.headers, body: undefined, text } };
    try {
      return { ok: true, value: { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown, text } };
    } catch {
      return { ok: false, error: badResponse(`HTTP ${response.status} with a body that is not valid JSON`, response.status) };
    }
  }

  return { request, redact: scrub, timeoutMs, maxRetryDelayMs };
}
