// Rename Tenant: the label only; id, URL and token stay.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pickTenant } from './targets';

export const renameTenant =
  (ctx: Ctx) =>
  async (arg?: unknown, newLabel?: string): Promise<void> => {
    const tenant = await pickTenant(ctx, arg, 'Tenant to rename');
    if (!tenant) return;
    const label = newLabel ?? (await vscode.window.showInputBox({ prompt: `New name for ${tenant.label}`, value: tenant.label }));
    if (!label?.trim()) return;
    await ctx.tenants.rename(tenant.id, label.trim());
  };
