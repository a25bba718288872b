// Open in Browser: the item's page in the vendor's web console.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { BlueprintNode } from '../views/nodes/blueprintNode';
import { deviceRefOf, pickItem } from './targets';

export const openInBrowser =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<string | undefined> => {
    const target = await targetOf(ctx, arg);
    if (!target) return undefined;
    const api = await ctx.api(target.tenantId);
    if (!api.ok) return void ctx.say.apiError('Open in Browser', api.error, ctx.tenant(target.tenantId));
    const url = api.value.webUrl({ kind: target.kind, id: target.id });
    if (!url) return void ctx.say.info('This tenant has no web page for that item.');
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  };

async function targetOf(ctx: Ctx, arg: unknown): Promise<{ tenantId: string; kind: 'profile' | 'blueprint' | 'device'; id: string } | undefined> {
  if (arg instanceof BlueprintNode) return { tenantId: arg.access.tenantId, kind: 'blueprint', id: arg.blueprint.id };
  const device = deviceRefOf(arg);
  if (device) return { tenantId: device.tenantId, kind: 'device', id: device.deviceId };
  const item = await pickItem(ctx, arg, 'Library item to open');
  return item ? { tenantId: item.tenantId, kind: 'profile', id: item.itemId } : undefined;
}
