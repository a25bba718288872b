// Three-way comparison of the repository against the tenant. The base is what the info file recorded at the
// last sync (sync_hash of the content, updated_at and the metadata); content is compared in normalised form
// (profileHash) so that the tenant's rewrites on upload and formatting never show as changes.
import { profileHash } from '../api/hash';
import type { LibraryItem, RunsOn } from '../api/tenantApi';
import { runsOnOf, type SyncInfo } from './info';
import { profileName, type LocalProfile } from './repo';

export type SyncState = 'no_changes' | 'new_local' | 'new_remote' | 'updated_local' | 'updated_remote' | 'conflict';

/** A tenant profile with the hash of its content (fetched when the listing lacks it). */
export interface RemoteProfile extends LibraryItem {
  contentHash: string;
  /** The content, when it was fetched. */
  profile?: string;
}

export interface SyncEntry {
  state: SyncState;
  name: string;
  id?: string;
  local?: LocalProfile;
  remote?: RemoteProfile;
  /** Why, in a few words (shown by `sync status`). */
  reason: string;
  /** new_local only: the folder's info names an id that is not (or no longer) usable: 'deleted' or 'duplicate'. */
  staleId?: 'deleted' | 'duplicate';
}

interface Meta { name: string; active: boolean; runsOn: Partial<RunsOn> | undefined }

function localMeta(local: LocalProfile, remote: RemoteProfile): Meta {
  return { name: local.info.name ?? remote.name, active: local.info.active ?? remote.active, runsOn: runsOnOf(local.info) };
}

function metaDiffers(local: LocalProfile, remote: RemoteProfile): string[] {
  const meta = localMeta(local, remote);
  const out: string[] = [];
  if (meta.name !== remote.name) out.push('name');
  if (meta.active !== remote.active) out.push('active');
  if (meta.runsOn && Object.entries(meta.runsOn).some(([k, v]) => remote.runsOn[k as keyof RunsOn] !== v)) out.push('runs_on');
  return out;
}

export function localHash(local: LocalProfile): string {
  return profileHash(local.content);
}

export function compareOne(local: LocalProfile, remote: RemoteProfile): SyncEntry {
  const base: SyncInfo = local.info;
  const mine = localHash(local);
  const name = remote.name;
  const entry = (state: SyncState, reason: string): SyncEntry => ({ state, name, id: remote.id, local, remote, reason });
  const meta = metaDiffers(local, remote);
  const sameContent = mine === remote.contentHash;
  if (!base.sync_hash) {
    // No record of the last sync (a folder from another tool): only equal content is safe to call in sync.
    if (sameContent && meta.length === 0) return entry('no_changes', 'same content; no sync record yet');
    if (base.updated_at && base.updated_at === remote.updatedAt) return entry('updated_local', 'changed locally (no sync hash; remote unchanged since updated_at)');
    return entry('conflict', 'differs and there is no sync record to tell which side changed');
  }
  const localContentChanged = mine !== base.sync_hash;
  const remoteContentChanged = remote.contentHash !== base.sync_hash;
  const remoteMoved = remoteContentChanged || (base.updated_at !== undefined && remote.updatedAt !== undefined && base.updated_at !== remote.updatedAt);
  // A metadata difference counts as the side that moved: the tenant when its updated_at moved, else the folder.
  const remoteChanged = remoteContentChanged || (remoteMoved && meta.length > 0);
  const localChanged = localContentChanged || (!remoteMoved && meta.length > 0);
  const what = (content: boolean): string => [content ? 'content' : '', ...meta].filter(Boolean).join(', ');
  if (localChanged && remoteChanged) {
    if (sameContent && meta.length === 0) return entry('no_changes', 'both sides made the same change');
    return entry('conflict', `changed on both sides (local ${localContentChanged ? 'content' : meta.join(', ')}; remote ${remoteContentChanged ? 'content' : meta.join(', ')})`);
  }
  if (localChanged) return entry('updated_local', `changed locally: ${what(localContentChanged)}`);
  if (remoteChanged) return entry('updated_remote', `changed in the tenant: ${what(remoteContentChanged)}`);
  return entry('no_changes', 'in sync');
}

/** Pairs folders with tenant profiles by id and classifies each pair. */
export function compareAll(locals: LocalProfile[], remotes: RemoteProfile[]): SyncEntry[] {
  const byId = new Map(remotes.map((r) => [r.id, r]));
  const paired = new Set<string>();
  const entries: SyncEntry[] = [];
  for (const local of locals) {
    const remote = local.info.id !== undefined ? byId.get(local.info.id) : undefined;
    if (remote && !paired.has(remote.id)) {
      paired.add(remote.id);
      entries.push(compareOne(local, remote));
      continue;
    }
    const name = profileName(local);
    const reason = local.info.id !== undefined
      ? remote ? `id ${local.info.id} is also used by another folder` : `id ${local.info.id} is not in the tenant (deleted there?)`
      : 'not in the tenant yet';
    const staleId = local.info.id === undefined ? undefined : remote ? 'duplicate' as const : 'deleted' as const;
    entries.push({ state: 'new_local', name, ...(local.info.id !== undefined ? { id: local.info.id } : {}), local, reason, ...(staleId ? { staleId } : {}) });
  }
  for (const remote of remotes) {
    if (!paired.has(remote.id)) entries.push({ state: 'new_remote', name: remote.name, id: remote.id, remote, reason: 'not in the repository' });
  }
  return entries;
}
