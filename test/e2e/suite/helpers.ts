// Shared by the extension tests: the running extension's context, simulators started in-process,
// tenants added through the real command, fixture profiles, and polling with a deadline (no sleeps).
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createTenantApi } from '../../../tenant/src/api';
import type { TenantApi, VendorKind } from '../../../tenant/src/api/tenantApi';
import type { Ctx } from '../../../client/src/ctx';
import type { ProfileStudioExports } from '../../../client/src/extension';
import { startSimulator } from '../../../tenant/src/simulator';

export const EXTENSION_ID = 'profile-studio.profile-studio';
export const VENDORS: VendorKind[] = ['kandji', 'jumpcloud'];

export async function extensionCtx(): Promise<Ctx> {
  const ext = vscode.extensions.getExtension<ProfileStudioExports>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const exports = await ext.activate();
  return exports.ctx;
}

export type Sim = Awaited<ReturnType<typeof startSimulator>>;

const running: Sim[] = [];

/** A fresh simulator with demo data on 127.0.0.1:0; stopped by stopSimulators(). */
export async function startSim(vendor: VendorKind): Promise<Sim> {
  const sim = await startSimulator({ vendor, port: 0, data: 'demo' });
  running.push(sim);
  return sim;
}

export async function stopSimulators(): Promise<void> {
  for (const sim of running.splice(0)) await sim.stop().catch(() => undefined);
}

/** A client of our own to look at the simulator's state over real HTTP. */
export function apiOf(sim: Sim, vendor: VendorKind): TenantApi {
  return createTenantApi({ kind: vendor, baseUrl: sim.url, token: sim.token });
}

/** Adds the simulator as a tenant through the real command (token checked, stored in SecretStorage). */
export async function addTenant(sim: Sim, vendor: VendorKind, label = `Test ${vendor} ${randomUUID().slice(0, 6)}`): Promise<string> {
  const id = await vscode.commands.executeCommand<string | undefined>('profileStudio.addTenant', {
    kind: vendor,
    label,
    baseUrl: sim.url,
    token: sim.token,
  });
  assert.ok(id, `addTenant returned no id for ${vendor}`);
  return id;
}

export async function removeAllTenants(ctx: Ctx): Promise<void> {
  for (const t of ctx.tenants.list()) await vscode.commands.executeCommand('profileStudio.removeTenant', t.id, { confirm: true });
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }, what: string): T {
  if (!r.ok) assert.fail(`${what}: ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/** Polls `probe` until it returns a truthy value or the deadline passes; the failure names the condition. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ps-ext-'));
}

/** A valid custom-settings profile with fresh UUIDs. */
export function profileXml(displayName: string, identifier = `com.example.test.${randomUUID().slice(0, 8)}`, value = 'one'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadType</key>
			<string>com.apple.dock</string>
			<key>PayloadIdentifier</key>
			<string>${identifier}.dock</string>
			<key>PayloadUUID</key>
			<string>${randomUUID().toUpperCase()}</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>orientation</key>
			<string>${value === 'one' ? 'left' : 'right'}</string>
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>${displayName}</string>
	<key>PayloadIdentifier</key>
	<string>${identifier}</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>${randomUUID().toUpperCase()}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}

/** A profile with errors every linter must catch: top-level PayloadType wrong, payload UUID missing. */
export function brokenProfileXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadType</key>
			<string>com.apple.dock</string>
			<key>PayloadIdentifier</key>
			<string>com.example.broken.dock</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
		</dict>
	</array>
	<key>PayloadIdentifier</key>
	<string>com.example.broken</string>
	<key>PayloadType</key>
	<string>NotConfiguration</string>
	<key>PayloadUUID</key>
	<string>${randomUUID().toUpperCase()}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}

export async function writeProfile(dir: string, fileName: string, text: string): Promise<vscode.Uri> {
  const path = join(dir, fileName);
  await writeFile(path, text);
  return vscode.Uri.file(path);
}

/** Tree children through the public TreeDataProvider (what the view itself calls). */
export async function childrenOf(ctx: Ctx, node?: unknown): Promise<{ node: unknown; item: vscode.TreeItem }[]> {
  const tree = ctx.tree;
  const kids = await tree.getChildren(node as never);
  return Promise.all(kids.map(async (n) => ({ node: n, item: await tree.getTreeItem(n) })));
}

export const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

export async function childByLabel(ctx: Ctx, parent: unknown, label: string | RegExp): Promise<{ node: unknown; item: vscode.TreeItem }> {
  const kids = await childrenOf(ctx, parent);
  const hit = kids.find((k) => (typeof label === 'string' ? labelOf(k.item) === label : label.test(labelOf(k.item))));
  assert.ok(hit, `no child "${String(label)}" among ${kids.map((k) => labelOf(k.item)).join(', ')}`);
  return hit;
}

type Row = { node: unknown; item: vscode.TreeItem };

/** Renders every node under `node` (expanding folders, at most `perFolder` children each, `depth` levels). */
export async function walk(ctx: Ctx, node: unknown, depth: number, perFolder = 4, out: Row[] = []): Promise<Row[]> {
  if (depth < 0) return out;
  const kids = await childrenOf(ctx, node);
  for (const k of kids.slice(0, perFolder)) {
    out.push(k);
    if (k.item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(ctx, k.node, depth - 1, perFolder, out);
  }
  for (const k of kids.slice(perFolder)) out.push(k);
  return out;
}

