// Filter Devices: by platform and a search text; the Devices folder starts again from page one.
import * as vscode from 'vscode';
import { DEVICE_PLATFORMS, type DevicePlatform } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';
import { DevicesNode } from '../views/nodes/devicesNode';
import { pickTenant } from './targets';


export const filterDevices =
  (ctx: Ctx) =>
  async (arg?: unknown, filter?: { platform?: DevicePlatform; search?: string }): Promise<boolean> => {
    const node = arg instanceof DevicesNode ? arg : await devicesOf(ctx, arg);
    if (!node) return false;
    let next = filter;
    if (!next) {
      const current = node.query;
      const platform = await vscode.window.showQuickPick(
        [{ label: 'All platforms', platform: undefined as DevicePlatform | undefined }, ...DEVICE_PLATFORMS.map((p) => ({ label: p, platform: p as DevicePlatform | undefined }))].map(
          (i) => ({ ...i, picked: i.platform === current.platform, description: i.platform === current.platform ? 'current' : undefined }),
        ),
        { placeHolder: 'Show devices of which platform?' },
      );
      if (!platform) return false;
      const search = await vscode.window.showInputBox({
        prompt: 'Search devices by name, serial or user (leave empty for all)',
        value: current.search ?? '',
      });
      if (search === undefined) return false;
      next = { platform: platform.platform, search };
    }
    node.setFilter(next);
    if (ctx.tree.view.visible) await ctx.tree.view.reveal(node, { expand: true });
    return true;
  };

export const clearDeviceFilter =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<void> => {
    const node = arg instanceof DevicesNode ? arg : await devicesOf(ctx, arg);
    node?.setFilter({});
  };

async function devicesOf(ctx: Ctx, arg: unknown): Promise<DevicesNode | undefined> {
  const tenant = await pickTenant(ctx, arg, 'Filter the devices of which tenant?');
  return tenant ? ctx.tree.tenantNode(tenant.id)?.devices : undefined;
}
