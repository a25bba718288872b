// Tags: Create Tag… (on the Tags folder), Rename Tag…, Delete Tag… (modal naming the tag).
import * as vscode from 'vscode';
import type { Tag } from '../../../tenant/src/api/fleetApi';
import type { Ctx } from '../ctx';
import { RecordNode } from '../views/nodes/listNode';
import { refreshFolder } from './records';
import { confirm, pickTenant } from './targets';

function tagOf(arg: unknown): { tenantId: string; tag: Tag } | undefined {
  if (arg instanceof RecordNode && arg.view.contextValue === 'tag') return { tenantId: arg.tenantId, tag: arg.record as Tag };
  const a = arg as { tenantId?: unknown; tag?: Tag } | undefined;
  if (a && typeof a.tenantId === 'string' && a.tag && typeof a.tag.id === 'string') return { tenantId: a.tenantId, tag: a.tag };
  return undefined;
}

const validName = (v: string) => (v.trim() ? undefined : 'A tag needs a name');

export const createTag =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { name?: string } = {}): Promise<Tag | undefined> => {
    const tenant = await pickTenant(ctx, arg);
    if (!tenant) return undefined;
    const name = opts.name ?? (await vscode.window.showInputBox({ prompt: `New tag in ${tenant.label}`, validateInput: validName }));
    if (!name?.trim()) return undefined;
    const done = await ctx.access(tenant.id).call((api) => api.createTag(name.trim()));
    if (!done.ok) return void ctx.say.apiError(`Creating the tag ${name.trim()}`, done.error, tenant);
    refreshFolder(ctx, tenant.id, 'tags');
    return done.value;
  };

export const renameTag =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { name?: string } = {}): Promise<Tag | undefined> => {
    const ref = tagOf(arg);
    if (!ref) return void ctx.say.info('Rename a tag from the Profile Studio view.');
    const name = opts.name ?? (await vscode.window.showInputBox({ prompt: `Rename the tag "${ref.tag.name}"`, value: ref.tag.name, validateInput: validName }));
    if (!name?.trim() || name.trim() === ref.tag.name) return undefined;
    const done = await ctx.access(ref.tenantId).call((api) => api.renameTag(ref.tag.id, name.trim()));
    if (!done.ok) return void ctx.say.apiError(`Renaming the tag ${ref.tag.name}`, done.error, ctx.tenant(ref.tenantId));
    refreshFolder(ctx, ref.tenantId, 'tags');
    return done.value;
  };

export const deleteTag =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean | undefined> => {
    const ref = tagOf(arg);
    if (!ref) return void ctx.say.info('Delete a tag from the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    if (!(await confirm(`Delete the tag "${ref.tag.name}" from ${tenant?.label ?? 'the tenant'}?`, 'Delete Tag', 'Devices and items lose this tag.', opts.confirm))) return false;
    const done = await ctx.access(ref.tenantId).call((api) => api.deleteTag(ref.tag.id));
    if (!done.ok) return void ctx.say.apiError(`Deleting the tag ${ref.tag.name}`, done.error, tenant);
    refreshFolder(ctx, ref.tenantId, 'tags');
    return true;
  };
