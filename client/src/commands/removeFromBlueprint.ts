// Remove from Blueprint: from a node under a blueprint, or pick the blueprint.
import type { Ctx } from '../ctx';
import { pickBlueprint, pickItem } from './targets';

export const removeFromBlueprint =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { blueprintId?: string } = {}): Promise<boolean> => {
    const ref = await pickItem(ctx, arg, 'Library item to remove from a blueprint');
    if (!ref) return false;
    const tenant = ctx.tenant(ref.tenantId);
    if (!tenant) return false;
    let blueprintId = opts.blueprintId ?? ref.blueprintId;
    let bpName = ref.blueprintName;
    if (!blueprintId) {
      const bp = await pickBlueprint(ctx, tenant, `Remove ${ref.name ?? 'the item'} from which blueprint?`);
      if (!bp) return false;
      blueprintId = bp.id;
      bpName = bp.name;
    }
    const id = blueprintId;
    const result = await ctx.progress(`Removing ${ref.name ?? 'library item'} from ${bpName ?? 'blueprint'}`, () =>
      ctx.access(tenant.id).call((api) => api.unassign(id, ref.itemId)),
    );
    if (!result.ok) {
      ctx.say.apiError('Remove from Blueprint', result.error, tenant);
      return false;
    }
    ctx.tree.tenantNode(tenant.id)?.blueprints.refresh();
    return true;
  };
