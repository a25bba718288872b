// Folders the CLI writes into or reads a repository from, checked before any request: a file where a folder
// is needed, a folder we cannot write, a folder that is not a sync repository.
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileProblem } from './failure';

export type FolderCheck = { ok: true; exists: boolean; empty: boolean } | { ok: false; message: string };

/** The nearest folder that exists at or above `path` (where a missing folder would be created). */
async function nearestExisting(path: string): Promise<string> {
  let at = path;
  for (;;) {
    try {
      await stat(at);
      return at;
    } catch {
      const up = dirname(at);
      if (up === at) return at;
      at = up;
    }
  }
}

/** `shown` is the path as the user typed it; messages name that. */
export async function checkFolder(path: string, shown: string, need: { write: boolean; mayCreate: boolean }): Promise<FolderCheck> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') return { ok: false, message: `${shown}: ${fileProblem(error)}` };
    if (!need.mayCreate) return { ok: false, message: `${shown}: no such folder` };
    const parent = await nearestExisting(path);
    const parentInfo = await stat(parent).catch(() => undefined);
    if (parentInfo && !parentInfo.isDirectory()) return { ok: false, message: `${shown}: ${parent === path ? '' : 'part of the path '}is a file, not a folder` };
    if (need.write && !(await writable(parent))) return { ok: false, message: `${shown}: permission denied (cannot create it in ${parent})` };
    return { ok: true, exists: false, empty: true };
  }
  if (!info.isDirectory()) return { ok: false, message: `${shown} is a file, not a folder` };
  if (need.write && !(await writable(path))) return { ok: false, message: `${shown}: permission denied (the folder is not writable)` };
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    return { ok: false, message: `${shown}: ${fileProblem(error)}` };
  }
  return { ok: true, exists: true, empty: entries.length === 0 };
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
