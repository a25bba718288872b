// What a node needs from its tenant: the id and a way to call the vendor-neutral API (errors as values).
import type { Result, TenantApi } from '../../../../tenant/src/api/tenantApi';

export interface TenantAccess {
  readonly tenantId: string;
  call<T>(fn: (api: TenantApi) => Promise<Result<T>>): Promise<Result<T>>;
}
