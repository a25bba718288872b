// Delete: removes the library item from the tenant after a modal confirmation that names the tenant.
import type { Ctx } from '../ctx';
import { confirm, pickItem } from './targets';

export const deleteProfile =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean> => {
    const ref = await pickItem(ctx, arg, 'Library item to delete');
    if (!ref) return false;
    const tenant = ctx.tenant(ref.tenantId);
    if (!tenant) return false;
    const ok = await confirm(
      `Delete "${ref.name ?? ref.itemId}" from ${tenant.label}?`,
      'Delete',
      'The profile is removed from every blueprint and uninstalled from the devices it was installed on. This cannot be undone.',
      opts.confirm,
    );
    if (!ok) return false;
    const result = await ctx.progress(`Deleting ${ref.name ?? 'library item'}`, () => ctx.access(tenant.id).call((api) => api.deleteProfile(ref.itemId)));
    if (!result.ok) {
      ctx.say.apiError('Delete', result.error, tenant);
      return false;
    }
    ctx.tree.tenantNode(tenant.id)?.refresh();
    return true;
  };
