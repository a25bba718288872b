// Keeps the service's manifest source in step with the `manifestPaths` setting: a new source (and fresh
// schemas) only when the list of folders really changes; problems with the user's files go to the log.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProfileService } from '../core';
import { manifestFolderSource } from '../host/manifestSource';

export interface ManifestPaths {
  /** Returns true when the folders changed (documents should be checked again). */
  sync(paths: readonly string[]): boolean;
  /** Reads the same folders again (their content changed). */
  reload(): void;
}

const expandHome = (p: string): string => (p === '~' ? homedir() : p.startsWith('~/') ? join(homedir(), p.slice(2)) : p);

export function manifestPaths(service: ProfileService, log: (message: string) => void): ManifestPaths {
  let current: string[] = [];
  const use = (folders: string[]): void => {
    current = folders;
    service.setManifests(folders.length > 0 ? manifestFolderSource(folders, (m) => log(`Profile Studio: ${m}`)) : undefined);
    if (folders.length > 0) log(`Profile Studio: preference manifests from ${folders.length} folder(s)`);
  };
  return {
    sync(paths) {
      const folders = paths.map(expandHome);
      if (JSON.stringify(folders) === JSON.stringify(current)) return false;
      use(folders);
      return true;
    },
    reload: () => use(current),
  };
}
