// JumpCloud's share of the fleet operations, only where its published definitions (../shared/api/specs/jumpcloud)
// have the same thing: device delete (v1 systems), installed apps (v2 System Insights), users (v1 systemusers),
// system groups as blueprints (v2 systemgroups). Everything else answers "not offered by JumpCloud".
import { FleetBase } from '../fleetBase';
import type { BlueprintDraft, DeviceApp, FleetCapability, TenantUser } from '../fleetApi';
import type { Http } from '../http';
import { offsetCursor, offsetPage } from '../paging';
import { ok } from '../result';
import type { Blueprint, Page, Result } from '../tenantApi';
import { asArray, asObject, optNumber, optString, requestParsed, reqString, setPresent } from '../wireCheck';
import { toBlueprint } from './mapping';
import * as wire from './wire';

const MAX = 100;
const group = (id: string): string => `/api/v2/systemgroups/${encodeURIComponent(id)}`;

function toUser(value: unknown): TenantUser {
  const o = asObject(value, 'system user');
  const full = [optString(o, 'firstname'), optString(o, 'lastname')].filter(Boolean).join(' ');
  return setPresent<TenantUser>({ id: reqString(o, '_id', 'system user'), name: optString(o, 'displayname') || full || optString(o, 'username') || '' }, {
    email: optString(o, 'email'),
    username: optString(o, 'username'),
    active: typeof o.activated === 'boolean' ? o.activated && o.suspended !== true : undefined,
    department: optString(o, 'department'),
    jobTitle: optString(o, 'jobTitle'),
    createdAt: optString(o, 'created'),
  });
}

function toApp(value: unknown): DeviceApp {
  const o = asObject(value, 'System Insights app');
  return setPresent<DeviceApp>({ name: optString(o, 'display_name') || optString(o, 'bundle_name') || reqString(o, 'name', 'System Insights app') }, {
    bundleId: optString(o, 'bundle_identifier'),
    version: optString(o, 'bundle_short_version') ?? optString(o, 'bundle_version'),
    path: optString(o, 'path'),
  });
}

export abstract class JumpCloudFleet extends FleetBase {
  protected readonly vendor = 'jumpcloud' as const;
  protected readonly vendorName = 'JumpCloud';
  protected readonly offered: readonly FleetCapability[] = ['device-apps', 'delete-device', 'users', 'delete-user', 'blueprint-manage'];

  constructor(protected readonly http: Http) {
    super();
  }

  override async deleteDevice(deviceId: string): Promise<Result<void>> {
    const r = await this.http.request({ method: 'DELETE', path: `/api/systems/${encodeURIComponent(deviceId)}`, retry: 'never' });
    return r.ok ? ok(undefined) : r;
  }

  /** System Insights (macOS, Windows, Linux agents): every app of one system, page by page. */
  override async deviceApps(deviceId: string): Promise<Result<DeviceApp[]>> {
    const all: DeviceApp[] = [];
    for (let skip = 0; skip < 100_000; skip += MAX) {
      const r = await requestParsed(this.http, { method: 'GET', path: '/api/v2/systeminsights/apps', query: { filter: `system_id:eq:${deviceId}`, limit: MAX, skip } }, (b) => asArray(b, 'System Insights apps').map(toApp));
      if (!r.ok) return r;
      all.push(...r.value);
      if (r.value.length < MAX) break;
    }
    return ok(all);
  }

  override async listUsers(cursor?: string): Promise<Result<Page<TenantUser>>> {
    const start = offsetCursor(cursor);
    if (!start.ok) return start;
    const r = await requestParsed(this.http, { method: 'GET', path: '/api/systemusers', query: { limit: MAX, skip: start.value, sort: 'username' } }, (b) => {
      const o = asObject(b, 'system users');
      return { items: asArray(o.results, 'system users').map(toUser), total: optNumber(o, 'totalCount') };
    });
    return r.ok ? ok(offsetPage(r.value.items, start.value, MAX, r.value.total)) : r;
  }

  override getUser(id: string): Promise<Result<TenantUser>> {
    return requestParsed(this.http, { method: 'GET', path: `/api/systemusers/${encodeURIComponent(id)}` }, toUser);
  }

  override async deleteUser(id: string): Promise<Result<void>> {
    const r = await this.http.request({ method: 'DELETE', path: `/api/systemusers/${encodeURIComponent(id)}`, retry: 'never' });
    return r.ok ? ok(undefined) : r;
  }

  override createBlueprint(draft: BlueprintDraft): Promise<Result<Blueprint>> {
    const json = { name: draft.name, ...(draft.description ? { description: draft.description } : {}) };
    return requestParsed(this.http, { method: 'POST', path: '/api/v2/systemgroups', json, retry: 'never' }, (b) => toBlueprint(wire.systemGroup(b)));
  }

  /** PUT replaces the group: read it first so the description survives a rename. */
  override async renameBlueprint(id: string, name: string): Promise<Result<Blueprint>> {
    const current = await requestParsed(this.http, { method: 'GET', path: group(id) }, wire.systemGroup);
    if (!current.ok) return current;
    const json = { name, ...(current.value.description ? { description: current.value.description } : {}) };
    return requestParsed(this.http, { method: 'PUT', path: group(id), json }, (b) => toBlueprint(wire.systemGroup(b)));
  }

  override async deleteBlueprint(id: string): Promise<Result<void>> {
    const r = await this.http.request({ method: 'DELETE', path: group(id), retry: 'never' });
    return r.ok ? ok(undefined) : r;
  }
}
