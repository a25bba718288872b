// Refresh: one node (a folder, a blueprint, a tenant) or, without an argument, everything.
import type { Ctx } from '../ctx';
import { TreeNode } from '../views/nodes/treeNode';
import { tenantIdOf } from './targets';

export const refresh =
  (ctx: Ctx) =>
  (arg?: unknown): void => {
    if (arg instanceof TreeNode) return arg.refresh();
    const tenantId = tenantIdOf(arg);
    if (tenantId) return ctx.tree.tenantNode(tenantId)?.refresh();
    ctx.tree.refresh();
  };
