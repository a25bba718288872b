// The file access sync needs, over paths relative to the repository root ('/'-separated). The CLI passes a
// node:fs implementation (nodeSyncFs.ts); the extension can pass one over vscode.workspace.fs.

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface SyncFs {
  /** Entries of a folder, or undefined when it does not exist. */
  list(path: string): Promise<DirEntry[] | undefined>;
  /** File bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Writes a file, creating parent folders. */
  write(path: string, data: Uint8Array | string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Removes a folder and everything in it. */
  removeDir(path: string): Promise<void>;
}

export const joinPath = (...parts: string[]): string => parts.filter((p) => p !== '').join('/');
