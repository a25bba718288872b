// Assign to Blueprint: pick the blueprint; map blueprints also ask for the assignment node.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pickBlueprint, pickItem } from './targets';

export interface AssignArgs {
  blueprintId?: string;
  nodeId?: string;
}

export const assignToBlueprint =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: AssignArgs = {}): Promise<boolean> => {
    const ref = await pickItem(ctx, arg, 'Library item to assign');
    if (!ref) return false;
    const tenant = ctx.tenant(ref.tenantId);
    if (!tenant) return false;
    const access = ctx.access(tenant.id);
    let blueprintId = opts.blueprintId;
    let kind: string | undefined;
    let bpName = blueprintId;
    if (!blueprintId) {
      const bp = await pickBlueprint(ctx, tenant, `Assign ${ref.name ?? 'the item'} to which blueprint?`);
      if (!bp) return false;
      blueprintId = bp.id;
      kind = bp.kind;
      bpName = bp.name;
    }
    let nodeId = opts.nodeId;
    if (!nodeId && (kind === 'map' || kind === undefined)) {
      // Classic blueprints and groups have no nodes; a map blueprint lists where the item can go.
      const nodes = await access.call((api) => api.assignmentNodes(blueprintId));
      if (nodes.ok && nodes.value.length) {
        const picked = await vscode.window.showQuickPick(
          nodes.value.map((n) => ({ label: n.name, id: n.id })),
          { placeHolder: `Where in the map blueprint ${bpName ?? ''} should it go?` },
        );
        if (!picked) return false;
        nodeId = picked.id;
      } else if (!nodes.ok && kind === 'map') {
        ctx.say.apiError('Loading assignment nodes', nodes.error, tenant);
        return false;
      }
    }
    const result = await ctx.progress(`Assigning ${ref.name ?? 'library item'}`, () => access.call((api) => api.assign(blueprintId, ref.itemId, nodeId)));
    if (!result.ok) {
      ctx.say.apiError('Assign to Blueprint', result.error, tenant);
      return false;
    }
    ctx.tree.tenantNode(tenant.id)?.blueprints.refresh();
    void ctx.say.info(`Assigned ${ref.name ?? 'the library item'} to ${bpName ?? 'the blueprint'}.`);
    return true;
  };
