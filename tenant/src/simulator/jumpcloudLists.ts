// JumpCloud list conventions (../shared/api/jumpcloud.md §2): v1 `{totalCount, results}` with `$`-filters and
// space-separated sort; v2 bare arrays + `x-total-count` with `field:op:value` filters and comma sort.
import { intParam, json, type SimRequest, type SimResponse } from './httpKit';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 10;

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** The v2 `Error` schema. */
export const jcError = (status: number, message: string, headers: Record<string, string> = {}): SimResponse =>
  json(status, { code: status, message, status: STATUS_TEXT[status] ?? 'Error' }, headers);

/** v1 and Apple MDM command errors are a bare `{"message"}`. */
export const jcMessage = (status: number, message: string): SimResponse => json(status, { message });

type Getter<T> = (item: T, field: string) => unknown;

interface Condition {
  field: string;
  op: string;
  value: string;
}

function compare(actual: unknown, op: string, value: string): boolean {
  const a = typeof actual === 'boolean' || typeof actual === 'number' ? String(actual) : (actual ?? '') as string;
  const num = typeof actual === 'number' && value !== '' && !Number.isNaN(Number(value));
  const x: string | number = num ? (actual as number) : String(a);
  const y: string | number = num ? Number(value) : value;
  switch (op) {
    case 'eq': return x === y;
    case 'ne': return x !== y;
    case 'gt': return x > y;
    case 'ge': case 'gte': return x >= y;
    case 'lt': return x < y;
    case 'le': case 'lte': return x <= y;
    case 'search': return String(a).toLowerCase().includes(value.toLowerCase());
    case 'in': return value.split('|').includes(String(a));
    default: return false;
  }
}

const V2_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'search', 'in']);
const V1_OPS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte']);

function parseConditions(raw: string[], v1: boolean, fields: readonly string[]): Condition[] | string {
  const out: Condition[] = [];
  for (const f of raw) {
    const first = f.indexOf(':');
    const second = f.indexOf(':', first + 1);
    if (first <= 0 || second < 0) return `invalid filter "${f}": expected field:${v1 ? '$' : ''}op:value`;
    const field = f.slice(0, first);
    const op = f.slice(first + 1, second);
    const value = f.slice(second + 1);
    if (!(v1 ? V1_OPS : V2_OPS).has(op)) return `invalid filter operator "${op}"`;
    if (!fields.includes(field)) return `invalid filter field "${field}"`;
    out.push({ field, op: v1 ? op.slice(1) : op, value });
  }
  return out;
}

function sortBy<T>(items: T[], spec: string, separator: RegExp, get: Getter<T>, fields: readonly string[]): T[] | string {
  const keys = spec.split(separator).map((s) => s.trim()).filter(Boolean).map((k) => ({ desc: k.startsWith('-'), field: k.replace(/^-/, '') }));
  const bad = keys.find((k) => !fields.includes(k.field));
  if (bad) return `invalid sort field "${bad.field}"`;
  return [...items].sort((a, b) => {
    for (const { desc, field } of keys) {
      const x = get(a, field) as string | number;
      const y = get(b, field) as string | number;
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    return 0;
  });
}

export interface ListSpec<T> {
  items: readonly T[];
  get: Getter<T>;
  /** Fields usable in filter and sort. */
  fields: readonly string[];
  render: (item: T) => unknown;
  defaultLimit?: number;
  /** Fields whose values never change for an item: queries over only these are cached per source array. */
  immutable?: readonly string[];
}

function window(req: SimRequest, defaultLimit: number): { limit: number; skip: number } | string {
  const limit = intParam(req, 'limit');
  const skip = intParam(req, 'skip');
  if (limit === null) return 'limit must be a non-negative integer';
  if (skip === null) return 'skip must be a non-negative integer';
  return { limit: Math.min(limit === undefined || limit === 0 ? defaultLimit : limit, MAX_LIMIT), skip: skip ?? 0 };
}

/**
 * Filter and sort once per (source array, query): paging 10,000 systems sorted by `_id` would otherwise sort
 * on every page. Only queries over fields that never change (`immutable`) are cached; a source array that is
 * replaced or grows invalidates its entries.
 */
const selections = new WeakMap<object, Map<string, { length: number; items: readonly unknown[] }>>();

function select<T>(spec: ListSpec<T>, conds: Condition[], sort: string | null, separator: RegExp): readonly T[] | string {
  const sortFields = sort ? sort.split(separator).map((k) => k.trim().replace(/^-/, '')).filter(Boolean) : [];
  const cacheable = spec.immutable !== undefined && [...conds.map((c) => c.field), ...sortFields].every((f) => spec.immutable!.includes(f));
  const key = JSON.stringify([conds, sort]);
  if (cacheable) {
    const hit = selections.get(spec.items)?.get(key);
    if (hit && hit.length === spec.items.length) return hit.items as readonly T[];
  }
  let items: readonly T[] = conds.length ? spec.items.filter((i) => conds.every((c) => compare(spec.get(i, c.field), c.op, c.value))) : spec.items;
  if (sort) {
    const sorted = sortBy([...items], sort, separator, spec.get, spec.fields);
    if (typeof sorted === 'string') return sorted;
    items = sorted;
  }
  if (cacheable) {
    let perSource = selections.get(spec.items);
    if (!perSource) selections.set(spec.items, (perSource = new Map()));
    perSource.set(key, { length: spec.items.length, items });
  }
  return items;
}

/** v2: bare array, `x-total-count` = matches before paging. */
export function v2List<T>(req: SimRequest, spec: ListSpec<T>): SimResponse {
  const conds = parseConditions(req.query.getAll('filter'), false, spec.fields);
  if (typeof conds === 'string') return jcError(400, conds);
  const items = select(spec, conds, req.query.get('sort'), /,/);
  if (typeof items === 'string') return jcError(400, items);
  const win = window(req, spec.defaultLimit ?? DEFAULT_LIMIT);
  if (typeof win === 'string') return jcError(400, win);
  const headers: Record<string, string> = { 'x-total-count': String(items.length) };
  if (req.headers['x-unfiltered-total-count'] === '1') headers['x-unfiltered-total-count'] = String(spec.items.length);
  return json(200, items.slice(win.skip, win.skip + win.limit).map(spec.render), headers);
}

/** v1: `{totalCount, results}`; filters `field:$op:value`, `filter[0]=..` AND-ed; `fields` projection. */
export function v1List<T>(req: SimRequest, spec: ListSpec<T>): SimResponse {
  const raw: string[] = [];
  for (const [k, v] of req.query) if (k === 'filter' || /^filter\[\d+\]$/.test(k)) raw.push(v);
  const conds = parseConditions(raw, true, spec.fields);
  if (typeof conds === 'string') return jcMessage(400, conds);
  const items = select(spec, conds, req.query.get('sort'), /\s+/);
  if (typeof items === 'string') return jcMessage(400, items);
  const win = window(req, spec.defaultLimit ?? DEFAULT_LIMIT);
  if (typeof win === 'string') return jcMessage(400, win);
  const wanted = req.query.get('fields')?.split(/\s+/).filter(Boolean);
  const results = items.slice(win.skip, win.skip + win.limit).map((i) => {
    const full = spec.render(i) as Record<string, unknown>;
    if (!wanted?.length) return full;
    const out: Record<string, unknown> = { _id: full['_id'] };
    for (const f of wanted) if (f in full) out[f] = full[f];
    return out;
  });
  return json(200, { totalCount: items.length, results });
}
