// Reveal Secret in a real VS Code: the value is shown only in the reveal dialog (and the clipboard when asked),
// never in the request log file, the output channel, a tree label or tooltip, or an error message.
import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SECRET_KINDS, type SecretKind } from '../../../tenant/src/api/fleetApi';
import type { SecretPrompts } from '../../../client/src/commands/secrets';
import type { Ctx } from '../../../client/src/ctx';
import { addTenant, apiOf, extensionCtx, removeAllTenants, startSim, stopSimulators, unwrap, waitFor, walk } from './helpers';

/** Everything the extension's log output channel wrote to disk so far. */
async function logText(ctx: Ctx): Promise<string> {
  const root = ctx.extension.logUri.fsPath;
  const texts: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await visit(p);
      else texts.push(await readFile(p, 'utf8'));
    }
  };
  await visit(root);
  return texts.join('\n');
}

function tooltipText(t: vscode.TreeItem['tooltip']): string {
  return typeof t === 'string' ? t : (t?.value ?? '');
}

suite('Device secrets', () => {
  let saved: SecretPrompts | undefined;
  suiteSetup(async () => {
    saved = (await extensionCtx()).secretPrompts;
  });
  suiteTeardown(async () => {
    const ctx = await extensionCtx();
    if (saved) ctx.secretPrompts = saved;
    await removeAllTenants(ctx);
    await stopSimulators();
  });

  test('kandji: each secret kind is shown once after the confirmation and never reaches logs, tooltips or errors', async function () {
    this.timeout(120_000);
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const api = apiOf(sim, 'kandji');
    const id = await addTenant(sim, 'kandji');
    const kinds = api.capabilities().secrets;
    assert.ok(kinds.length > 0, 'Kandji offers secrets');
    const device = unwrap(await api.listDevices({ platform: 'Mac' }), 'listDevices').items[0]!;

    const asked: { message: string; detail: string }[] = [];
    const shownValues: string[] = [];
    let answer = false;
    ctx.secretPrompts = {
      confirm: async (message, detail) => (asked.push({ message, detail }), answer),
      show: async (_message, value) => (shownValues.push(value), true),
    };

    // Declined: nothing is read.
    const declined = await vscode.commands.executeCommand<{ status: string }>('profileStudio.revealSecret', { tenantId: id, deviceId: device.id, device }, { kind: kinds[0] });
    assert.equal(declined.status, 'cancelled');
    assert.equal(shownValues.length, 0);
    assert.match(asked[0]!.message, new RegExp(device.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the modal names the device');

    answer = true;
    const values = new Map<SecretKind, string>();
    for (const kind of kinds) {
      const expected = unwrap(await api.deviceSecret(device.id, kind), `deviceSecret ${kind}`).value;
      const outcome = await vscode.commands.executeCommand<{ status: string; copied?: boolean }>('profileStudio.revealSecret', { tenantId: id, deviceId: device.id, device }, { kind });
      assert.equal(outcome.status, 'shown', kind);
      assert.equal(shownValues.at(-1), expected, `the dialog shows the ${kind}`);
      // The web workbench may have no clipboard permission (it then reads ''); when it has one, the value is there.
      const clip = await vscode.env.clipboard.readText();
      assert.ok(clip === expected || clip === '', 'copied on request');
      values.set(kind, expected);
    }
    assert.equal(asked.length, kinds.length + 1);
    assert.ok(asked.slice(1).every((a) => a.message.includes(device.name) && /FileVault|PIN|bypass|Recovery/i.test(a.message)), 'every modal names device and secret');

    // A failing read: the error names device and secret, never a value.
    const missing = await vscode.commands.executeCommand<{ status: string }>('profileStudio.revealSecret', { tenantId: id, deviceId: '00000000-0000-0000-0000-000000000000', device: { ...device, id: '00000000-0000-0000-0000-000000000000' } }, { kind: kinds[0] });
    assert.equal(missing.status, 'failed');
    const errorText = ctx.say.last?.text ?? '';
    assert.match(errorText, /Reading the/);

    const log = await waitFor(async () => {
      const text = await logText(ctx);
      return (text.match(/secret read/g) ?? []).length >= kinds.length ? text : undefined;
    }, 'the "secret read" lines in the request log file');
    const rows = await walk(ctx, ctx.tree.tenantNode(id)!, 3, 10);
    for (const [kind, value] of values) {
      assert.ok(!log.includes(value), `the ${kind} is not in the log`);
      assert.ok(!errorText.includes(value), `the ${kind} is not in the error`);
      for (const r of rows) {
        assert.ok(!labelText(r.item).includes(value) && !tooltipText(r.item.tooltip).includes(value) && !String(r.item.description ?? '').includes(value), `the ${kind} is on no tree row`);
      }
      const settings = JSON.stringify(vscode.workspace.getConfiguration('profileStudio'));
      assert.ok(!settings.includes(value), `the ${kind} is in no setting`);
      assert.ok(!JSON.stringify(ctx.extension.globalState.keys().map((k) => ctx.extension.globalState.get(k))).includes(value), `the ${kind} is not in global state`);
    }
    assert.ok(SECRET_KINDS.length >= kinds.length);
  });

  test('jumpcloud: a vendor without secrets says so and asks nothing', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('jumpcloud');
    const api = apiOf(sim, 'jumpcloud');
    if (api.capabilities().secrets.length) return; // JumpCloud grew secrets: covered by the Kandji test's shape.
    const id = await addTenant(sim, 'jumpcloud');
    const device = unwrap(await api.listDevices({}), 'listDevices').items[0]!;
    let asked = 0;
    ctx.secretPrompts = { confirm: async () => (asked++, true), show: async () => false };
    const outcome = await vscode.commands.executeCommand<{ status: string }>('profileStudio.revealSecret', { tenantId: id, deviceId: device.id, device }, { kind: 'filevault' });
    assert.equal(outcome.status, 'not-offered');
    assert.equal(asked, 0);
    assert.match(ctx.say.last?.text ?? '', /not offered by JumpCloud/);
  });
});

const labelText = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
