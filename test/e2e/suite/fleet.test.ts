// The fleet half of the tree in a real VS Code: every fleet folder the vendor offers (and none it lacks),
// every node rendered, device details as a CSP-locked webview, reports as a paged table with export.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../client/src/commands/reports';
import { slug } from '../../../client/src/commands/reports';
import type { DeviceFullDetails, PrismCategory } from '../../../tenant/src/api/fleetApi';
import type { Device } from '../../../tenant/src/api/tenantApi';
import { PRISM_CATEGORIES } from '../../../tenant/src/api/fleetApi';
import { startSimulator } from '../../../tenant/src/simulator';
import { addTenant, apiOf, childByLabel, childrenOf, walk, extensionCtx, labelOf, removeAllTenants, startSim, stopSimulators, tempDir, unwrap, VENDORS, waitFor } from './helpers';

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

  test('kandji: a report export runs request → poll → download; from the tree it is the whole category, from the panel the rows of its filter and sort', async function () {
    this.timeout(180_000);
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    // As from the tree or the palette: no filter, the whole category.
    const out = vscode.Uri.file(join(await tempDir(), 'apps.csv'));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('profileStudio.exportReport', { tenantId: id, category: 'apps' }, { out, pollMs: 50 });
    assert.equal(outcome.status, 'saved');
    const whole = parseCsv(await readFile(out.fsPath, 'utf8'));
    assert.equal(whole.rows.length, unwrap(await api.reportCount('apps'), 'count'), 'every row of the category');

    // From the panel: the blueprint and sort the table shows.
    const device = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 1 }), 'listDevices').items[0]!;
    const blueprint = unwrap(await api.listBlueprints(), 'listBlueprints').find((b) => b.id === device.blueprintId)!;
    await vscode.commands.executeCommand('profileStudio.openReport', { tenantId: id, category: 'apps' });
    const panel = ctx.reports.get(id, 'apps')!;
    const shown = await panel.query({ page: 0, blueprintId: blueprint.id, sort: { column: 'name', descending: false } });
    assert.equal(shown.error, undefined);
    const saved = await panel.exportShown({ pollMs: 50 });
    assert.equal(saved.status, 'saved');
    const name = saved.uri!.path.split('/').pop()!;
    assert.match(name, new RegExp(`^apps-blueprint-${slug(blueprint.name)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`), 'the file name says which blueprint');
    const byBlueprint = parseCsv(await readFile(saved.uri!.fsPath, 'utf8'));
    await vscode.workspace.fs.delete(saved.uri!);
    assert.equal(byBlueprint.rows.length, unwrap(await api.reportCount('apps', { blueprintId: blueprint.id }), 'count'));
    assert.ok(byBlueprint.rows.length > 0 && byBlueprint.rows.length < whole.rows.length, `${byBlueprint.rows.length} of ${whole.rows.length} rows`);
    assert.ok(byBlueprint.rows.every((r) => r['blueprint_id'] === blueprint.id), 'only rows of the blueprint');
    const apps = byBlueprint.rows.map((r) => r['name']!);
    assert.deepEqual(apps, [...apps].sort((x, y) => x.localeCompare(y)), 'in the table\'s order');
    assert.deepEqual(byBlueprint.rows.slice(0, shown.rows.length).map((r) => r['name']), shown.rows.map((r) => String(r['name'])), 'the file starts with the rows shown');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('kandji: the report panel\'s Pick… shows a paged, searchable device QuickPick and its answer filters the table and the export', async function () {
    this.timeout(180_000);
    const { ctx, api, id, panel } = await openAppsReport();
    // A Mac beyond the first pick page, so only the vendor's search can list it (one whose name search finds it on
    // the search's first page: many demo names repeat, e.g. "Ana's MacBook Air").
    let later: Device | undefined;
    for (const d of unwrap(await api.listDevices({ platform: 'Mac', pageSize: 20 }, '300'), 'listDevices').items) {
      if (unwrap(await api.listDevices({ search: d.name, pageSize: 100 }), 'search').items.some((x) => x.id === d.id)) {
        later = d;
        break;
      }
    }
    assert.ok(later, 'a Mac found by its name');
    const picking = vscode.commands.executeCommand<Device | undefined>('profileStudio.pickReportDevice', { tenantId: id, category: 'apps' });
    const qp = await waitFor(() => (ctx.devicePicker && !ctx.devicePicker.busy && ctx.devicePicker.items.length ? ctx.devicePicker : undefined), 'the device QuickPick with its first page');
    assert.equal(qp.items.filter((i) => i.device).length, 100, 'one page of 100 devices, not the whole tenant');
    assert.ok(qp.items.at(-1)!.more, 'a Load more row');
    assert.ok(!qp.items.some((i) => i.device?.id === later.id));
    const first = qp.items[0]!;
    assert.ok(first.description?.includes(first.device!.serial!), `serial beside the name: ${first.description}`);
    qp.value = later.name;
    const found = await waitFor(() => qp.items.find((i) => i.device?.id === later.id), `"${later.name}" found by the search`);
    qp.activeItems = [found];
    await waitFor(async () => {
      // The QuickPick sends its changes to the workbench on the next tick; accept after that, or the workbench
      // would still have its first row active.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return ctx.devicePicker === undefined;
    }, 'the QuickPick accepted');
    const picked = await picking;
    assert.equal(picked?.id, later.id);
    // The id went into the panel's Device field and the page script applied it.
    const filtered = await waitFor(() => (panel.last?.query.deviceId === later.id ? panel.last : undefined), 'a page filtered by the picked device');
    assert.equal(filtered.error, undefined);
    assert.ok(filtered.rows.length > 0 && filtered.rows.every((r) => r['device_id'] === later.id));
    const saved = await panel.exportShown({ pollMs: 50 });
    assert.equal(saved.status, 'saved');
    assert.match(saved.uri!.path, new RegExp(`/apps-device-${slug(later.name)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`), 'the file name names the device');
    const rows = parseCsv(await readFile(saved.uri!.fsPath, 'utf8')).rows;
    await vscode.workspace.fs.delete(saved.uri!);
    assert.equal(rows.length, unwrap(await api.reportCount('apps', { deviceId: later.id }), 'count'));
    assert.ok(rows.every((r) => r['device_id'] === later.id), 'only the picked device\'s rows');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('kandji: a slow answer to an older filter does not replace the newer filter\'s rows', async function () {
    this.timeout(120_000);
    const { sim, api, panel } = await openAppsReport();
    const device = unwrap(await api.listDevices({}), 'listDevices').items[0]!;
    // The whole category is answered 1.5 s late; the device's page, asked right after, comes first.
    sim.faults.add({ kind: 'latency', ms: 1500, path: '/api/v1/prism/apps' });
    const [late, newer] = await Promise.all([panel.query({ page: 0 }), panel.query({ page: 0, device: device.id })]);
    assert.equal(newer.query.deviceId, device.id);
    assert.equal(late.query.deviceId, device.id, 'once the late answer came, the device\'s rows were still on screen');
    assert.ok(sim.faults.active().length === 0, 'the late call was made');
    assert.ok(panel.last!.rows.length > 0 && panel.last!.rows.every((r) => r['device_id'] === device.id));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

/** RFC 4180 CSV (quoted cells with "" and line breaks) into a header and one record per row. */
/** A Kandji demo tenant with its Applications report open and the first page shown. */
async function openAppsReport() {
  const ctx = await extensionCtx();
  const sim = await startSim('kandji');
  const api = apiOf(sim, 'kandji');
  const id = await addTenant(sim, 'kandji');
  await vscode.commands.executeCommand('profileStudio.openReport', { tenantId: id, category: 'apps' });
  const panel = ctx.reports.get(id, 'apps')!;
  await waitFor(() => panel.last, 'the first page');
  return { ctx, sim, api, id, panel };
}

function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell || record.length) records.push([...record, cell]);
  const [columns = [], ...rows] = records;
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) };
}
