// Conflict safety for updates: the caller passes what it last saw; a remote that moved on is not overwritten.
import type { ApiError } from './errors';
import type { KnownRemote, LibraryItemWithContent } from './tenantApi';

/** A conflict when updated_at or the content hash differs from what the caller last saw. */
export function conflictWith(remote: LibraryItemWithContent, known: KnownRemote): ApiError | undefined {
  const movedAt = known.updatedAt !== undefined && remote.updatedAt !== undefined && known.updatedAt !== remote.updatedAt;
  const movedContent = known.contentHash !== undefined && known.contentHash !== remote.contentHash;
  if (!movedAt && !movedContent) return undefined;
  const why = movedContent ? 'its content changed' : `it was updated at ${remote.updatedAt}`;
  return {
    kind: 'conflict',
    message: `The remote profile \`${remote.name}\` changed since it was last pulled (${why})`,
    hint: 'Pull it and merge, or push with force to overwrite',
    ...(remote.updatedAt ? { remoteUpdatedAt: remote.updatedAt } : {}),
    remoteHash: remote.contentHash,
  };
}
