// The repository layout shared with the CLI's sync (tenant/src/sync): profiles/<dir>/info.yaml beside one
// .mobileconfig. Here over vscode.workspace.fs, so it works in remote windows and never blocks the host.
import * as vscode from 'vscode';
import { profileHash } from '../../../tenant/src/api/hash';
import type { LibraryItemWithContent } from '../../../tenant/src/api/tenantApi';
import { folderName, joinPath, PROFILES_DIR, readRepo, type SyncFs } from '../../../tenant/src/sync';
import { infoFromRemote } from '../../../tenant/src/sync/engine';
import { profileFileName, writeInfo } from '../../../tenant/src/sync/repo';

export function workspaceSyncFs(root: vscode.Uri): SyncFs {
  const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root, ...path.split('/').filter(Boolean));
  const missing = (e: unknown): boolean => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
  return {
    async list(path) {
      try {
        const entries = await vscode.workspace.fs.readDirectory(at(path));
        return entries.map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
    },
    async read(path) {
      try {
        return await vscode.workspace.fs.readFile(at(path));
      } catch (e) {
        if (missing(e)) return undefined;
        throw e;
      }
    },
    async write(path, data) {
      const uri = at(path);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, typeof data === 'string' ? new TextEncoder().encode(data) : data);
    },
    async remove(path) {
      await vscode.workspace.fs.delete(at(path), { useTrash: true });
    },
    async removeDir(path) {
      await vscode.workspace.fs.delete(at(path), { recursive: true, useTrash: true });
    },
  };
}

/**
 * Writes a pulled item under root/profiles/<dir>/ (the folder that already holds this id, else a new one
 * named after the item) and returns the .mobileconfig's URI.
 */
export async function writePulledProfile(root: vscode.Uri, item: LibraryItemWithContent): Promise<vscode.Uri> {
  const fs = workspaceSyncFs(root);
  const repo = await readRepo(fs);
  const existing = repo.profiles.find((p) => p.info.id === item.id);
  const taken = new Set(((await fs.list(PROFILES_DIR)) ?? []).map((e) => e.name.toLowerCase()));
  const dir = existing?.dir ?? folderName(item.name, taken);
  const target = existing ?? { infoPath: joinPath(PROFILES_DIR, dir, 'info.yaml'), infoFormat: 'yaml' as const, profilePath: joinPath(PROFILES_DIR, dir, profileFileName(dir)) };
  await fs.write(target.profilePath, item.profile);
  await writeInfo(fs, target, infoFromRemote(item, existing?.info, item.contentHash));
  return vscode.Uri.joinPath(root, ...target.profilePath.split('/'));
}

/**
 * After a push from the editor: if the file sits in the sync layout, record what the tenant now holds so
 * `sync status` shows it in sync (the content is left as the user wrote it).
 */
export async function recordPushed(file: vscode.Uri, item: LibraryItemWithContent): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  if (!folder) return;
  const fs = workspaceSyncFs(folder.uri);
  const relative = file.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  if (!relative.startsWith(`${PROFILES_DIR}/`)) return;
  const repo = await readRepo(fs);
  const local = repo.profiles.find((p) => p.profilePath === relative);
  if (!local) return;
  await writeInfo(fs, local, infoFromRemote(item, local.info, profileHash(local.content)));
}
