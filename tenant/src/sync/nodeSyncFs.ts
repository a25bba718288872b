// SyncFs over node:fs/promises, rooted at a repository folder (CLI and tests).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SyncFs } from './syncFs';

const missing = (error: unknown): boolean => (error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'ENOTDIR';

export function nodeSyncFs(root: string): SyncFs {
  const abs = (path: string): string => join(root, ...path.split('/'));
  return {
    async list(path) {
      try {
        return (await readdir(abs(path), { withFileTypes: true })).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async read(path) {
      try {
        return new Uint8Array(await readFile(abs(path)));
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async write(path, data) {
      await mkdir(dirname(abs(path)), { recursive: true });
      await writeFile(abs(path), data);
    },
    remove: (path) => rm(abs(path), { force: true }),
    removeDir: (path) => rm(abs(path), { recursive: true, force: true }),
  };
}
