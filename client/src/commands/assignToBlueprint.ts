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
    if (!nodeId && kind !== 'classic' && kind !== 'group') {
      // Map blueprints place an item at a node of the map. Where the API lists nodes, pick one; where it
      // cannot (Kandji has no endpoint for them), ask for the node id shown in the web app's map editor.
      const nodes = await access.call((api) => api.assignmentNodes(blueprintId));
      if (!nodes.ok) {
        ctx.say.apiError('Loading assignment nodes', nodes.error, tenant);
        return false;
      }
      if (nodes.value.length) {
        const picked = await vscode.window.showQuickPick(
          nodes.value.map((n) => ({ label: n.name, id: n.id })),
          { placeHolder: `Where in the map blueprint ${bpName ?? ''} should it go?` },
        );
        if (!picked) return false;
        nodeId = picked.id;
      } else if (kind === 'map') {
        nodeId = await vscode.window.showInputBox({
          prompt: `Assignment node ID in the map blueprint ${bpName ?? ''}`,
          placeHolder: 'Open the blueprint map in the web app and copy the node ID',
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : 'A map blueprint needs the node to assign to'),
        });
        if (!nodeId?.trim()) return false;
        nodeId = nodeId.trim();
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
