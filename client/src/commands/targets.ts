// Turns a command's first argument (a tree node from a menu, or plain data from a test or another
// command) into what the command needs, prompting with a QuickPick only when it is missing.
import * as vscode from 'vscode';
import type { Blueprint, LibraryItem } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import type { TenantRecord } from '../tenants/registry';
import { DeviceNode, type DeviceRef } from '../views/nodes/deviceNode';
import { LibraryItemNode, type ItemRef, platformsLabel } from '../views/nodes/libraryItemNode';
import { TreeNode } from '../views/nodes/treeNode';
import { TenantNode } from '../views/nodes/tenantNode';

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The tenant a node belongs to (walking up), an id, `{tenantId}`, or undefined. */
export function tenantIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof TreeNode) {
    let n: TreeNode | undefined = arg;
    while (n && !(n instanceof TenantNode)) n = n.parent;
    return n?.tenantId;
  }
  if (isObject(arg) && typeof arg.tenantId === 'string') return arg.tenantId;
  return undefined;
}

export async function pickTenant(ctx: Ctx, arg: unknown, placeHolder = 'Choose a tenant'): Promise<TenantRecord | undefined> {
  const given = tenantIdOf(arg);
  if (given) {
    const record = ctx.tenant(given);
    if (!record) void ctx.say.error('That tenant is no longer configured.');
    return record;
  }
  const all = ctx.tenants.list();
  if (!all.length) {
    const choice = await vscode.window.showInformationMessage('No tenant is configured yet.', 'Add Tenant', 'Try the Demo Tenant');
    if (choice === 'Add Tenant') await vscode.commands.executeCommand('profileStudio.addTenant');
    if (choice === 'Try the Demo Tenant') await vscode.commands.executeCommand('profileStudio.tryDemoTenant');
    return undefined;
  }
  if (all.length === 1) return all[0];
  const active = ctx.tenants.active()?.id;
  const picked = await vscode.window.showQuickPick(
    all.map((t) => ({ label: t.label, description: `${vendorName(t)}${t.id === active ? ' · active' : ''}`, t })),
    { placeHolder },
  );
  return picked?.t;
}

export const vendorName = (t: { kind: string }): string => (t.kind === 'kandji' ? 'Kandji' : 'JumpCloud');

/** A library item from a node, `{tenantId, itemId}`, or a pick from the tenant's library. */
export async function pickItem(ctx: Ctx, arg: unknown, placeHolder = 'Choose a library item'): Promise<ItemRef | undefined> {
  if (arg instanceof LibraryItemNode) return arg.ref;
  if (isObject(arg) && typeof arg.tenantId === 'string' && typeof arg.itemId === 'string') return arg as unknown as ItemRef;
  const tenant = await pickTenant(ctx, arg);
  if (!tenant) return undefined;
  const list = await ctx.progress(`Loading library items from ${tenant.label}`, () => ctx.access(tenant.id).call((api) => api.listProfiles()));
  if (!list.ok) return void ctx.say.apiError('Loading library items', list.error, tenant);
  const picked = await vscode.window.showQuickPick(
    list.value.map((item: LibraryItem) => ({ label: item.name, description: `${item.active ? 'active' : 'inactive'} · ${platformsLabel(item.runsOn)}`, item })),
    { placeHolder, matchOnDescription: true },
  );
  return picked ? { tenantId: tenant.id, itemId: picked.item.id, name: picked.item.name } : undefined;
}

export async function pickBlueprint(ctx: Ctx, tenant: TenantRecord, placeHolder: string): Promise<Blueprint | undefined> {
  const list = await ctx.progress(`Loading blueprints from ${tenant.label}`, () => ctx.access(tenant.id).call((api) => api.listBlueprints()));
  if (!list.ok) return void ctx.say.apiError('Loading blueprints', list.error, tenant);
  if (!list.value.length) return void ctx.say.info(`${tenant.label} has no blueprints.`);
  const picked = await vscode.window.showQuickPick(
    list.value.map((bp) => ({ label: bp.name, description: bp.kind === 'map' ? 'map blueprint' : bp.kind, detail: bp.description, bp })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.bp;
}

export function deviceRefOf(arg: unknown): DeviceRef | undefined {
  if (arg instanceof DeviceNode) return arg.ref;
  if (isObject(arg) && typeof arg.tenantId === 'string' && typeof arg.deviceId === 'string') return arg as unknown as DeviceRef;
  return undefined;
}

/**
 * A modal warning; resolves to the chosen action or undefined when dismissed. Where the workbench refuses
 * dialogs (its automated-test mode rejects them) this counts as dismissed, so nothing destructive happens.
 */
export async function modal(message: string, detail: string | undefined, ...actions: string[]): Promise<string | undefined> {
  try {
    return await vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  } catch {
    return undefined;
  }
}

/** A modal confirmation; `preconfirmed` (from tests or scripted callers) skips the dialog. */
export async function confirm(message: string, action: string, detail?: string, preconfirmed?: boolean): Promise<boolean> {
  if (preconfirmed) return true;
  return (await modal(message, detail, action)) === action;
}
