// Scripted faults: the next N calls matching a method and path pattern misbehave in one chosen way.
// Spec string syntax (also accepted by `profile-studio simulate --faults`), documented in docs/simulator.md:
//   FAULT[,FAULT...]   FAULT = HEAD[:key=value]...
//   HEAD: 401 403 404 415 429 500 502 503 | latency | hang | drop | malformed | store-500 | store-502 | store-503 | store-drop
//   keys: count=N|* (default 1)  skip=N  method=GET  path=/api/v1/devices/*  retry-after=S  ms=N
export type FaultStatus = 401 | 403 | 404 | 415 | 429 | 500 | 502 | 503;
export const FAULT_STATUSES: readonly FaultStatus[] = [401, 403, 404, 415, 429, 500, 502, 503];

export type FaultSpec =
  | ({ kind: 'status'; status: FaultStatus; retryAfterS?: number } & FaultScope)
  | ({ kind: 'latency'; ms: number } & FaultScope)
  | ({ kind: 'hang'; ms?: number } & FaultScope)
  | ({ kind: 'drop' } & FaultScope)
  | ({ kind: 'malformed' } & FaultScope)
  /** The create runs and is stored; then the answer is a 5xx or a dropped connection. */
  | ({ kind: 'store-then-fail'; then: 500 | 502 | 503 | 'drop' } & FaultScope);

export interface FaultScope {
  /** HTTP method; default any (store-then-fail: POST). */
  method?: string;
  /** Path glob: `*` = one segment's characters, `**` = anything; a trailing slash is ignored. Default any. */
  path?: string;
  /** How many matching calls fire; default 1; Infinity = every call. */
  count?: number;
  /** Let this many matching calls pass first. */
  skip?: number;
}

export interface ActiveFault {
  spec: FaultSpec;
  label: string;
  remaining: number;
  toSkip: number;
  fired: number;
}

/** Upper bound for a hang: the socket is destroyed after this even if the client never gives up. */
export const DEFAULT_HANG_MS = 30_000;

export function parseFaultSpec(text: string): { ok: true; faults: FaultSpec[] } | { ok: false; error: string } {
  const faults: FaultSpec[] = [];
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [head = '', ...pairs] = raw.split(':');
    const opts = new Map<string, string>();
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return { ok: false, error: `fault "${raw}": expected key=value, got "${pair}"` };
      opts.set(pair.slice(0, eq).trim().toLowerCase(), pair.slice(eq + 1).trim());
    }
    const scope: FaultScope = {};
    const num = (key: string): number | undefined | Error => {
      const v = opts.get(key);
      if (v === undefined) return undefined;
      return /^\d+$/.test(v) ? Number(v) : new Error(`fault "${raw}": ${key} must be a whole number`);
    };
    for (const key of opts.keys()) {
      if (!['count', 'skip', 'method', 'path', 'retry-after', 'ms'].includes(key)) return { ok: false, error: `fault "${raw}": unknown key "${key}"` };
    }
    const count = opts.get('count');
    if (count !== undefined) {
      if (count === '*') scope.count = Infinity;
      else if (/^\d+$/.test(count) && Number(count) > 0) scope.count = Number(count);
      else return { ok: false, error: `fault "${raw}": count must be a positive number or *` };
    }
    const skip = num('skip');
    if (skip instanceof Error) return { ok: false, error: skip.message };
    if (skip !== undefined) scope.skip = skip;
    const method = opts.get('method');
    if (method !== undefined) scope.method = method.toUpperCase();
    const path = opts.get('path');
    if (path !== undefined) {
      if (!path.startsWith('/')) return { ok: false, error: `fault "${raw}": path must start with /` };
      scope.path = path;
    }
    const ms = num('ms');
    if (ms instanceof Error) return { ok: false, error: ms.message };
    const retryAfter = num('retry-after');
    if (retryAfter instanceof Error) return { ok: false, error: retryAfter.message };
    const h = head.trim().toLowerCase();
    const status = Number(h) as FaultStatus;
    if (FAULT_STATUSES.includes(status)) faults.push({ kind: 'status', status, ...(retryAfter !== undefined ? { retryAfterS: retryAfter } : {}), ...scope });
    else if (h === 'latency') {
      if (ms === undefined) return { ok: false, error: `fault "${raw}": latency needs ms=N` };
      faults.push({ kind: 'latency', ms, ...scope });
    } else if (h === 'hang') faults.push({ kind: 'hang', ...(ms !== undefined ? { ms } : {}), ...scope });
    else if (h === 'drop') faults.push({ kind: 'drop', ...scope });
    else if (h === 'malformed') faults.push({ kind: 'malformed', ...scope });
    else if (h === 'store-drop' || h === 'store-then-drop') faults.push({ kind: 'store-then-fail', then: 'drop', ...scope });
    else if (/^store-(500|502|503)$/.test(h) || h === 'store-then-fail') {
      const then = h === 'store-then-fail' ? 500 : (Number(h.slice(6)) as 500 | 502 | 503);
      faults.push({ kind: 'store-then-fail', then, ...scope });
    } else return { ok: false, error: `fault "${raw}": unknown kind "${head}" (expected one of ${FAULT_STATUSES.join(' ')} latency hang drop malformed store-500 store-502 store-503 store-drop)` };
  }
  return { ok: true, faults };
}

