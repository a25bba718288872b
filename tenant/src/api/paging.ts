// Vendor-neutral helpers over Page<T> cursors and device-action checks shared by both implementations.
import type { ApiError } from './errors';
import type { Device, DeviceActionSpec, Page, Result } from './tenantApi';

/** Follows a cursor to the end (bounded, so a server that loops its `next` cannot hang us). */
export async function followPages<T>(fetchPage: (cursor?: string) => Promise<Result<Page<T>>>, maxPages = 10_000): Promise<Result<T[]>> {
  const all: T[] = [];
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor);
    if (!page.ok) return page;
    all.push(...page.value.items);
    if (page.value.next === undefined || seen.has(page.value.next)) return { ok: true, value: all };
    seen.add(page.value.next);
    cursor = page.value.next;
  }
  return { ok: true, value: all };
}

/** Offset cursors (Kandji devices, JumpCloud lists): the cursor is how many items were read before. */
export function offsetCursor(cursor: string | undefined): Result<number> {
  const offset = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0) return { ok: false, error: invalid(`Bad page cursor \`${cursor}\``) };
  return { ok: true, value: offset };
}

/** More follows while a total says so, or, without a total, while pages come back full. */
export function offsetPage<T>(items: T[], offset: number, limit: number, total: number | undefined): Page<T> {
  const end = offset + items.length;
  const more = total !== undefined ? end < total && items.length > 0 : items.length >= limit;
  return { items, ...(more ? { next: String(end) } : {}), ...(total !== undefined ? { total } : {}) };
}

/** A request refused before anything was sent (status 0: no HTTP exchange). */
export function invalid(message: string, status = 0): ApiError {
  return { kind: 'invalid', status, message };
}

/** Checks an action request against the catalogue before anything is sent. */
export function checkAction(
  specs: readonly DeviceActionSpec[], action: string, device: Device, params: Record<string, string>,
): { ok: true; spec: DeviceActionSpec } | { ok: false; error: ApiError } {
  const spec = specs.find((s) => s.id === action);
  if (!spec) return { ok: false, error: invalid(`Unknown device action \`${action}\`; known: ${specs.map((s) => s.id).join(', ')}`) };
  if (!spec.platforms.includes(device.platform)) {
    return { ok: false, error: invalid(`\`${action}\` is not available for ${device.platform} devices (${spec.platforms.join(', ')} only)`) };
  }
  const declared = spec.params ?? [];
  for (const name of Object.keys(params)) {
    if (!declared.some((d) => d.name === name)) {
      return { ok: false, error: invalid(`\`${action}\` takes no parameter \`${name}\`${declared.length ? `; it takes ${declared.map((d) => d.name).join(', ')}` : ''}`) };
    }
  }
  for (const d of declared) {
    const v = params[d.name];
    if (v === undefined || v === '') {
      if (d.required) return { ok: false, error: invalid(`\`${action}\` needs the parameter \`${d.name}\` (${d.label})`) };
      continue;
    }
    if (d.kind === 'boolean' && v !== 'true' && v !== 'false') return { ok: false, error: invalid(`\`${d.name}\` is \`${v}\`; expected true or false`) };
    if (d.kind === 'pin' && !/^\d{6}$/.test(v)) return { ok: false, error: invalid(`\`${d.name}\` must be 6 digits`) };
  }
  return { ok: true, spec };
}
