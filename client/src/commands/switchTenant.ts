// Switch Tenant: which tenant is active (status bar, default for Push and Sync).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { tenantIdOf, vendorName } from './targets';

export const switchTenant =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<string | undefined> => {
    let id = tenantIdOf(arg);
    if (!id) {
      const all = ctx.tenants.list();
      if (!all.length) return void (await vscode.commands.executeCommand('profileStudio.addTenant'));
      const active = ctx.tenants.active()?.id;
      const picked = await vscode.window.showQuickPick(
        all.map((t) => ({ label: t.label, description: `${vendorName(t)}${t.id === active ? ' · active' : ''}`, id: t.id })),
        { placeHolder: 'Switch the active tenant' },
      );
      id = picked?.id;
    }
    if (!id || !ctx.tenant(id)) return undefined;
    await ctx.tenants.setActive(id);
    return id;
  };
