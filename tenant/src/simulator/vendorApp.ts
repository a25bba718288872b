// What a vendor's route set gives the server: routes plus the vendor's own answers for the cross-cutting
// cases (auth, unknown path, wrong method, injected error statuses) and headers added to every response.
import type { Router, SimRequest, SimResponse } from './httpKit';
import type { TenantState } from './state';

export interface VendorApp {
  router: Router;
  /** undefined = authenticated; otherwise the vendor's 401/403/400 answer. */
  authenticate(req: SimRequest): SimResponse | undefined;
  /** The vendor's body shape for an error status (used by fault injection). */
  errorFor(status: number, req: SimRequest, retryAfterS?: number): SimResponse;
  notFound(req: SimRequest): SimResponse;
  methodNotAllowed(req: SimRequest, allowed: string[]): SimResponse;
  /** Adds per-response headers (Kandji's rate-limit headers); may turn the answer into a 429. */
  decorate(res: SimResponse, req: SimRequest): SimResponse;
}

export interface RouteContext {
  state: TenantState;
  token: string;
}

/** Name of the response header carrying the id a create stored (read by the server for the request log). */
export const CREATED_ID = 'x-simulator-created-id';
