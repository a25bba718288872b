// Every API failure as one typed value, classified once at the HTTP boundary (http.ts calls classify()).
// Messages come from the vendor's body in whatever shape it used, are cut short and never carry the token.
import { HTTPError, TimeoutError } from 'ky';

export type ApiError =
  | { kind: 'unauthorized'; message: string; hint: string; status?: number }
  | { kind: 'forbidden'; message: string; hint: string; status?: number }
  | { kind: 'not-found'; message: string; hint?: string; status?: number }
  | { kind: 'unsupported-media'; message: string; hint: string; status?: number }
  /** Server 409, or our own check: the remote changed since it was last pulled. */
  | { kind: 'conflict'; message: string; hint?: string; status?: number; remoteUpdatedAt?: string; remoteHash?: string }
  | { kind: 'rate-limited'; message: string; hint: string; status?: number; retryAfterS?: number }
  | { kind: 'invalid'; status: number; message: string; hint?: string; fields?: Record<string, string[]> }
  | { kind: 'server'; status: number; message: string; hint?: string }
  | { kind: 'timeout'; message: string; hint?: string }
  | { kind: 'network'; message: string; hint?: string }
  | { kind: 'bad-response'; message: string; hint?: string; status?: number }
  /** The vendor has no such thing (answered without a request): CLI exit 2, no tree node. */
  | { kind: 'not-offered'; message: string; capability: string; hint?: string };

export type ApiErrorKind = ApiError['kind'];

/** A request that produced no usable answer: it may or may not have reached the service. */
export function isAmbiguous(error: ApiError): boolean {
  return error.kind === 'timeout' || error.kind === 'network' || error.kind === 'server' || error.kind === 'bad-response';
}

/** One line for humans: message plus hint. Used by the CLI and the extension alike. */
export function formatApiError(error: ApiError): string {
  const status = 'status' in error && error.status !== undefined && error.status >= 100 ? ` (HTTP ${error.status})` : '';
  const hint = error.hint ? `. ${error.hint}` : '';
  // A vendor's sentence keeps its own closing period only at the very end (not "devices. (HTTP 400)").
  const message = status || hint ? error.message.replace(/(?<!\.)\.$/, '') : error.message;
  return `${message}${status}${hint}`;
}

const MAX_MESSAGE = 300;

/** Replaces every secret (and anything that looks like an auth header value) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out.replace(/(bearer\s+)[^\s"',;]+/gi, '$1***').replace(/(x-api-key["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, '$1***');
}

/** Server text is untrusted: control characters (ESC sequences for a terminal) are written out as \xNN. */
function escapeControls(text: string): string {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }).join('');
}

function clip(text: string): string {
  const one = escapeControls(text.replace(/\s+/g, ' ').trim());
  return one.length > MAX_MESSAGE ? `${one.slice(0, MAX_MESSAGE - 1)}…` : one;
}

export interface ExtractedMessage {
  message: string;
  fields?: Record<string, string[]>;
  /** The body looked like JSON but did not parse. */
  malformed?: boolean;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('; ');
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.message === 'string') return o.message;
    return Object.entries(o).map(([k, v]) => `${k}: ${textOf(v)}`).join('; ');
  }
  return value === null || value === undefined ? '' : String(value);
}

function fromJson(value: unknown): ExtractedMessage {
  if (typeof value === 'string' || Array.isArray(value)) return { message: textOf(value) };
  if (!value || typeof value !== 'object') return { message: textOf(value) };
  const o = value as Record<string, unknown>;
  // {"detail": ...} (DRF), {"message": ...} / {"error": ...} (gateways, JumpCloud), {"code","message","status"}.
  for (const key of ['detail', 'message', 'error', 'non_field_errors'] as const) {
    const v = o[key];
    if (v !== undefined && v !== null && textOf(v)) return { message: textOf(v) };
  }
  // A field dict {field: [msgs]} (DRF validation errors).
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(o)) fields[k] = Array.isArray(v) ? v.map(textOf) : [textOf(v)];
  const message = Object.entries(fields).map(([k, msgs]) => `${k}: ${msgs.join(' ')}`).join('; ');
  return { message, fields };
}

