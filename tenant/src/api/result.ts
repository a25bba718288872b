// Result constructors for the vendor implementations (errors are values, never thrown).
import type { ApiError } from './errors';
import type { LibraryItemWithContent, Result } from './tenantApi';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: ApiError): Result<T> => ({ ok: false, error });

/** A profile read without content is an error, never an empty profile: a pull must not write or hash nothing. */
export function withContent(item: LibraryItemWithContent, missing: string): Result<LibraryItemWithContent> {
  if (item.profile.trim() !== '') return ok(item);
  return fail({ kind: 'bad-response', message: `The tenant returned no profile content for \`${item.name}\` (${item.id}): ${missing}`, hint: 'Nothing was written; check the profile in the tenant\'s console' });
}
