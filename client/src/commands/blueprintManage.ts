// Blueprints (JumpCloud: device groups): Create Blueprint… (optionally from a template), Rename…, Delete…
// (typed name), and Download Enrollment Profile (the manual / OTA profile into the workspace).
import * as vscode from 'vscode';
import type { Blueprint } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { BlueprintNode } from '../views/nodes/blueprintNode';
import { pickBlueprint, pickTenant, tenantIdOf } from './targets';
import { typedConfirm } from './typedConfirm';

async function blueprintOf(ctx: Ctx, arg: unknown): Promise<{ tenantId: string; blueprint: Blueprint } | undefined> {
  if (arg instanceof BlueprintNode) return { tenantId: arg.access.tenantId, blueprint: arg.blueprint };
  const a = arg as { tenantId?: unknown; blueprint?: Blueprint } | undefined;
  if (a && typeof a.tenantId === 'string' && a.blueprint && typeof a.blueprint.id === 'string') return { tenantId: a.tenantId, blueprint: a.blueprint };
  const tenant = await pickTenant(ctx, arg);
  if (!tenant) return undefined;
  const bp = await pickBlueprint(ctx, tenant, 'Choose a blueprint');
  return bp ? { tenantId: tenant.id, blueprint: bp } : undefined;
}

const refreshBlueprints = (ctx: Ctx, tenantId: string) => ctx.tree.tenantNode(tenantId)?.blueprints.refresh();

export const createBlueprint =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { name?: string; templateId?: string | null } = {}): Promise<Blueprint | undefined> => {
    const tenant = await pickTenant(ctx, arg);
    if (!tenant) return undefined;
    const api = await ctx.api(tenant.id);
    if (!api.ok) return void ctx.say.apiError('Create Blueprint', api.error, tenant);
    let templateId = opts.templateId ?? undefined;
    if (opts.templateId === undefined && api.value.capabilities().offered.has('blueprint-templates')) {
      const templates = await ctx.access(tenant.id).call((a) => a.blueprintTemplates());
      if (!templates.ok) return void ctx.say.apiError('Loading blueprint templates', templates.error, tenant);
      const picked = await vscode.window.showQuickPick(
        [{ label: 'Blank blueprint', id: undefined as string | undefined, detail: undefined as string | undefined }, ...templates.value.map((t) => ({ label: t.name, id: t.id as string | undefined, detail: t.description }))],
        { placeHolder: 'Start from a template?' },
      );
      if (!picked) return undefined;
      templateId = picked.id;
    }
    const noun = tenant.kind === 'jumpcloud' ? 'device group' : 'blueprint';
    const name = opts.name ?? (await vscode.window.showInputBox({ prompt: `Name of the new ${noun} in ${tenant.label}`, validateInput: (v) => (v.trim() ? undefined : 'A name is required') }));
    if (!name?.trim()) return undefined;
    const done = await ctx.progress(`Creating ${name.trim()}`, () => ctx.access(tenant.id).call((a) => a.createBlueprint({ name: name.trim(), sourceTemplateId: templateId })));
    if (!done.ok) return void ctx.say.apiError(`Creating the ${noun} ${name.trim()}`, done.error, tenant);
    refreshBlueprints(ctx, tenant.id);
    return done.value;
  };

export const renameBlueprint =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { name?: string } = {}): Promise<Blueprint | undefined> => {
    const ref = await blueprintOf(ctx, arg);
    if (!ref) return undefined;
    const name = opts.name ?? (await vscode.window.showInputBox({ prompt: `Rename "${ref.blueprint.name}"`, value: ref.blueprint.name, validateInput: (v) => (v.trim() ? undefined : 'A name is required') }));
    if (!name?.trim() || name.trim() === ref.blueprint.name) return undefined;
    const done = await ctx.access(ref.tenantId).call((a) => a.renameBlueprint(ref.blueprint.id, name.trim()));
    if (!done.ok) return void ctx.say.apiError(`Renaming ${ref.blueprint.name}`, done.error, ctx.tenant(ref.tenantId));
    refreshBlueprints(ctx, ref.tenantId);
    return done.value;
  };

export const deleteBlueprint =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean | undefined> => {
    const ref = await blueprintOf(ctx, arg);
    if (!ref) return undefined;
    const tenant = ctx.tenant(ref.tenantId);
    const noun = ref.blueprint.kind === 'group' ? 'device group' : 'blueprint';
    const devices = ref.blueprint.deviceCount ? ` ${ref.blueprint.deviceCount} devices are assigned to it.` : '';
    if (!(await typedConfirm(noun, ref.blueprint.name, `From ${tenant?.label ?? 'the tenant'}.${devices}`, opts.confirm))) return false;
    const done = await ctx.progress(`Deleting ${ref.blueprint.name}`, () => ctx.access(ref.tenantId).call((a) => a.deleteBlueprint(ref.blueprint.id)));
    if (!done.ok) return void ctx.say.apiError(`Deleting ${ref.blueprint.name}`, done.error, tenant);
    ctx.say.info(`Deleted ${ref.blueprint.name}.`);
    refreshBlueprints(ctx, ref.tenantId);
    return true;
  };

/** Writes the blueprint's manual enrollment profile to enrollment/<file> in the workspace (or a save dialog). */
export const downloadEnrollmentProfile =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { out?: vscode.Uri } = {}): Promise<vscode.Uri | undefined> => {
    const ref = await blueprintOf(ctx, arg);
    if (!ref) return undefined;
    const tenant = ctx.tenant(ref.tenantId ?? tenantIdOf(arg));
    const got = await ctx.progress(`Enrollment profile of ${ref.blueprint.name}`, () => ctx.access(ref.tenantId).call((a) => a.enrollmentProfile(ref.blueprint.id)));
    if (!got.ok) return void ctx.say.apiError(`Downloading the enrollment profile of ${ref.blueprint.name}`, got.error, tenant);
    const safe = got.value.fileName.replace(/[^\w.\- ]+/g, '_') || 'enrollment.mobileconfig';
    let target = opts.out;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!target && folder) {
      const dir = vscode.Uri.joinPath(folder.uri, 'enrollment');
      await vscode.workspace.fs.createDirectory(dir);
      target = vscode.Uri.joinPath(dir, safe);
    }
    target ??= await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(safe), filters: { 'Configuration profile': ['mobileconfig'] } });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, got.value.bytes);
    ctx.say.info(`Saved the enrollment profile of ${ref.blueprint.name} to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  };
