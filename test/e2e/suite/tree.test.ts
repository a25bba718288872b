import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Device } from '../../../tenant/src/api/tenantApi';
import { addTenant, apiOf, childByLabel, childrenOf, extensionCtx, labelOf, removeAllTenants, startSim, stopSimulators, unwrap, VENDORS } from './helpers';

suite('Tenant tree', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: tenant → Blueprints, Library Items, Devices with the tenant's content`, async () => {
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const id = await addTenant(sim, vendor);
      const tenantNode = ctx.tree.tenantNode(id);
      assert.ok(tenantNode);
      const roots = await childrenOf(ctx);
      assert.ok(roots.some((r) => r.node === tenantNode), 'the tenant is a root of the tree');
      assert.deepEqual((await childrenOf(ctx, tenantNode)).map((c) => labelOf(c.item)).slice(0, 3), ['Blueprints', 'Library Items', 'Devices']);

      const blueprints = unwrap(await api.listBlueprints(), 'listBlueprints');
      const bpNodes = await childrenOf(ctx, tenantNode.blueprints);
      assert.equal(bpNodes.length, blueprints.length);
      const withItems = await (async () => {
        for (const bp of blueprints) {
          const items = unwrap(await api.blueprintItems(bp.id), 'blueprintItems');
          if (items.length) return { bp, items };
        }
        return undefined;
      })();
      assert.ok(withItems, 'the demo tenant has a blueprint with assigned items');
      const bpNode = await childByLabel(ctx, tenantNode.blueprints, withItems.bp.name);
      const assigned = await childrenOf(ctx, bpNode.node);
      assert.deepEqual(assigned.map((a) => labelOf(a.item)).sort(), withItems.items.map((i) => i.name).sort());
      assert.ok(assigned.every((a) => /^blueprintItem\./.test(a.item.contextValue ?? '')));

      const profiles = unwrap(await api.listProfiles(), 'listProfiles');
      const libNodes = await childrenOf(ctx, tenantNode.library);
      assert.equal(libNodes.length, profiles.length);
      for (const n of libNodes) assert.match(String(n.item.description), /^(active|inactive) · /);

      const devices = await childrenOf(ctx, tenantNode.devices);
      const deviceRows = devices.filter((d) => /^device\./.test(d.item.contextValue ?? ''));
      assert.ok(deviceRows.length > 0, 'a first page of devices');
      const tooltip = deviceRows[0]!.item.tooltip as vscode.MarkdownString;
      assert.match(tooltip.value, /Serial/);
      assert.match(tooltip.value, /Last check-in/);
      assert.match(tooltip.value, /Blueprint/);
      assert.ok(deviceRows.every((d) => d.item.iconPath), 'every device has an icon');
    });

    test(`${vendor}: devices page with Load more and filter by platform and search`, async () => {
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const id = await addTenant(sim, vendor);
      const devicesNode = ctx.tree.tenantNode(id)!.devices;
      const first = await childrenOf(ctx, devicesNode);
      const loadMore = first.find((c) => c.item.contextValue === 'loadMore');
      assert.ok(loadMore, 'the demo tenant has more than one page of devices');
      const firstCount = first.length - 1;
      assert.equal(loadMore.item.command?.command, 'profileStudio.loadMore');
      const count = await vscode.commands.executeCommand<number>('profileStudio.loadMore', ...(loadMore.item.command?.arguments ?? []));
      assert.ok(count > firstCount, `load more grew the list (${firstCount} → ${count})`);
      const second = await childrenOf(ctx, devicesNode);
      const ids = second.map((c) => (c.node as { device?: Device }).device?.id).filter(Boolean);
      assert.equal(new Set(ids).size, ids.length, 'no duplicate devices across pages');

      await vscode.commands.executeCommand('profileStudio.filterDevices', devicesNode, { platform: 'iPad' });
      const ipads = (await childrenOf(ctx, devicesNode)).map((c) => (c.node as { device?: Device }).device).filter((d): d is Device => !!d);
      assert.ok(ipads.length > 0, 'the demo tenant has iPads');
      assert.ok(ipads.every((d) => d.platform === 'iPad'), 'only iPads after the filter');
      assert.match(String((await ctx.tree.getTreeItem(devicesNode)).description), /filter: iPad/);

      const target = ipads[0]!;
      await vscode.commands.executeCommand('profileStudio.filterDevices', devicesNode, { search: target.name });
      const rows = await childrenOf(ctx, devicesNode);
      const found = rows.map((c) => (c.node as { device?: Device }).device).filter((d): d is Device => !!d);
      assert.ok(found.some((d) => d.id === target.id), `search "${target.name}": ${rows.map((r) => String(r.item.label)).join(', ')}`);

      await vscode.commands.executeCommand('profileStudio.clearDeviceFilter', devicesNode);
      assert.doesNotMatch(String((await ctx.tree.getTreeItem(devicesNode)).description ?? ''), /filter/);
    });
  }
});
