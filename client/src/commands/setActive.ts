// Activate / Deactivate a library item.
import type { LibraryItem } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { pickItem } from './targets';

export const setActive =
  (ctx: Ctx, active: boolean) =>
  async (arg?: unknown): Promise<LibraryItem | undefined> => {
    const ref = await pickItem(ctx, arg, active ? 'Library item to activate' : 'Library item to deactivate');
    if (!ref) return undefined;
    const tenant = ctx.tenant(ref.tenantId);
    const verb = active ? 'Activating' : 'Deactivating';
    const result = await ctx.progress(`${verb} ${ref.name ?? 'library item'}`, () => ctx.access(ref.tenantId).call((api) => api.setActive(ref.itemId, active)));
    if (!result.ok) return void ctx.say.apiError(verb, result.error, tenant);
    ctx.tree.tenantNode(ref.tenantId)?.refresh();
    return result.value;
  };
