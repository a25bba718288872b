// The repository layout shared with the CLI's sync (Kandji sync toolkit compatible):
// <root>/profiles/<dir>/info.yaml beside one .mobileconfig. Written with vscode.workspace.fs.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import { profileHash } from '../api/hash';
import type { LibraryItemWithContent } from '../api/tenantApi';

export const safeName = (name: string): string =>
  name.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '_') || 'profile';

export function infoFor(item: LibraryItemWithContent): Record<string, unknown> {
  let syncHash: string | undefined;
  try {
    syncHash = profileHash(item.profile);
  } catch {
    syncHash = undefined;
  }
  return {
    id: item.id,
    name: item.name,
    active: item.active,
    mdm_identifier: item.mdmIdentifier ?? null,
    runs_on_mac: item.runsOn.mac,
    runs_on_iphone: item.runsOn.iphone,
    runs_on_ipad: item.runsOn.ipad,
    runs_on_tv: item.runsOn.tv,
    runs_on_vision: item.runsOn.vision,
    created_at: item.createdAt ?? null,
    updated_at: item.updatedAt ?? null,
    sync_hash: syncHash ?? null,
  };
}

/** Writes the item under root/profiles/<dir>/ and returns the .mobileconfig's URI. */
export async function writePulledProfile(root: vscode.Uri, item: LibraryItemWithContent): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(root, 'profiles', safeName(item.name));
  await vscode.workspace.fs.createDirectory(dir);
  const file = vscode.Uri.joinPath(dir, `${safeName(item.name)}.mobileconfig`);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(item.profile));
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'info.yaml'), new TextEncoder().encode(stringify(infoFor(item))));
  return file;
}
