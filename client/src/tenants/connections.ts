// One TenantApi per tenant, built on demand from the registry record plus the token from SecretStorage.
// Every request is logged (method, path, status, time); the token never reaches the log.
import type * as vscode from 'vscode';
import { createTenantApi } from '../../../tenant/src/api';
import type { Result, TenantApi } from '../../../tenant/src/api/tenantApi';
import type { Credentials } from '../auth/credentials';
import type { TenantRecord, TenantRegistry } from './registry';

export class Connections {
  private readonly apis = new Map<string, TenantApi>();

  constructor(
    private readonly registry: TenantRegistry,
    private readonly credentials: Credentials,
    private readonly log: vscode.LogOutputChannel,
    private readonly timeoutMs: () => number,
  ) {}

  /** Builds an API for credentials not stored yet (used to verify a token before saving it). */
  build(record: Omit<TenantRecord, 'id'>, token: string): TenantApi {
    return createTenantApi({
      kind: record.kind,
      baseUrl: record.baseUrl,
      token,
      ...(record.orgId ? { orgId: record.orgId } : {}),
      timeoutMs: this.timeoutMs(),
      log: (line) => this.logRequest(record.label, line),
    });
  }

  async get(tenantId: string): Promise<Result<TenantApi>> {
    const cached = this.apis.get(tenantId);
    if (cached) return { ok: true, value: cached };
    const record = this.registry.get(tenantId);
    if (!record) return { ok: false, error: { kind: 'not-found', message: 'This tenant is no longer configured' } };
    const token = await this.credentials.get(tenantId);
    if (!token) {
      return {
        ok: false,
        error: { kind: 'unauthorized', message: `No token stored for ${record.label}`, hint: 'Run "Profile Studio: Update Token".' },
      };
    }
    const api = this.build(record, token);
    this.apis.set(tenantId, api);
    return { ok: true, value: api };
  }

  /** Forget a cached client (token changed, tenant removed, timeout setting changed). */
  forget(tenantId?: string): void {
    if (tenantId) this.apis.delete(tenantId);
    else this.apis.clear();
  }

  /** The API layer gives one line per attempt (method, path, status, ms) with secrets already redacted. */
  private logRequest(tenant: string, line: string): void {
    const status = Number(/\s(\d{3})\s/.exec(` ${line} `)?.[1]);
    const text = `[${tenant}] ${line}`;
    if (line.startsWith('retry')) this.log.warn(text);
    else if (!status || status >= 500) this.log.error(text);
    else if (status >= 400) this.log.warn(text);
    else this.log.info(text);
  }
}
