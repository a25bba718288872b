// sync status / pull / push over a repository and a tenant. Plans first (the three-way states), then acts on
// each entry; --dry-run stops after the plan. Errors are values: every entry ends with an outcome.
import { formatApiError } from '../api/errors';
import { isCustomProfileItem, type LibraryItemWithContent, type TenantApi } from '../api/tenantApi';
import { runsOnFields, runsOnOf, type SyncInfo } from './info';
import { folderName, PROFILES_DIR, profileFileName, profileName, readRepo, writeInfo, type LocalProblem } from './repo';
import { compareAll, localHash, type RemoteProfile, type SyncEntry } from './state';
import { joinPath, type SyncFs } from './syncFs';

export type SyncActionKind = 'none' | 'create-remote' | 'update-remote' | 'delete-remote' | 'write-local' | 'delete-local' | 'skip';

export interface SyncOutcome {
  entry: SyncEntry;
  action: SyncActionKind;
  /** False when the action failed (or was refused: lint errors, conflict without --force). */
  ok: boolean;
  /** True when the action was carried out (false in a dry run and for skips). */
  done: boolean;
  message: string;
}

export interface SyncReport {
  outcomes: SyncOutcome[];
  problems: LocalProblem[];
}

export interface SyncOptions {
  dryRun?: boolean;
  force?: boolean;
  clean?: boolean;
  /** Error lines for a profile about to be pushed (empty = fine). Push refuses on errors unless --force. */
  lint?: (content: Uint8Array, path: string) => Promise<string[]>;
  progress?: (message: string) => void;
}

export type Failure = { ok: false; error: string };


async function remotes(api: TenantApi, progress?: (m: string) => void): Promise<{ ok: true; value: RemoteProfile[] } | Failure> {
  const listed = await api.listProfiles();
  if (!listed.ok) return { ok: false, error: `Listing the tenant's profiles failed: ${formatApiError(listed.error)}` };
  const out: RemoteProfile[] = [];
  const items = listed.value.filter(isCustomProfileItem);
  for (const [n, item] of items.entries()) {
    if (item.contentHash) { out.push({ ...item, contentHash: item.contentHash }); continue; }
    progress?.(`reading profile ${n + 1}/${items.length}`);
    const full = await api.getProfile(item.id);
    if (!full.ok) return { ok: false, error: `Reading profile \`${item.name}\` (${item.id}) failed: ${formatApiError(full.error)}` };
    out.push({ ...item, contentHash: full.value.contentHash, profile: full.value.profile });
  }
  return { ok: true, value: out };
}

export async function syncStatus(fs: SyncFs, api: TenantApi, options: SyncOptions = {}): Promise<{ ok: true; value: { entries: SyncEntry[]; problems: LocalProblem[] } } | Failure> {
  const repo = await readRepo(fs);
  const remote = await remotes(api, options.progress);
  if (!remote.ok) return remote;
  return { ok: true, value: { entries: compareAll(repo.profiles, remote.value), problems: repo.problems } };
}

export function infoFromRemote(remote: LibraryItemWithContent | RemoteProfile, previous: SyncInfo | undefined, syncHash: string): SyncInfo {
  return {
    ...(previous ?? { extra: {} }),
    id: remote.id,
    name: remote.name,
    active: remote.active,
    ...(remote.mdmIdentifier ? { mdm_identifier: remote.mdmIdentifier } : {}),
    ...runsOnFields(remote.runsOn),
    ...(remote.createdAt ? { created_at: remote.createdAt } : {}),
    ...(remote.updatedAt ? { updated_at: remote.updatedAt } : {}),
    sync_hash: syncHash,
    extra: previous?.extra ?? {},
  };
}

const outcome = (entry: SyncEntry, action: SyncActionKind, ok: boolean, done: boolean, message: string): SyncOutcome => ({ entry, action, ok, done, message });

export async function syncPull(fs: SyncFs, api: TenantApi, options: SyncOptions = {}): Promise<{ ok: true; value: SyncReport } | Failure> {
  const status = await syncStatus(fs, api, options);
  if (!status.ok) return status;
  const { entries, problems } = status.value;
  const taken = new Set(entries.flatMap((e) => (e.local ? [e.local.dir.toLowerCase()] : [])));
  const outcomes: SyncOutcome[] = [];
  for (const [n, entry] of entries.entries()) {
    options.progress?.(`pull ${n + 1}/${entries.length}: ${entry.name}`);
    outcomes.push(await pullOne(fs, api, entry, taken, options));
  }
  return { ok: true, value: { outcomes, problems } };
}

