// Remove Tenant: forgets the tenant and deletes its token from SecretStorage (nothing changes in the MDM).
import type { Ctx } from '../ctx';
import { confirm, pickTenant } from './targets';

export const removeTenant =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { confirm?: boolean } = {}): Promise<boolean> => {
    const tenant = await pickTenant(ctx, arg, 'Tenant to remove');
    if (!tenant) return false;
    const ok = await confirm(
      `Remove tenant "${tenant.label}" from Profile Studio?`,
      'Remove',
      'Its token is deleted from this machine. Nothing changes in the MDM itself.',
      opts.confirm,
    );
    if (!ok) return false;
    await ctx.credentials.delete(tenant.id);
    await ctx.demo.stop(tenant.id);
    ctx.connections.forget(tenant.id);
    await ctx.tenants.remove(tenant.id);
    return true;
  };
