// Details pages for fleet records (a user, a vulnerability, an ADE device, the licence, any vendor record),
// Delete User…, and the ADE public key.
import * as vscode from 'vscode';
import type { TenantUser } from '../../../tenant/src/api/fleetApi';
import type { Ctx } from '../ctx';
import { RecordNode } from '../views/nodes/listNode';
import { type DetailsContent, recordFields } from '../webviews/detailsPanel';
import { confirm, isObject, pickTenant } from './targets';

/** Shows a details page built by a tree node (vendor records, a device's library item with its log). */
export const showRecord =
  (ctx: Ctx) =>
  (arg?: unknown): DetailsContent | undefined => {
    if (!isObject(arg) || typeof arg.key !== 'string' || typeof arg.title !== 'string' || !Array.isArray(arg.sections)) return undefined;
    const content = arg as unknown as DetailsContent & { key: string };
    ctx.details.show(content.key, { title: content.title, subtitle: content.subtitle, sections: content.sections });
    return content;
  };

function userIdOf(arg: unknown): { tenantId: string; userId: string; user?: TenantUser } | undefined {
  if (arg instanceof RecordNode && arg.view.contextValue?.startsWith('user')) return { tenantId: arg.tenantId, userId: (arg.record as TenantUser).id, user: arg.record as TenantUser };
  if (isObject(arg) && typeof arg.tenantId === 'string' && typeof arg.userId === 'string') return { tenantId: arg.tenantId, userId: arg.userId };
  return undefined;
}

export const showUser =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<TenantUser | undefined> => {
    const ref = userIdOf(arg);
    if (!ref) return void ctx.say.info('Show a user from the Profile Studio view.');
    const got = await ctx.access(ref.tenantId).call((api) => api.getUser(ref.userId));
    if (!got.ok) return void ctx.say.apiError('Loading the user', got.error, ctx.tenant(ref.tenantId));
    const u = got.value;
    ctx.details.show(`${ref.tenantId}/user/${u.id}`, {
      title: u.name || u.email || u.id,
      subtitle: ctx.tenant(ref.tenantId)?.label,
      badges: u.archived ? ['Archived'] : [],
      sections: [
        {
          title: 'User',
          fields: [
            { label: 'Name', value: u.name },
            { label: 'Email', value: u.email ?? '' },
            { label: 'Username', value: u.username ?? '' },
            { label: 'Department', value: u.department ?? '' },
            { label: 'Job title', value: u.jobTitle ?? '' },
            { label: 'Active', value: u.active === undefined ? '' : u.active ? 'yes' : 'no' },
            { label: 'Devices', value: u.deviceCount === undefined ? '' : String(u.deviceCount) },
            { label: 'Created', value: u.createdAt ?? '' },
            { label: 'ID', value: u.id },
          ],
        },
      ],
    });
    return u;
  };

export const deleteUser =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean | undefined> => {
    const ref = userIdOf(arg);
    if (!ref) return void ctx.say.info('Delete a user from the Profile Studio view.');
    const tenant = ctx.tenant(ref.tenantId);
    const name = ref.user?.name || ref.user?.email || ref.userId;
    // Kandji refuses a user who still has devices; JumpCloud unbinds them.
    const detail = tenant?.kind === 'kandji' ? 'Kandji deletes only users who have no devices.' : 'Their devices stay enrolled without a user.';
    if (!(await confirm(`Delete the user "${name}" from ${tenant?.label ?? 'the tenant'}?`, 'Delete User', detail, opts.confirm))) return false;
    const done = await ctx.access(ref.tenantId).call((api) => api.deleteUser(ref.userId));
    if (!done.ok) return void ctx.say.apiError(`Deleting the user ${name}`, done.error, tenant);
    ctx.say.info(`Deleted the user ${name}.`);
    refreshFolder(ctx, ref.tenantId, 'users');
    return true;
  };

export const showVulnerability =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<Record<string, unknown> | undefined> => {
    if (!isObject(arg) || typeof arg.tenantId !== 'string' || typeof arg.cveId !== 'string') return undefined;
    const { tenantId, cveId } = arg as { tenantId: string; cveId: string };
    const got = await ctx.access(tenantId).call((api) => api.vulnerability(cveId));
    if (!got.ok) return void ctx.say.apiError(`Loading ${cveId}`, got.error, ctx.tenant(tenantId));
    const r = got.value;
    const description = typeof r.description === 'string' ? r.description : '';
    const rest = { ...r };
    delete rest.description;
    ctx.details.show(`${tenantId}/vulnerability/${cveId}`, {
      title: cveId,
      subtitle: ctx.tenant(tenantId)?.label,
      sections: [
        { title: 'Description', fields: description ? [{ label: 'Summary', value: description }] : [] },
        { title: 'Details', fields: recordFields(rest) },
      ],
    });
    return r;
  };

export const showAdeDevice =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<unknown> => {
    if (!isObject(arg) || typeof arg.tenantId !== 'string' || typeof arg.adeDeviceId !== 'string') return undefined;
    const { tenantId, adeDeviceId } = arg as { tenantId: string; adeDeviceId: string };
    const got = await ctx.access(tenantId).call((api) => api.adeDevice(adeDeviceId));
    if (!got.ok) return void ctx.say.apiError('Loading the ADE device', got.error, ctx.tenant(tenantId));
    const d = got.value;
    ctx.details.show(`${tenantId}/ade/${d.id}`, { title: d.serial, subtitle: 'Automated Device Enrollment', sections: [{ title: 'ADE device', fields: recordFields({ ...d }) }] });
    return d;
  };

export const showLicensing =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<unknown> => {
    const tenant = await pickTenant(ctx, arg);
    if (!tenant) return undefined;
    const got = await ctx.access(tenant.id).call((api) => api.licensing());
    if (!got.ok) return void ctx.say.apiError('Loading the licence', got.error, tenant);
    const l = got.value;
    ctx.details.show(`${tenant.id}/licensing`, {
      title: `Licensing · ${tenant.label}`,
      sections: [
        { title: 'Counts', fields: l.counts.map((c) => ({ label: c.label, value: c.total !== undefined ? `${c.used} of ${c.total}` : `${c.used}` })) },
        { title: 'Licence', fields: [{ label: 'Tier', value: l.tier ?? '' }, { label: 'Expires', value: l.expiresAt ?? '' }] },
      ],
    });
    return l;
  };

/** The ADE public key (PEM) in a read-only-looking untitled document, for upload to Apple Business Manager. */
export const adePublicKey =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<string | undefined> => {
    const tenant = await pickTenant(ctx, arg);
    if (!tenant) return undefined;
    const got = await ctx.access(tenant.id).call((api) => api.adePublicKey());
    if (!got.ok) return void ctx.say.apiError('Loading the ADE public key', got.error, tenant);
    const doc = await vscode.workspace.openTextDocument({ content: got.value, language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: true });
    return got.value;
  };

/** Re-renders a tenant's fleet folder by key after a change (the tenant node rebuilds its folders). */
export function refreshFolder(ctx: Ctx, tenantId: string, key: string): void {
  const tenant = ctx.tree.tenantNode(tenantId);
  const folder = tenant?.fleetFolder(key);
  if (folder) folder.refresh();
  else tenant?.refresh();
}
