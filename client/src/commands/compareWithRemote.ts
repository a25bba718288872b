// Compare with Remote: a diff editor, remote (read-only, fetched through the tenant API) on the left and the
// local file on the right. From a file it finds the linked or same-named item; from a tree item it finds the
// linked or pulled file, else shows the remote content alone.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { displayNameOf, readLocalProfile } from '../viewers/decode';
import { remoteUriFor } from '../viewers/remoteProvider';
import { readRepo } from '../../../tenant/src/sync';
import { workspaceSyncFs } from './syncLayout';
import { pickItem, pickTenant } from './targets';

export interface CompareResult {
  remote: vscode.Uri;
  local?: vscode.Uri;
}

export const compareWithRemote =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { tenantId?: string } = {}): Promise<CompareResult | undefined> => {
    const file = arg instanceof vscode.Uri ? arg : arg === undefined ? activeFile() : undefined;
    if (file) return fromFile(ctx, file, opts.tenantId);
    const ref = await pickItem(ctx, arg, 'Library item to compare');
    if (!ref) return undefined;
    const name = ref.name ?? ref.itemId;
    const remote = remoteUriFor(ref.tenantId, ref.itemId, name);
    ctx.remote.reload(remote);
    const local = ctx.links.fileFor(ref.tenantId, ref.itemId) ?? (await pulledFile(ref.itemId));
    if (local && (await exists(local))) {
      await vscode.commands.executeCommand('vscode.diff', remote, local, `${name}: ${ctx.tenant(ref.tenantId)?.label ?? 'remote'} ↔ local`);
      return { remote, local };
    }
    await vscode.window.showTextDocument(remote, { preview: true });
    ctx.say.info(`No local copy of "${name}" in this workspace; showing the remote profile. Use Pull to Workspace to get one.`);
    return { remote };
  };

async function fromFile(ctx: Ctx, file: vscode.Uri, tenantId?: string): Promise<CompareResult | undefined> {
  const tenant = await pickTenant(ctx, tenantId, 'Compare with which tenant?');
  if (!tenant) return undefined;
  let link = ctx.links.get(file, tenant.id);
  if (!link) {
    const profile = await readLocalProfile(file);
    const name = (profile.text && displayNameOf(profile.text)) ?? file.path.split('/').pop()?.replace(/\.mobileconfig$/i, '');
    const list = await ctx.progress(`Looking up ${name} on ${tenant.label}`, () => ctx.access(tenant.id).call((api) => api.listProfiles()));
    if (!list.ok) return void ctx.say.apiError('Compare with Remote', list.error, tenant);
    const item = list.value.find((i) => i.name === name);
    if (!item) return void ctx.say.info(`"${name}" is not on ${tenant.label} yet (no linked or same-named library item). Push it first.`);
    link = { tenantId: tenant.id, itemId: item.id, name: item.name };
  }
  const remote = remoteUriFor(tenant.id, link.itemId, link.name ?? link.itemId);
  ctx.remote.reload(remote);
  await vscode.commands.executeCommand('vscode.diff', remote, file, `${link.name ?? 'profile'}: ${tenant.label} ↔ local`);
  return { remote, local: file };
}

function activeFile(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === 'file' && uri.path.endsWith('.mobileconfig') ? uri : undefined;
}

/** A file in a workspace folder's sync layout whose info file records this item id. */
async function pulledFile(itemId: string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const repo = await readRepo(workspaceSyncFs(folder.uri));
    const hit = repo.profiles.find((p) => p.info.id === itemId);
    if (hit) return vscode.Uri.joinPath(folder.uri, ...hit.profilePath.split('/'));
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
