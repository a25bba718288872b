// Try the Demo Tenant: starts the built-in simulator (Kandji or JumpCloud flavour) on 127.0.0.1 with demo
// data, adds it as the active tenant for this session and reveals it in the tree.
import * as vscode from 'vscode';
import type { VendorKind } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../ctx';

export const tryDemoTenant =
  (ctx: Ctx) =>
  async (args: { vendor?: VendorKind } = {}): Promise<string | undefined> => {
    const vendor =
      args.vendor ??
      (
        await vscode.window.showQuickPick(
          [
            { label: 'Kandji demo', detail: 'Blueprints (classic and map), custom profiles, devices', vendor: 'kandji' as const },
            { label: 'JumpCloud demo', detail: 'Device groups, custom MDM profile policies, devices', vendor: 'jumpcloud' as const },
          ],
          { placeHolder: 'Which MDM should the demo tenant behave like?' },
        )
      )?.vendor;
    if (!vendor) return undefined;
    try {
      const record = await ctx.progress('Starting the demo tenant', () => ctx.demo.start(vendor));
      await ctx.tenants.setActive(record.id);
      const node = ctx.tree.tenantNode(record.id);
      if (node && ctx.tree.view.visible) await ctx.tree.view.reveal(node, { expand: true, select: true });
      return record.id;
    } catch (e) {
      ctx.say.error(`Could not start the demo tenant: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