export function describeFault(spec: FaultSpec): string {
  const head =
    spec.kind === 'status' ? String(spec.status)
    : spec.kind === 'store-then-fail' ? `store-${spec.then}`
    : spec.kind;
  const parts = [head];
  if (spec.kind === 'status' && spec.retryAfterS !== undefined) parts.push(`retry-after=${spec.retryAfterS}`);
  if ((spec.kind === 'latency' || spec.kind === 'hang') && spec.ms !== undefined) parts.push(`ms=${spec.ms}`);
  if (spec.count !== undefined && spec.count !== 1) parts.push(`count=${spec.count === Infinity ? '*' : spec.count}`);
  if (spec.skip) parts.push(`skip=${spec.skip}`);
  if (spec.method) parts.push(`method=${spec.method}`);
  if (spec.path) parts.push(`path=${spec.path}`);
  return parts.join(':');
}

function globToRegex(glob: string): RegExp {
  const trimmed = glob.length > 1 ? glob.replace(/\/+$/, '') : glob;
  let source = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '*' && trimmed[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`);
}

/** Holds the scripted faults of one simulator; tests add them per case. */
export class FaultController {
  private faults: (ActiveFault & { regex?: RegExp })[] = [];

  constructor(initial: FaultSpec[] = []) {
    for (const f of initial) this.add(f);
  }

  /** Adds faults from specs or a spec string; throws on a bad string (a programmer error in tests/CLI). */
  add(...specs: (FaultSpec | string)[]): void {
    for (const s of specs) {
      if (typeof s === 'string') {
        const parsed = parseFaultSpec(s);
        if (!parsed.ok) throw new Error(parsed.error);
        for (const f of parsed.faults) this.add(f);
        continue;
      }
      this.faults.push({
        spec: s,
        label: describeFault(s),
        remaining: s.count ?? 1,
        toSkip: s.skip ?? 0,
        fired: 0,
        ...(s.path ? { regex: globToRegex(s.path) } : {}),
      });
    }
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults that can still fire. */
  active(): ActiveFault[] {
    return this.faults.filter((f) => f.remaining > 0).map(({ spec, label, remaining, toSkip, fired }) => ({ spec, label, remaining, toSkip, fired }));
  }

  /** The fault that applies to this call, consuming one of its shots. */
  take(method: string, path: string): ActiveFault | undefined {
    for (const f of this.faults) {
      if (f.remaining <= 0) continue;
      const wantMethod = f.spec.method ?? (f.spec.kind === 'store-then-fail' ? 'POST' : undefined);
      if (wantMethod && wantMethod !== method) continue;
      if (f.regex && !f.regex.test(path)) continue;
      if (f.toSkip > 0) {
        f.toSkip--;
        continue;
      }
      f.remaining--;
      f.fired++;
      return f;
    }
    return undefined;
  }
}
