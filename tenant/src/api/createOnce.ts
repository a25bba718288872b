// Creates for both vendors: a POST is never re-sent blindly, because a create that timed out may have been stored.
import { isAmbiguous, type ApiError } from './errors';
import type { Result } from './tenantApi';

export interface CreateRetryOptions {
  /** Attempts at a create, counting the first. Default 3. */
  attempts?: number;
  /** Pause before the re-read after an ambiguous failure (ms, doubled each time, capped). Default 300. */
  backoffMs?: number;
}

/**
 * Runs `post`; after an ambiguous failure (timeout, dropped connection, 5xx, unreadable answer) or a 429 it waits
 * (Retry-After when given, else the backoff; capped at `maxDelayMs`) and asks `findExisting` before posting again.
 */
export async function createOnce<T>(
  post: () => Promise<Result<T>>,
  findExisting: () => Promise<Result<T | undefined>>,
  options: CreateRetryOptions,
  maxDelayMs: number,
): Promise<Result<T>> {
  const attempts = Math.max(1, options.attempts ?? 3);
  let backoff = options.backoffMs ?? 300;
  let last: ApiError | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      const found = await findExisting();
      if (!found.ok) return { ok: false, error: last ?? found.error };
      if (found.value) return { ok: true, value: found.value };
    }
    const r = await post();
    if (r.ok) return r;
    last = r.error;
    if (!isAmbiguous(r.error) && r.error.kind !== 'rate-limited') return r;
    if (attempt === attempts) break;
    const waitMs = r.error.kind === 'rate-limited' && r.error.retryAfterS !== undefined ? r.error.retryAfterS * 1000 : backoff;
    await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, maxDelayMs)));
    backoff *= 2;
  }
  // Last chance: the final ambiguous attempt may have stored it.
  const found = await findExisting();
  if (found.ok && found.value) return { ok: true, value: found.value };
  return { ok: false, error: last! };
}
