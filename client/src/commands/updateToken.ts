// Update Token: replace a tenant's token after a 401 or a rotation; checked before it is stored.
import * as vscode from 'vscode';
import { type Ctx, describe } from '../ctx';
import { pickTenant } from './targets';

export const updateToken =
  (ctx: Ctx) =>
  async (arg?: unknown, newToken?: string): Promise<boolean> => {
    const tenant = await pickTenant(ctx, arg, 'Tenant whose token to update');
    if (!tenant) return false;
    const token =
      newToken ??
      (await vscode.window.showInputBox({
        prompt: `New ${tenant.kind === 'kandji' ? 'API token' : 'API key'} for ${tenant.label}`,
        password: true,
        ignoreFocusOut: true,
      }));
    if (!token?.trim()) return false;
    const verified = await ctx.progress(`Checking the token for ${tenant.label}`, () => ctx.connections.build(tenant, token.trim()).verify());
    if (!verified.ok) {
      ctx.say.error(`The token for ${tenant.label} was not accepted: ${describe(verified.error)}`);
      return false;
    }
    await ctx.credentials.set(tenant.id, token.trim());
    ctx.connections.forget(tenant.id);
    ctx.tree.tenantNode(tenant.id)?.refresh();
    return true;
  };
