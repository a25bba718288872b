// Push Profile: lint first (errors block unless "Push anyway"), pick the tenant (remembered per workspace
// folder), then update the linked or same-named library item, or create one: never a duplicate. An update
// over a remote that changed since our last pull/push shows the diff and asks before overwriting.
import * as vscode from 'vscode';
import type { LibraryItemWithContent, RunsOn } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import type { TenantRecord } from '../tenants/registry';
import { displayNameOf, readLocalProfile } from '../viewers/decode';
import { remoteUriFor } from '../viewers/remoteProvider';
import { PLATFORM_LABELS } from '../views/nodes/libraryItemNode';
import { lintErrors } from './lintGate';
import { modal, pickTenant } from './targets';
import { revealItem } from './revealItem';
import { recordPushed } from './syncLayout';

export interface PushArgs {
  tenantId?: string;
  /** Update this library item (otherwise: the linked one, then one with the same name, else create). */
  id?: string;
  name?: string;
  active?: boolean;
  runsOn?: Partial<RunsOn>;
  /** Push even when the linter reports errors. */
  force?: boolean;
  /** Overwrite a remote that changed since the last pull/push without asking. */
  overwrite?: boolean;
}

export type PushOutcome =
  | { status: 'created' | 'updated'; tenantId: string; id: string; name: string }
  | { status: 'blocked'; errors: number }
  | { status: 'conflict'; tenantId: string; id: string }
  | { status: 'cancelled' | 'failed' };

const TENANT_BY_FOLDER = 'profileStudio.pushTenantByFolder';

export const pushProfile =
  (ctx: Ctx) =>
  async (file?: vscode.Uri, args: PushArgs = {}): Promise<PushOutcome> => {
    const uri = file instanceof vscode.Uri ? file : activeProfileUri();
    if (!uri) {
      void ctx.say.info('Open or select a .mobileconfig file to push.');
      return { status: 'cancelled' };
    }
    const openDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (openDoc?.isDirty) await openDoc.save();
    const profile = await readLocalProfile(uri);
    const base = uri.path.split('/').pop() ?? 'profile.mobileconfig';

    if (!args.force && ctx.config.lintBeforePush) {
      const lint = await lintErrors(ctx, profile);
      if (lint.errors.length) {
        const first = lint.errors[0]!;
        const choice = await modal(
          `${base} has ${lint.errors.length} error${lint.errors.length === 1 ? '' : 's'}; the MDM may reject it or devices may fail to install it.`,
          `Line ${first.line + 1}: ${first.message}`,
          'Push anyway',
          'Show Problems',
        );
        if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
        if (choice !== 'Push anyway') return { status: 'blocked', errors: lint.errors.length };
      }
    }

    const tenant = await tenantFor(ctx, uri, args.tenantId);
    if (!tenant) return { status: 'cancelled' };
    const access = ctx.access(tenant.id);
    const link = ctx.links.get(uri, tenant.id);
    const suggestedName = args.name ?? link?.name ?? (profile.text ? displayNameOf(profile.text) : undefined) ?? base.replace(/\.mobileconfig$/i, '');

    // Find what to update: explicit id, the linked item, or an item with the same name.
    let targetId = args.id ?? link?.itemId;
    let name = args.name ?? link?.name;
    if (!targetId) {
      const list = await ctx.progress(`Looking up ${suggestedName} on ${tenant.label}`, () => access.call((api) => api.listProfiles()));
      if (!list.ok) return failed(ctx, 'Push Profile', list.error, tenant);
      if (name === undefined && args.name === undefined) {
        name = await vscode.window.showInputBox({ prompt: `Library item name on ${tenant.label}`, value: suggestedName, ignoreFocusOut: true });
        if (name === undefined) return { status: 'cancelled' };
      }
      name = name?.trim() || suggestedName;
      targetId = list.value.find((i) => i.name === name)?.id;
    }
    const creating = !targetId;
    const runsOn = args.runsOn ?? (creating ? await pickRunsOn() : undefined);
    if (creating && !runsOn) return { status: 'cancelled' };
    const active = args.active ?? (creating ? await pickActive() : undefined);
    if (creating && active === undefined) return { status: 'cancelled' };

    const upload = { file: profile.bytes, fileName: base, ...(name ? { name } : {}), ...(runsOn ? { runsOn } : {}), ...(active !== undefined ? { active } : {}) };
    const known = link && link.itemId === targetId ? { updatedAt: link.updatedAt, contentHash: link.contentHash } : undefined;
    let result = await ctx.progress(`Pushing ${base} to ${tenant.label}`, () =>
      access.call((api) =>
        targetId ? api.updateProfile(targetId, upload, known, args.overwrite ?? false) : api.createProfile({ ...upload, name: name ?? suggestedName }),
      ),
    );
    if (!result.ok && result.error.kind === 'conflict' && targetId) {
      const id = targetId;
      const overwrite = await askOverwrite(ctx, tenant, id, name ?? suggestedName, uri);
      if (!overwrite) return { status: 'conflict', tenantId: tenant.id, id };
      result = await ctx.progress(`Pushing ${base} to ${tenant.label}`, () => access.call((api) => api.updateProfile(id, upload, undefined, true)));
    }
    if (!result.ok && result.error.kind === 'not-found' && link && targetId === link.itemId) {
      // The linked item was deleted remotely: forget the link and create afresh.
      await ctx.links.forgetItem(tenant.id, link.itemId);
      return pushProfile(ctx)(uri, { ...args, tenantId: tenant.id, id: undefined, name: name ?? suggestedName, runsOn: args.runsOn ?? { mac: true }, active: args.active ?? true, force: true });
    }
    if (!result.ok) return failed(ctx, 'Push Profile', result.error, tenant);

    const item = result.value;
    await remember(ctx, uri, tenant, item);
    await recordPushed(uri, item).catch((e: unknown) => ctx.log.warn(`Could not update the sync info beside ${base}: ${String(e)}`));
    ctx.tree.tenantNode(tenant.id)?.refresh();
    ctx.remote.reload(remoteUriFor(tenant.id, item.id, item.name));
    offerNextSteps(ctx, tenant, item, creating);
    return { status: creating ? 'created' : 'updated', tenantId: tenant.id, id: item.id, name: item.name };
  };

function activeProfileUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'mobileconfig' && doc.uri.scheme === 'file') return doc.uri;
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return tab instanceof vscode.TabInputText && tab.uri.path.endsWith('.mobileconfig') ? tab.uri : undefined;
}

async function tenantFor(ctx: Ctx, uri: vscode.Uri, given?: string): Promise<TenantRecord | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
  const remembered = ctx.extension.workspaceState.get<Record<string, string>>(TENANT_BY_FOLDER, {});
  const id = given ?? remembered[folder];
  const tenant = id && ctx.tenant(id) ? ctx.tenant(id) : await pickTenant(ctx, undefined, 'Push to which tenant?');
  if (tenant && remembered[folder] !== tenant.id) {
    await ctx.extension.workspaceState.update(TENANT_BY_FOLDER, { ...remembered, [folder]: tenant.id });
  }
  return tenant;
}

async function pickRunsOn(): Promise<Partial<RunsOn> | undefined> {
  const keys = Object.keys(PLATFORM_LABELS) as (keyof RunsOn)[];
  const picked = await vscode.window.showQuickPick(
    keys.map((k) => ({ label: PLATFORM_LABELS[k], key: k, picked: k === 'mac' })),
    { canPickMany: true, placeHolder: 'Which platforms should it install on?' },
  );
  if (!picked?.length) return undefined;
  return Object.fromEntries(keys.map((k) => [k, picked.some((p) => p.key === k)]));
}

async function pickActive(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Active', detail: 'Installs on devices of blueprints it is assigned to', active: true },
      { label: 'Inactive', detail: 'Uploaded but not installed anywhere yet', active: false },
    ],
    { placeHolder: 'Start active or inactive?' },
  );
  return picked?.active;
}

async function askOverwrite(ctx: Ctx, tenant: TenantRecord, id: string, name: string, local: vscode.Uri): Promise<boolean> {
  const remote = remoteUriFor(tenant.id, id, name);
  ctx.remote.reload(remote);
  await vscode.commands.executeCommand('vscode.diff', remote, local, `${name}: ${tenant.label} ↔ local (remote changed since your last pull)`, { preview: true });
  const choice = await modal(
    `"${name}" changed on ${tenant.label} since you last pulled or pushed it.`,
    'The diff shows the remote version on the left. Overwrite it with your local file?',
    'Overwrite Remote',
  );
  return choice === 'Overwrite Remote';
}

async function remember(ctx: Ctx, uri: vscode.Uri, tenant: TenantRecord, item: LibraryItemWithContent): Promise<void> {
  // The hash of what the tenant now holds: the base the next push's conflict check compares against.
  await ctx.links.set(uri, { tenantId: tenant.id, itemId: item.id, name: item.name, updatedAt: item.updatedAt, contentHash: item.contentHash });
}

function offerNextSteps(ctx: Ctx, tenant: TenantRecord, item: LibraryItemWithContent, created: boolean): void {
  void vscode.window
    .showInformationMessage(`${created ? 'Created' : 'Updated'} "${item.name}" on ${tenant.label}.`, 'Assign to Blueprint', 'Reveal in Tree')
    .then(async (choice) => {
      const ref = { tenantId: tenant.id, itemId: item.id, name: item.name };
      if (choice === 'Assign to Blueprint') await vscode.commands.executeCommand('profileStudio.assignToBlueprint', ref);
      if (choice === 'Reveal in Tree') await revealItem(ctx, tenant.id, item.id);
    });
}

async function failed(ctx: Ctx, action: string, error: Parameters<Ctx['say']['apiError']>[1], tenant: TenantRecord): Promise<PushOutcome> {
  ctx.say.apiError(action, error, tenant);
  return { status: 'failed' };
}
