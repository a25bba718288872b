// Request-body decoding the Kandji way: multipart for custom profiles, form or JSON elsewhere, DRF's
// error shapes (`{"detail": ...}` for parse and media-type errors, field dicts for validation).
import { header, json, parseJsonBody, isRecord, type SimRequest, type SimResponse } from './httpKit';
import { boundaryOf, parseMultipart, type FilePart } from './multipart';

export type Decoded =
  | { ok: true; fields: Map<string, unknown>; files: Map<string, FilePart> }
  | { ok: false; response: SimResponse };

export const unsupportedMedia = (req: SimRequest): SimResponse =>
  json(415, { detail: `Unsupported media type "${header(req, 'content-type') ?? ''}" in request.` });

/** Decodes the body by media type; `accept` lists what this endpoint's parsers take. */
export function decodeBody(req: SimRequest, accept: ('json' | 'multipart' | 'form')[]): Decoded {
  const empty = { ok: true as const, fields: new Map<string, unknown>(), files: new Map<string, FilePart>() };
  if (req.body.length === 0 && req.mediaType === '') return empty;
  if (req.mediaType === 'application/json' && accept.includes('json')) {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return { ok: false, response: json(400, { detail: `JSON parse error - ${parsed.message}` }) };
    if (parsed.value === undefined) return empty;
    if (!isRecord(parsed.value)) return { ok: false, response: json(400, { non_field_errors: ['Invalid data. Expected a dictionary, but got ' + (Array.isArray(parsed.value) ? 'list' : typeof parsed.value) + '.'] }) };
    return { ok: true, fields: new Map(Object.entries(parsed.value)), files: new Map() };
  }
  if (req.mediaType === 'multipart/form-data' && accept.includes('multipart')) {
    const boundary = boundaryOf(header(req, 'content-type') ?? '');
    const form = boundary ? parseMultipart(req.body, boundary) : undefined;
    if (!form) return { ok: false, response: json(400, { detail: 'Multipart form parse error - Invalid boundary in multipart: None' }) };
    return { ok: true, fields: new Map(form.fields), files: form.files };
  }
  if (req.mediaType === 'application/x-www-form-urlencoded' && accept.includes('form')) {
    return { ok: true, fields: new Map(new URLSearchParams(req.body.toString('utf8'))), files: new Map() };
  }
  return { ok: false, response: unsupportedMedia(req) };
}

/** DRF BooleanField: true/false/1/0 in any case (and JSON booleans); undefined = invalid. */
export function parseBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return undefined;
}

/** Nested JSON objects and dotted form keys (`enrollment_code.is_active`) read the same way. */
export function dotted(fields: Map<string, unknown>, path: string): unknown {
  if (fields.has(path)) return fields.get(path);
  const [head, ...rest] = path.split('.');
  let value: unknown = fields.get(head!);
  for (const key of rest) value = isRecord(value) ? value[key] : undefined;
  return value;
}
