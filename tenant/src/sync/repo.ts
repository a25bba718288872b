// Reading and writing the repository: profiles/<dir>/ holds one .mobileconfig and one info file.
import { getString, parsePlist } from '../../../server/src/core';
import { INFO_FILES, parseInfo, serializeInfo, type InfoFormat, type SyncInfo } from './info';
import { joinPath, type SyncFs } from './syncFs';

export const PROFILES_DIR = 'profiles';

export interface LocalProfile {
  /** Folder name under profiles/. */
  dir: string;
  /** Path of the info file (written back in its own format); a new folder gets info.yaml. */
  infoPath: string;
  infoFormat: InfoFormat;
  info: SyncInfo;
  hasInfoFile: boolean;
  profilePath: string;
  content: Uint8Array;
}

/** A folder that could not be read as a profile; reported, never touched. */
export interface LocalProblem {
  dir: string;
  message: string;
}

export interface LocalRepo {
  profiles: LocalProfile[];
  problems: LocalProblem[];
}

const decoder = new TextDecoder();

export async function readRepo(fs: SyncFs): Promise<LocalRepo> {
  const entries = (await fs.list(PROFILES_DIR)) ?? [];
  const profiles: LocalProfile[] = [];
  const problems: LocalProblem[] = [];
  for (const entry of entries.filter((e) => e.isDirectory && !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = entry.name;
    const files = (await fs.list(joinPath(PROFILES_DIR, dir))) ?? [];
    const configs = files.filter((f) => !f.isDirectory && f.name.toLowerCase().endsWith('.mobileconfig'));
    if (configs.length === 0) { problems.push({ dir, message: 'no .mobileconfig file' }); continue; }
    if (configs.length > 1) { problems.push({ dir, message: `${configs.length} .mobileconfig files; keep one per folder` }); continue; }
    const infoFile = INFO_FILES.find((i) => files.some((f) => f.name === i.name));
    let info: SyncInfo = { extra: {} };
    if (infoFile) {
      const parsed = parseInfo(decoder.decode((await fs.read(joinPath(PROFILES_DIR, dir, infoFile.name))) ?? new Uint8Array()), infoFile.format);
      if (!parsed.ok) { problems.push({ dir, message: `${infoFile.name}: ${parsed.error}` }); continue; }
      info = parsed.info;
    }
    const profilePath = joinPath(PROFILES_DIR, dir, configs[0]!.name);
    profiles.push({
      dir,
      infoPath: joinPath(PROFILES_DIR, dir, infoFile?.name ?? 'info.yaml'),
      infoFormat: infoFile?.format ?? 'yaml',
      info,
      hasInfoFile: infoFile !== undefined,
      profilePath,
      content: (await fs.read(profilePath)) ?? new Uint8Array(),
    });
  }
  return { profiles, problems };
}

export async function writeInfo(fs: SyncFs, profile: Pick<LocalProfile, 'infoPath' | 'infoFormat'>, info: SyncInfo): Promise<void> {
  await fs.write(profile.infoPath, serializeInfo(info, profile.infoFormat));
}

/** Characters Windows or macOS refuse in a file name (control characters are refused too). */
const FORBIDDEN_IN_NAMES = '/\\:*?"<>|';

/** A folder name for a profile name: no path separators or characters file systems refuse, unique in `taken`. */
export function folderName(name: string, taken: ReadonlySet<string>): string {
  const base = [...name].map((c) => (c.charCodeAt(0) < 0x20 || FORBIDDEN_IN_NAMES.includes(c) ? '\u0000' : c)).join('').replace(/\0+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100) || 'profile';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} (${n})`;
  return candidate;
}

export function profileFileName(dir: string): string {
  return `${dir}.mobileconfig`;
}

/** The name a profile goes by: its info name, else the profile's PayloadDisplayName, else the folder name. */
export function profileName(local: Pick<LocalProfile, 'info' | 'content' | 'dir'>): string {
  if (local.info.name) return local.info.name;
  const doc = parsePlist(decoder.decode(local.content));
  return (doc.root?.kind === 'dict' ? getString(doc.root, 'PayloadDisplayName')?.trim() : undefined) || local.dir;
}
