// Load more: the next page under a Devices folder or any paged fleet folder (the node owns the cursor).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { DevicesNode } from '../views/nodes/devicesNode';
import { ListNode } from '../views/nodes/listNode';
import { tenantIdOf } from './targets';

export const loadMore =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<number | undefined> => {
    const node = arg instanceof DevicesNode || arg instanceof ListNode ? arg : ctx.tree.tenantNode(tenantIdOf(arg) ?? '')?.devices;
    if (!node) return undefined;
    await vscode.window.withProgress({ location: { viewId: 'profileStudio.tenants' } }, () => node.loadMore());
    return node.loadedCount;
  };
