// What `profiles pull` records beside the file it writes, and what `profiles push` reads back to refuse
// overwriting a tenant profile that changed since. The layout is one folder of the sync repository
// (profiles/<folder>/): one .mobileconfig plus info.yaml in the sync engine's format, so a pulled folder also
// works with `sync` when it sits under DIR/profiles/.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { KnownRemote, LibraryItemWithContent } from '../../../tenant/src/api/tenantApi';
import { infoFromRemote } from '../../../tenant/src/sync/engine';
import { INFO_FILES, parseInfo, serializeInfo, type InfoFormat, type SyncInfo } from '../../../tenant/src/sync/info';
import { folderName, profileFileName } from '../../../tenant/src/sync/repo';
import { fileProblem } from '../failure';

export interface InfoFile {
  path: string;
  format: InfoFormat;
  info: SyncInfo;
}

/** found: the folder's info file; none: there is none; ignored: there is one but it cannot be said to describe this file. */
export type BesideFile =
  | { kind: 'found'; file: InfoFile }
  | { kind: 'none' }
  | { kind: 'ignored'; reason: string }
  | { kind: 'error'; message: string };

const isConfig = (name: string): boolean => name.toLowerCase().endsWith('.mobileconfig');

async function entries(dir: string): Promise<{ name: string; isDirectory: boolean }[] | undefined> {
  try {
    return (await readdir(dir, { withFileTypes: true })).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
  } catch {
    return undefined;
  }
}

/** The info file in `dir`, read the way the sync engine reads a profile folder (info.yaml, .yml, .json, .plist). */
async function readInfoIn(dir: string, names: readonly string[]): Promise<InfoFile | { error: string } | undefined> {
  const spec = INFO_FILES.find((i) => names.includes(i.name));
  if (!spec) return undefined;
  const path = join(dir, spec.name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { error: `Cannot read ${path}: ${fileProblem(error)}` };
  }
  const parsed = parseInfo(text, spec.format);
  return parsed.ok ? { path, format: spec.format, info: parsed.info } : { error: `${path}: ${parsed.error}` };
}

/** The metadata beside a .mobileconfig about to be pushed. */
export async function infoBeside(profilePath: string): Promise<BesideFile> {
  const dir = dirname(profilePath);
  const names = ((await entries(dir)) ?? []).filter((e) => !e.isDirectory).map((e) => e.name);
  const read = await readInfoIn(dir, names);
  if (read === undefined) return { kind: 'none' };
  if ('error' in read) return { kind: 'error', message: `${read.error}; fix it or remove it (it records what was last pulled)` };
  // As in the sync layout, an info file belongs to the one .mobileconfig of its folder.
  const configs = names.filter(isConfig);
  if (configs.length > 1) return { kind: 'ignored', reason: `${basename(read.path)} is ignored: its folder holds ${configs.length} .mobileconfig files, so it describes none of them` };
  return { kind: 'found', file: read };
}

/** What an update passes so the API refuses when the remote moved on; undefined when nothing was recorded. */
export function knownRemote(info: SyncInfo): KnownRemote | undefined {
  if (info.updated_at === undefined && info.sync_hash === undefined) return undefined;
  return { ...(info.updated_at ? { updatedAt: info.updated_at } : {}), ...(info.sync_hash ? { contentHash: info.sync_hash } : {}) };
}

/** Rewrites the info file with the tenant's state after a push or pull, keeping its format and other tools' fields. */
export async function recordRemote(file: Pick<InfoFile, 'path' | 'format'> & { info?: SyncInfo }, remote: LibraryItemWithContent): Promise<void> {
  // The hash of what the tenant now holds: the API compares a later update's known hash against exactly that.
  await writeFile(file.path, serializeInfo(infoFromRemote(remote, file.info, remote.contentHash), file.format));
}

export interface PullTarget {
  folder: string;
  profilePath: string;
  info: Pick<InfoFile, 'path' | 'format'> & { info?: SyncInfo };
}

/**
 * Where `profiles pull` writes under `out`: the subfolder whose info already records this id (pulled before,
 * maybe under an older name), else a new `<safe name>/` next to the ones there.
 */
export async function pullTarget(out: string, id: string, name: string): Promise<PullTarget | { error: string }> {
  const folders = ((await entries(out)) ?? []).filter((e) => e.isDirectory && !e.name.startsWith('.')).map((e) => e.name).sort();
  for (const folder of folders) {
    const path = join(out, folder);
    const names = ((await entries(path)) ?? []).filter((e) => !e.isDirectory).map((e) => e.name);
    const read = await readInfoIn(path, names);
    if (read === undefined || 'error' in read || read.info.id !== id) continue;
    const configs = names.filter(isConfig);
    if (configs.length > 1) return { error: `${path} holds ${configs.length} .mobileconfig files; keep one per folder` };
    return { folder: path, profilePath: join(path, configs[0] ?? profileFileName(folder)), info: read };
  }
  const dir = folderName(name, new Set(folders.map((f) => f.toLowerCase())));
  const folder = join(out, dir);
  return { folder, profilePath: join(folder, profileFileName(dir)), info: { path: join(folder, 'info.yaml'), format: 'yaml' } };
}
