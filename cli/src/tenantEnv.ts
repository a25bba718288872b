// Tenant connection from the environment (the CLI contract). The token is read here and handed to the API
// layer only; it never appears in a message.
import { createTenantApi, type TenantApi, type VendorKind } from '../../tenant/src/api';
import type { CliIo } from './io';

export const TENANT_ENV_NOTES = [
  '',
  'Environment:',
  '  PROFILE_STUDIO_VENDOR   kandji (default) or jumpcloud',
  '  KANDJI_API_URL          tenant API origin, e.g. https://acme.api.kandji.io',
  '  KANDJI_API_TOKEN        API token',
  '  JUMPCLOUD_API_URL       API origin (default https://console.jumpcloud.com)',
  '  JUMPCLOUD_API_KEY       API key',
  '  JUMPCLOUD_ORG_ID        organization id (multi-tenant admins)',
];

const JUMPCLOUD_DEFAULT_URL = 'https://console.jumpcloud.com';

export type TenantFromEnv = { ok: true; api: TenantApi; kind: VendorKind; urlVariable: string } | { ok: false; message: string };

function parsedUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function tenantFromEnv(io: CliIo): TenantFromEnv {
  const vendor = (io.env.PROFILE_STUDIO_VENDOR ?? 'kandji').trim().toLowerCase();
  if (vendor !== 'kandji' && vendor !== 'jumpcloud') {
    return { ok: false, message: `PROFILE_STUDIO_VENDOR is "${vendor}"; expected kandji or jumpcloud` };
  }
  const [urlVar, tokenVar] = vendor === 'kandji' ? ['KANDJI_API_URL', 'KANDJI_API_TOKEN'] : ['JUMPCLOUD_API_URL', 'JUMPCLOUD_API_KEY'];
  const baseUrl = (io.env[urlVar] ?? (vendor === 'jumpcloud' ? JUMPCLOUD_DEFAULT_URL : '')).trim().replace(/\/+$/, '');
  const token = io.env[tokenVar]?.trim() ?? '';
  if (!baseUrl) return { ok: false, message: `${urlVar} is not set (the tenant's API origin)` };
  const url = parsedUrl(baseUrl);
  if (!url) return { ok: false, message: `${urlVar} is not an http(s) URL (it should look like ${vendor === 'kandji' ? 'https://acme.api.kandji.io' : JUMPCLOUD_DEFAULT_URL})` };
  // The client adds /api/v1 (Kandji) or /api/v2 (JumpCloud) itself; a path here would double it.
  if (url.pathname !== '/' || url.search || url.hash) {
    return { ok: false, message: `${urlVar} has a path (${url.pathname}${url.search}); set it to the origin only: ${url.origin}` };
  }
  if (!token) return { ok: false, message: `${tokenVar} is not set` };
  const orgId = vendor === 'jumpcloud' ? io.env.JUMPCLOUD_ORG_ID?.trim() : undefined;
  const api = createTenantApi({ kind: vendor, baseUrl, token, ...(orgId ? { orgId } : {}) });
  return { ok: true, api, kind: vendor, urlVariable: urlVar };
}
