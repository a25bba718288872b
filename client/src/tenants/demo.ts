// "Try the demo tenant": the built-in simulator (a child process) on 127.0.0.1 with demo data, added as a tenant for
// this session. Demo tenants left from an earlier session point at a dead port, so they are pruned.
import type { VendorKind } from '../../../tenant/src/api/tenantApi';
import * as vscode from 'vscode';
import { startSimulatorProcess } from './simulatorProcess';
import type { Ctx } from '../ctx';
import type { TenantRecord } from './registry';

interface Running {
  stop(): unknown;
}

export class DemoTenants implements vscode.Disposable {
  private readonly running = new Map<string, Running>();

  constructor(private readonly ctx: Ctx) {}

  isRunning(tenantId: string): boolean {
    return this.running.has(tenantId);
  }

  /** Drops demo tenants whose simulator belonged to an earlier session, with their secrets. */
  async pruneStale(keepBaseUrl?: string): Promise<void> {
    for (const t of this.ctx.tenants.list()) {
      if (t.demo && !this.running.has(t.id) && t.baseUrl !== keepBaseUrl) {
        await this.ctx.credentials.delete(t.id);
        await this.ctx.tenants.remove(t.id);
      }
    }
  }

  async start(vendor: VendorKind): Promise<TenantRecord> {
    const cli = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'server', 'out', 'cli.js').fsPath;
    const sim = await startSimulatorProcess(cli, vendor);
    const label = vendor === 'kandji' ? 'Demo (Kandji)' : 'Demo (JumpCloud)';
    const record = await this.ctx.tenants.add({ label, kind: vendor, baseUrl: sim.url, demo: true });
    this.running.set(record.id, sim);
    await this.ctx.credentials.set(record.id, sim.token);
    this.ctx.log.info(`Demo tenant ${label} started on ${sim.url}`);
    return record;
  }

  /**
   * Connects a simulator a launcher started (`npm run demo`, the UI tests): PROFILE_STUDIO_DEMO_TENANT =
   * `vendor|url|token`. Loopback URLs only, so the variable cannot point the extension at a real tenant.
   */
  async connectFromEnv(value: string | undefined): Promise<TenantRecord | undefined> {
    if (!value) return undefined;
    const [vendor, url, token] = value.split('|');
    if ((vendor !== 'kandji' && vendor !== 'jumpcloud') || !url || !token) {
      this.ctx.log.warn('PROFILE_STUDIO_DEMO_TENANT is not vendor|url|token; ignored');
      return undefined;
    }
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return undefined;
    }
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      this.ctx.log.warn('PROFILE_STUDIO_DEMO_TENANT must point at a local simulator; ignored');
      return undefined;
    }
    const baseUrl = url.replace(/\/+$/, '');
    const record =
      this.ctx.tenants.list().find((t) => t.demo && t.baseUrl === baseUrl) ??
      (await this.ctx.tenants.add({ label: vendor === 'kandji' ? 'Demo (Kandji)' : 'Demo (JumpCloud)', kind: vendor, baseUrl, demo: true }));
    // Started elsewhere: this session does not own it, so stopping is a no-op.
    this.running.set(record.id, { stop: () => undefined });
    await this.ctx.credentials.set(record.id, token);
    await this.ctx.tenants.setActive(record.id);
    return record;
  }

  /** Stops the simulator behind a demo tenant (when the tenant is removed). */
  async stop(tenantId: string): Promise<void> {
    const sim = this.running.get(tenantId);
    this.running.delete(tenantId);
    await sim?.stop();
  }

  dispose(): void {
    for (const sim of this.running.values()) void sim.stop();
    this.running.clear();
  }
}
