// The public face of the tenant layer: build a TenantApi for a vendor; everything else sees domain types only.
import { createHttp } from './http';
import { JumpCloudApi } from './jumpcloud/jumpcloudApi';
import { KandjiApi } from './kandji/kandjiApi';
import { followPages } from './paging';
import type { Device, DeviceQuery, Result, TenantApi, VendorKind } from './tenantApi';

export type * from './tenantApi';
export type * from './fleetApi';
export { FLEET_CAPABILITIES, offers, PRISM_CATEGORIES, PRISM_TITLES, SECRET_KINDS, SECRET_LABELS } from './fleetApi';
export { notOfferedError } from './fleetBase';
export { type ApiError, type ApiErrorKind, formatApiError, isAmbiguous } from './errors';
export { normaliseProfile, profileHash, REWRITTEN_TOP_LEVEL_KEYS } from './hash';

export interface TenantOptions {
  kind: VendorKind;
  /** Origin of the API (Kandji `https://acme.api.kandji.io`, JumpCloud `https://console.jumpcloud.com`). */
  baseUrl: string;
  /** Kandji bearer token or JumpCloud API key. Never logged, never in an error message. */
  token: string;
  /** JumpCloud multi-tenant admins: the organization id (x-org-id). */
  orgId?: string;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries for safe requests (default 2). */
  retryLimit?: number;
  /** Cap on Retry-After waits and backoff in ms (default 30 000). */
  maxRetryDelayMs?: number;
  /** One line per HTTP attempt: method, path, status, ms. Tokens are redacted. */
  log?: (line: string) => void;
  /** Proactive throttle (default: Kandji 50 per second, its documented limit; JumpCloud none published). */
  maxRequestsPerSecond?: number;
}

export function createTenantApi(options: TenantOptions): TenantApi {
  const common = {
    baseUrl: options.baseUrl,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
    ...(options.maxRetryDelayMs !== undefined ? { maxRetryDelayMs: options.maxRetryDelayMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  if (options.kind === 'kandji') {
    return new KandjiApi(createHttp({ ...common, maxRequestsPerSecond: options.maxRequestsPerSecond ?? 50, authHeaders: { authorization: `Bearer ${options.token}` }, secrets: [options.token] }), options.baseUrl);
  }
  const http = createHttp({
    ...common,
    ...(options.maxRequestsPerSecond ? { maxRequestsPerSecond: options.maxRequestsPerSecond } : {}),
    authHeaders: { 'x-api-key': options.token },
    ...(options.orgId ? { headers: { 'x-org-id': options.orgId } } : {}),
  });
  return new JumpCloudApi(http);
}

/** Every device matching the query, page after page (the tree pages lazily with listDevices instead). */
export function allDevices(api: TenantApi, query: DeviceQuery = {}): Promise<Result<Device[]>> {
  return followPages((cursor) => api.listDevices(query, cursor));
}