async function pullOne(fs: SyncFs, api: TenantApi, entry: SyncEntry, taken: Set<string>, options: SyncOptions): Promise<SyncOutcome> {
  const { remote, local } = entry;
  switch (entry.state) {
    case 'no_changes':
      return outcome(entry, 'none', true, false, 'in sync');
    case 'updated_local':
      return outcome(entry, 'skip', true, false, 'local changes not pushed yet; left as is');
    case 'new_local':
      if (local && entry.staleId === 'deleted' && options.clean) {
        if (options.dryRun) return outcome(entry, 'delete-local', true, false, `would delete ${PROFILES_DIR}/${local.dir} (gone from the tenant)`);
        await fs.removeDir(joinPath(PROFILES_DIR, local.dir));
        return outcome(entry, 'delete-local', true, true, `deleted ${PROFILES_DIR}/${local.dir} (gone from the tenant)`);
      }
      return outcome(entry, 'skip', true, false, entry.reason);
    case 'conflict':
      if (!options.force) return outcome(entry, 'skip', false, false, `conflict: ${entry.reason}; pull --force takes the tenant's version`);
      break;
    case 'new_remote':
    case 'updated_remote':
      break;
  }
  if (!remote) return outcome(entry, 'skip', false, false, 'no remote profile');
  const dir = local?.dir ?? folderName(remote.name, taken);
  taken.add(dir.toLowerCase());
  const target = local ?? {
    infoPath: joinPath(PROFILES_DIR, dir, 'info.yaml'), infoFormat: 'yaml' as const,
    profilePath: joinPath(PROFILES_DIR, dir, profileFileName(dir)),
  };
  if (options.dryRun) return outcome(entry, 'write-local', true, false, `would write ${target.profilePath}`);
  let content = remote.profile;
  let item: LibraryItemWithContent | RemoteProfile = remote;
  if (content === undefined) {
    const full = await api.getProfile(remote.id);
    if (!full.ok) return outcome(entry, 'write-local', false, false, `reading it failed: ${formatApiError(full.error)}`);
    content = full.value.profile;
    item = full.value;
  }
  // Never an empty file and never a hash of nothing (the API refuses such reads too; this guards any other path).
  if (content.trim() === '') return outcome(entry, 'write-local', false, false, 'the tenant returned no profile content; nothing written');
  await fs.write(target.profilePath, content);
  await writeInfo(fs, target, infoFromRemote(item, local?.info, item.contentHash ?? remote.contentHash));
  return outcome(entry, 'write-local', true, true, `wrote ${target.profilePath}`);
}

export async function syncPush(fs: SyncFs, api: TenantApi, options: SyncOptions = {}): Promise<{ ok: true; value: SyncReport } | Failure> {
  const status = await syncStatus(fs, api, options);
  if (!status.ok) return status;
  const { entries, problems } = status.value;
  const outcomes: SyncOutcome[] = [];
  for (const [n, entry] of entries.entries()) {
    options.progress?.(`push ${n + 1}/${entries.length}: ${entry.name}`);
    outcomes.push(await pushOne(fs, api, entry, options));
  }
  return { ok: true, value: { outcomes, problems } };
}

async function pushOne(fs: SyncFs, api: TenantApi, entry: SyncEntry, options: SyncOptions): Promise<SyncOutcome> {
  const { local, remote } = entry;
  switch (entry.state) {
    case 'no_changes':
      return outcome(entry, 'none', true, false, 'in sync');
    case 'updated_remote':
      return outcome(entry, 'skip', true, false, 'changed in the tenant; pull first');
    case 'new_remote':
      if (!remote || !options.clean) return outcome(entry, 'skip', true, false, entry.reason);
      if (options.dryRun) return outcome(entry, 'delete-remote', true, false, `would delete \`${remote.name}\` from the tenant`);
      {
        const deleted = await api.deleteProfile(remote.id);
        if (!deleted.ok) return outcome(entry, 'delete-remote', false, false, `deleting failed: ${formatApiError(deleted.error)}`);
        return outcome(entry, 'delete-remote', true, true, `deleted \`${remote.name}\` from the tenant`);
      }
    case 'conflict':
      if (!options.force) return outcome(entry, 'skip', false, false, `conflict: ${entry.reason}; push --force overwrites the tenant's version`);
      break;
    case 'new_local':
      if (entry.staleId === 'duplicate') return outcome(entry, 'skip', false, false, `${entry.reason}; give this folder its own info file`);
      if (entry.staleId === 'deleted' && !options.force) {
        return outcome(entry, 'skip', true, false, 'deleted in the tenant; `sync pull --clean` removes the folder, `sync push --force` creates it again');
      }
      break;
    case 'updated_local':
      break;
  }
  if (!local) return outcome(entry, 'skip', false, false, 'no local profile');
  const action: SyncActionKind = entry.state === 'new_local' ? 'create-remote' : 'update-remote';
  if (options.lint) {
    const errors = await options.lint(local.content, local.profilePath);
    if (errors.length > 0 && !options.force) {
      return outcome(entry, action, false, false, `not pushed: ${errors.length} lint error(s); fix them or use --force\n${errors.map((e) => `    ${e}`).join('\n')}`);
    }
  }
  if (options.dryRun) return outcome(entry, action, true, false, action === 'create-remote' ? 'would create it in the tenant' : 'would update the tenant\'s profile');
  const mine = localHash(local);
  const fileName = local.profilePath.split('/').pop() ?? 'profile.mobileconfig';
  const runsOn = runsOnOf(local.info);
  let result;
  if (action === 'create-remote') {
    result = await api.createProfile({
      name: profileName(local), file: local.content, fileName, active: local.info.active ?? true, runsOn: runsOn ?? { mac: true },
    });
  } else {
    const contentChanged = mine !== local.info.sync_hash;
    result = await api.updateProfile(remote!.id, {
      ...(contentChanged ? { file: local.content, fileName } : {}),
      ...(local.info.name ? { name: local.info.name } : {}),
      ...(local.info.active !== undefined ? { active: local.info.active } : {}),
      ...(runsOn ? { runsOn } : {}),
    }, {
      ...(local.info.updated_at ? { updatedAt: local.info.updated_at } : {}),
      ...(local.info.sync_hash ? { contentHash: local.info.sync_hash } : {}),
    }, entry.state === 'conflict');
  }
  if (!result.ok) return outcome(entry, action, false, false, `${action === 'create-remote' ? 'creating' : 'updating'} failed: ${formatApiError(result.error)}`);
  await writeInfo(fs, local, infoFromRemote(result.value, local.info, mine));
  const rewritten = result.value.contentHash !== mine ? ' (the tenant changed the content beyond the known rewrites; the next status shows it as changed in the tenant)' : '';
  return outcome(entry, action, true, true, `${action === 'create-remote' ? `created (id ${result.value.id})` : 'updated'}${rewritten}`);
}
