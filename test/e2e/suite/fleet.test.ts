// The fleet half of the tree in a real VS Code: every fleet folder the vendor offers (and none it lacks),
// every node rendered, device details as a CSP-locked webview, reports as a paged table with export.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DeviceFullDetails, PrismCategory } from '../../../tenant/src/api/fleetApi';
import { PRISM_CATEGORIES } from '../../../tenant/src/api/fleetApi';
import { startSimulator } from '../../../tenant/src/simulator';
import { addTenant, apiOf, childByLabel, childrenOf, walk, extensionCtx, labelOf, removeAllTenants, startSim, stopSimulators, tempDir, unwrap, VENDORS } from './helpers';

const FOLDER_OF: Record<string, string> = { prism: 'Reports', ade: 'Automated Device Enrollment', tags: 'Tags', users: 'Users', threats: 'Threats', vulnerabilities: 'Vulnerabilities', licensing: 'Licensing' };

suite('Fleet tree', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  for (const vendor of VENDORS) {
    test(`${vendor}: the fleet folders are exactly what the vendor offers, and every node renders without an error row`, async function () {
      this.timeout(180_000);
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const id = await addTenant(sim, vendor);
      const caps = api.capabilities();
      const tenantNode = ctx.tree.tenantNode(id)!;
      const labels = (await childrenOf(ctx, tenantNode)).map((c) => labelOf(c.item));
      const expected = Object.entries(FOLDER_OF).filter(([cap]) => caps.offered.has(cap as never)).map(([, label]) => label);
      assert.deepEqual(labels, ['Blueprints', 'Library Items', 'Devices', ...expected]);

      const rows = await walk(ctx, tenantNode, 4, 10);
      const errors = rows.filter((r) => r.item.contextValue === 'message.error').map((r) => labelOf(r.item));
      assert.deepEqual(errors, [], 'no folder failed to load');
      assert.ok(rows.length > 20, `walked ${rows.length} nodes`);
      // Every kind of click in the fleet tree runs without an error message (one row per command).
      const clicked = new Set<string>();
      for (const r of rows) {
        const cmd = r.item.command;
        if (!cmd || clicked.has(cmd.command) || ['profileStudio.loadMore', 'profileStudio.refresh', 'profileStudio.updateToken', 'profileStudio.pushProfile'].includes(cmd.command)) continue;
        clicked.add(cmd.command);
        const before = ctx.say.last;
        await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
        assert.ok(ctx.say.last === before || ctx.say.last?.level !== 'error', `${cmd.command} on "${labelOf(r.item)}": ${ctx.say.last?.text}`);
      }
      if (caps.offered.has('prism')) assert.ok(clicked.has('profileStudio.openReport'), `clicked: ${[...clicked].join(', ')}`);
      assert.ok(clicked.has('profileStudio.openDevice'), `clicked: ${[...clicked].join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Device history folders appear under a device where offered.
      const device = rows.find((r) => /^device\./.test(r.item.contextValue ?? ''))!;
      assert.ok(device, 'a device row');
      assert.equal(device.item.command?.command, 'profileStudio.openDevice', 'clicking a device opens its details');
      const deviceKids = (await childrenOf(ctx, device.node)).map((k) => labelOf(k.item));
      for (const [cap, label] of [['device-library-items', 'Library Items'], ['device-apps', 'Apps'], ['device-activity', 'Activity'], ['device-commands', 'Commands']] as const) {
        assert.equal(deviceKids.includes(label), caps.offered.has(cap), `${label} under a device iff ${cap} is offered`);
      }
    });

    test(`${vendor}: device details open in a webview with a strict CSP and escaped values`, async () => {
      const ctx = await extensionCtx();
      const sim = await startSim(vendor);
      const api = apiOf(sim, vendor);
      const id = await addTenant(sim, vendor);
      const device = unwrap(await api.listDevices({ platform: 'Mac' }), 'listDevices').items[0]!;
      const details = await vscode.commands.executeCommand<DeviceFullDetails>('profileStudio.openDevice', { tenantId: id, deviceId: device.id, device });
      assert.ok(details, 'details loaded');
      const shown = ctx.details.shown.get(`${id}/device/${device.id}`);
      assert.ok(shown, 'a details panel is open');
      if (api.capabilities().offered.has('device-details')) {
        const ids = details.sections.map((s) => s.id);
        for (const s of ['general', 'hardware', 'mdm', 'filevault', 'activation-lock', 'network', 'lost-mode', 'users'] as const) assert.ok(ids.includes(s), `section ${s} among ${ids.join(', ')}`);
      }
      const html = shown.html;
      assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
      assert.match(html, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
      // The only URLs are the webview's own resource URIs (media/webview through asWebviewUri / cspSource).
      const withoutOwn = html.replace(/https:\/\/[^\s"';]*vscode-(?:cdn|resource)[^\s"';]*/g, '');
      assert.doesNotMatch(withoutOwn, /https?:\/\//, `no remote resource: ${/https?:\/\/[^\s"']*/.exec(withoutOwn)?.[0]}`);
      assert.ok(html.includes(shown.content.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }

  test('kandji: every Prism category is a report node with the API count; the table pages, sorts and filters', async function () {
    this.timeout(120_000);
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    const reports = await childByLabel(ctx, ctx.tree.tenantNode(id)!, 'Reports');
    const nodes = await childrenOf(ctx, reports.node);
    assert.equal(nodes.length, PRISM_CATEGORIES.length);
    for (const [i, c] of PRISM_CATEGORIES.entries()) {
      const count = unwrap(await api.reportCount(c), `count ${c}`);
      assert.equal(nodes[i]!.item.description, `${count.toLocaleString('en-US')} rows`, c);
      assert.equal(nodes[i]!.item.command?.command, 'profileStudio.openReport');
    }
    const category: PrismCategory = 'apps';
    const total = unwrap(await api.reportCount(category), 'count');
    await vscode.commands.executeCommand('profileStudio.openReport', { tenantId: id, category });
    const panel = ctx.reports.get(id, category)!;
    assert.ok(panel, 'the report panel is open');
    const first = await panel.query({ page: 0 });
    assert.equal(first.error, undefined);
    assert.ok(first.rows.length > 0 && first.rows.length <= 50, `a first page of at most 50 rows (${first.rows.length})`);
    if (total > 50) {
      assert.ok(first.hasMore);
      const second = await panel.query({ page: 1 });
      assert.equal(second.page, 1);
      assert.notDeepEqual(second.rows[0], first.rows[0]);
    }
    const column = first.columns.find((c) => /name/i.test(c)) ?? first.columns[0]!;
    const sorted = await panel.query({ page: 0, sort: { column, descending: true } });
    assert.equal(sorted.error, undefined);
    assert.equal(sorted.query.sortBy, `-${column}`);
    const device = unwrap(await api.listDevices({}), 'listDevices').items[0]!;
    const one = await panel.query({ page: 0, device: device.id });
    assert.equal(one.error, undefined);
    assert.equal(one.query.deviceId, device.id);
    assert.ok(one.rows.length <= first.rows.length + 50);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('kandji: a report export runs request → poll → download and writes the CSV', async function () {
    this.timeout(120_000);
    await extensionCtx();
    const sim = await startSim('kandji');
    const id = await addTenant(sim, 'kandji');
    const out = vscode.Uri.file(join(await tempDir(), 'apps.csv'));
    const outcome = await vscode.commands.executeCommand<{ status: string; bytes?: number }>('profileStudio.exportReport', { tenantId: id, category: 'apps' }, { out, pollMs: 50 });
    assert.equal(outcome.status, 'saved');
    const text = await readFile(out.fsPath, 'utf8');
    assert.ok(text.split('\n').length > 1, 'a header and rows');
  });

  test('kandji at 100,000 devices: the first device page renders from one request', async function () {
    this.timeout(300_000);
    const ctx = await extensionCtx();
    const sim = await startSimulator({ vendor: 'kandji', port: 0, data: 'demo', demo: { devices: 100_000 } });
    try {
      const id = await addTenant(sim, 'kandji');
      const devicesNode = ctx.tree.tenantNode(id)!.devices;
      const started = performance.now();
      const rows = await childrenOf(ctx, devicesNode);
      console.log(`    first device page of 100,000: ${(performance.now() - started).toFixed(0)} ms`);
      const ms = performance.now() - started;
      const devices = rows.filter((r) => /^device\./.test(r.item.contextValue ?? ''));
      assert.equal(devices.length, 300, 'one vendor page');
      assert.equal(rows.at(-1)!.item.contextValue, 'loadMore');
      assert.match(String(rows.at(-1)!.item.description), /^300 (of 100000 )?shown$/);
      assert.ok(ms < 1500, `first page in ${ms.toFixed(0)} ms`);
    } finally {
      await sim.stop();
    }
  });
});
