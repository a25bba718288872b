// Sync Status: the workspace's profile repository (profiles/<dir>/) against a tenant, entry by entry
// (new local/remote, updated local/remote, conflict), with pull/push from the list. The three-way
// comparison and the bulk actions are the CLI's sync engine; here they run over vscode.workspace.fs.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { TenantRecord } from '../tenants/registry';
import { syncPull, syncPush, syncStatus as computeStatus, type SyncEntry, type SyncReport, type SyncState } from '../../../tenant/src/sync';
import { pickTenant } from './targets';
import { workspaceSyncFs } from './syncLayout';

export interface SyncArgs {
  tenantId?: string;
  folder?: vscode.Uri;
  /** Without UI: 'status' returns the entries, 'pull'/'push' run the bulk action and return its report. */
  action?: 'status' | 'pull' | 'push';
  force?: boolean;
}

const STATE_LABEL: Record<SyncState, { text: string; icon: string }> = {
  no_changes: { text: 'in sync', icon: 'pass' },
  new_local: { text: 'new local', icon: 'diff-added' },
  new_remote: { text: 'new remote', icon: 'cloud' },
  updated_local: { text: 'changed locally', icon: 'diff-modified' },
  updated_remote: { text: 'changed remotely', icon: 'cloud-download' },
  conflict: { text: 'conflict', icon: 'warning' },
};

export const syncStatus =
  (ctx: Ctx) =>
  async (args: SyncArgs = {}): Promise<SyncEntry[] | SyncReport | undefined> => {
    const tenant = await pickTenant(ctx, args.tenantId ?? ctx.tenants.active()?.id, 'Sync with which tenant?');
    if (!tenant) return undefined;
    const root = args.folder ?? (await pickFolder());
    if (!root) return void ctx.say.info('Open a folder first: sync compares its profiles/ folder with the tenant.');
    const api = await ctx.api(tenant.id);
    if (!api.ok) return void ctx.say.apiError('Sync', api.error, tenant);
    const fs = workspaceSyncFs(root);

    if (args.action === 'pull' || args.action === 'push') return bulk(ctx, tenant, root, args.action, args.force ?? false);
    const status = await ctx.progress(`Comparing the workspace with ${tenant.label}`, (report) => computeStatus(fs, api.value, { progress: report }));
    if (!status.ok) return void ctx.say.error(`Sync with ${tenant.label} failed: ${status.error}`);
    const { entries, problems } = status.value;
    if (args.action === 'status') return entries;

    for (const p of problems) ctx.log.warn(`sync: profiles/${p.dir}: ${p.message}`);
    const changed = entries.filter((e) => e.state !== 'no_changes');
    type Item = vscode.QuickPickItem & { run?: () => Promise<unknown> };
    const items: Item[] = [
      { label: '$(cloud-download) Pull all remote changes', detail: 'Writes new and changed tenant profiles into profiles/', run: () => bulk(ctx, tenant, root, 'pull', false) },
      { label: '$(cloud-upload) Push all local changes', detail: 'Creates and updates tenant profiles from profiles/ (lint errors and conflicts are skipped)', run: () => bulk(ctx, tenant, root, 'push', false) },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...changed.map((e) => entryItem(tenant, root, e)),
    ];
    if (!changed.length) items.push({ label: '$(pass) Everything is in sync', detail: `${entries.length} profiles` });
    const picked = await vscode.window.showQuickPick(items, {
      title: `Sync: workspace ↔ ${tenant.label}`,
      placeHolder: `${changed.length} of ${entries.length} profiles differ${problems.length ? `; ${problems.length} folders could not be read (see the log)` : ''}`,
      matchOnDescription: true,
    });
    await picked?.run?.();
    return entries;
  };

function entryItem(tenant: TenantRecord, root: vscode.Uri, e: SyncEntry): vscode.QuickPickItem & { run?: () => Promise<unknown> } {
  const label = STATE_LABEL[e.state];
  const localUri = e.local ? vscode.Uri.joinPath(root, ...e.local.profilePath.split('/')) : undefined;
  const ref = e.remote ? { tenantId: tenant.id, itemId: e.remote.id, name: e.remote.name } : undefined;
  return {
    label: `$(${label.icon}) ${e.name}`,
    description: label.text,
    detail: e.reason,
    run: async () => {
      const actions: string[] = [];
      if (localUri && (e.state === 'new_local' || e.state === 'updated_local' || e.state === 'conflict')) actions.push('Push');
      if (ref && (e.state === 'new_remote' || e.state === 'updated_remote' || e.state === 'conflict')) actions.push('Pull');
      if (localUri && ref) actions.push('Compare');
      const choice = await vscode.window.showQuickPick(actions, { placeHolder: `${e.name}: ${label.text}` });
      if (choice === 'Push' && localUri) await vscode.commands.executeCommand('profileStudio.pushProfile', localUri, { tenantId: tenant.id, ...(ref ? { id: ref.itemId } : {}) });
      if (choice === 'Pull' && ref) await vscode.commands.executeCommand('profileStudio.pullToWorkspace', ref, { folder: root });
      if (choice === 'Compare' && ref) await vscode.commands.executeCommand('profileStudio.compareWithRemote', ref);
    },
  };
}

async function bulk(ctx: Ctx, tenant: TenantRecord, root: vscode.Uri, action: 'pull' | 'push', force: boolean): Promise<SyncReport | undefined> {
  const api = await ctx.api(tenant.id);
  if (!api.ok) return void ctx.say.apiError('Sync', api.error, tenant);
  const fs = workspaceSyncFs(root);
  const verb = action === 'pull' ? 'Pulling from' : 'Pushing to';
  const result = await ctx.progress(`${verb} ${tenant.label}`, (report) =>
    action === 'pull' ? syncPull(fs, api.value, { force, progress: report }) : syncPush(fs, api.value, { force, progress: report }),
  );
  if (!result.ok) return void ctx.say.error(`Sync with ${tenant.label} failed: ${result.error}`);
  const done = result.value.outcomes.filter((o) => o.done).length;
  const refused = result.value.outcomes.filter((o) => !o.ok);
  for (const o of result.value.outcomes) if (o.done || !o.ok) ctx.log.info(`sync ${action}: ${o.entry.name}: ${o.message}`);
  if (refused.length) ctx.say.error(`Sync ${action}: ${done} done, ${refused.length} not (${refused.map((o) => o.entry.name).join(', ')}); see the log.`);
  else ctx.say.info(`Sync ${action}: ${done} profile${done === 1 ? '' : 's'} ${action === 'pull' ? 'written' : 'sent'}.`);
  if (action === 'push') ctx.tree.tenantNode(tenant.id)?.refresh();
  return result.value;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Sync which folder?' }))?.uri;
}