function fromHtml(html: string): string {
  const pick = (tag: string) => new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(html)?.[1];
  const raw = pick('h1') ?? pick('title') ?? '';
  return raw.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The clearest message a vendor error body offers, whatever its shape. */
export function extractMessage(body: string, contentType = ''): ExtractedMessage {
  const text = body.trim();
  if (!text) return { message: '' };
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(text)) return { message: fromHtml(text) };
  if (/^["[{]/.test(text) || /json/i.test(contentType)) {
    try {
      return fromJson(JSON.parse(text));
    } catch {
      return { message: '', malformed: true };
    }
  }
  return { message: text };
}

const hints = {
  unauthorized: 'Check the API token: it may be wrong, revoked or expired',
  forbidden: 'The token is valid but lacks permission for this operation; grant it in the tenant settings',
  unsupportedMedia: 'The service rejected the request content type; this is a bug in Profile Studio, please report it',
  rateLimited: 'The tenant is rate limited; wait and try again',
  notFound: 'It may have been deleted, or the id belongs to another tenant',
  server: 'The service failed; try again later',
};

function retryAfterSeconds(headers: Headers): number | undefined {
  const raw = headers.get('retry-after') ?? headers.get('ratelimit-reset');
  if (!raw) return undefined;
  const n = Number(raw);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const statusWords: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Request too large', 415: 'Unsupported media type', 422: 'Unprocessable request',
  429: 'Too many requests', 500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout',
};

/** An HTTP error response (status >= 400) as an ApiError. */
export function errorFromResponse(status: number, headers: Headers, body: string, secrets: readonly string[] = []): ApiError {
  const extracted = extractMessage(body, headers.get('content-type') ?? '');
  const fallback = statusWords[status] ?? `HTTP ${status}`;
  const base = extracted.message ? extracted.message : extracted.malformed ? `${fallback} (the error body was malformed JSON)` : fallback;
  const message = clip(redact(base, secrets));
  if (status === 401) return { kind: 'unauthorized', status, message, hint: hints.unauthorized };
  if (status === 403) return { kind: 'forbidden', status, message, hint: hints.forbidden };
  if (status === 404) return { kind: 'not-found', status, message, hint: hints.notFound };
  if (status === 415) return { kind: 'unsupported-media', status, message, hint: hints.unsupportedMedia };
  if (status === 409) return { kind: 'conflict', status, message };
  if (status === 429) {
    const retryAfterS = retryAfterSeconds(headers);
    const hint = retryAfterS === undefined ? hints.rateLimited : `${hints.rateLimited} (retry after ${retryAfterS} s)`;
    return retryAfterS === undefined ? { kind: 'rate-limited', status, message, hint } : { kind: 'rate-limited', status, message, hint, retryAfterS };
  }
  if (status >= 500) return { kind: 'server', status, message, hint: hints.server };
  return extracted.fields ? { kind: 'invalid', status, message, fields: extracted.fields } : { kind: 'invalid', status, message };
}

function networkMessage(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'Connection refused: is the tenant URL right and the service up?';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'The connection was dropped before a complete answer arrived';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The tenant host name does not resolve';
  if (code && code.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS failure (${code})`;
  return `Network failure${code ? ` (${code})` : cause?.message ? ` (${cause.message})` : ''}`;
}

/**
 * Any failure thrown by ky (HTTPError, TimeoutError, fetch TypeError) or by JSON parsing, as an ApiError.
 * HTTPError bodies are read by the caller first (reading is async) and passed in as `body`.
 */
export function classify(error: unknown, body = '', secrets: readonly string[] = []): ApiError {
  if (error instanceof HTTPError) return errorFromResponse(error.response.status, error.response.headers, body, secrets);
  if (error instanceof TimeoutError) return { kind: 'timeout', message: 'The tenant did not answer in time', hint: 'Try again; raise the timeout for slow tenants' };
  if (error instanceof SyntaxError) return { kind: 'bad-response', message: 'The tenant answered with malformed JSON' };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'timeout', message: 'The tenant did not finish answering in time' };
  if (error instanceof Error) return { kind: 'network', message: clip(redact(networkMessage(error), secrets)) };
  return { kind: 'network', message: 'Unknown failure while talking to the tenant' };
}

/** A 2xx body that does not have the shape we need. */
export function badResponse(what: string, status?: number): ApiError {
  const message = clip(`Unexpected response from the tenant: ${what}`);
  return status === undefined ? { kind: 'bad-response', message } : { kind: 'bad-response', message, status };
}
