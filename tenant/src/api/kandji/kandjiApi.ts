// TenantApi over the Kandji (Iru) API (../shared/api/kandji.md). Only this folder knows Kandji paths and shapes.
import { createOnce, type CreateRetryOptions } from '../createOnce';
import { pathOf, type Http, type RequestSpec } from '../http';
import { conflictWith } from '../conflict';
import { fail, ok, withContent } from '../result';
import { KandjiFleet } from './kandjiFleet';
import { checkAction, followPages, invalid, offsetCursor, offsetPage } from '../paging';
import type {
  ActivityEntry, AssignmentNode, Blueprint, Device, DeviceActionResult, DeviceActionSpec, DeviceDetails, DeviceQuery, KnownRemote,
  LibraryItem, LibraryItemWithContent, Page, ProfileStatus, ProfileUpload, Result, TenantApi,
} from '../tenantApi';
import { parseWire, requestParsed } from '../wireCheck';
import { toFacts } from '../facts';
import { actionBody, itemFromRef, KANDJI_ACTIONS, profileForm, toActivity, toBlueprint, toDevice, toLibraryItem, toProfileStatus } from './mapping';
import * as wire from './wire';

const PROFILES = '/api/v1/library/custom-profiles';
const DEVICE_PAGE_MAX = 300;
/** Assign/remove answers that mean "already as requested" (iructl treats them as skipped). */
const ALREADY_ASSIGNED = /already exists (on Blueprint|in Assignment Node)/i;
const NOT_ASSIGNED = /does not exist (on Blueprint|in Assignment Node)/i;


export class KandjiApi extends KandjiFleet implements TenantApi {
  readonly kind = 'kandji' as const;

  constructor(http: Http, private readonly baseUrl: string, private readonly create: CreateRetryOptions = {}) {
    super(http);
  }

  private call<T>(spec: RequestSpec, parse: (body: unknown) => T): Promise<Result<T>> {
    return requestParsed(this.http, spec, parse);
  }

  /** Style A: follows `next` (re-based onto our base URL) to the end. */
  private listEnvelope<T>(path: string, what: string, item: (v: unknown) => T): Promise<Result<T[]>> {
    return followPages<T>(async (cursor) => {
      const page = await this.call({ method: 'GET', path: cursor ?? path }, (b) => wire.envelope(b, what));
      if (!page.ok) return page;
      const items = parseWire(() => page.value.results.map(item));
      if (!items.ok) return items;
      return ok<Page<T>>({ items: items.value, ...(page.value.next ? { next: pathOf(page.value.next) } : {}), ...(page.value.count !== undefined ? { total: page.value.count } : {}) });
    });
  }

  async verify(): Promise<Result<void>> {
    const r = await this.http.request({ method: 'GET', path: '/api/v1/blueprints', query: { limit: 1 } });
    return r.ok ? ok(undefined) : r;
  }

  // ---- custom profiles ----

  private async listProfilesWithContent(): Promise<Result<LibraryItemWithContent[]>> {
    const r = await this.listEnvelope(PROFILES, 'custom profiles', wire.customProfile);
    return r.ok ? ok(r.value.map(toLibraryItem)) : r;
  }

  async listProfiles(): Promise<Result<LibraryItem[]>> {
    const r = await this.listProfilesWithContent();
    return r.ok ? ok(r.value.map(({ profile: _p, ...item }) => item)) : r;
  }

  async getProfile(id: string): Promise<Result<LibraryItemWithContent>> {
    const r = await this.call({ method: 'GET', path: `${PROFILES}/${encodeURIComponent(id)}` }, wire.customProfile);
    return r.ok ? withContent(toLibraryItem(r.value), 'its `profile` field is empty') : r;
  }

  private async findByName(name: string): Promise<Result<LibraryItemWithContent | undefined>> {
    const all = await this.listProfilesWithContent();
    if (!all.ok) return all;
    const matches = all.value.filter((p) => p.name === name).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    return ok(matches[0]);
  }

  /**
   * POST is never retried blindly: after an ambiguous failure (timeout, dropped connection, 5xx, unreadable answer)
   * or a 429, we wait, re-read the list and return an item with that name if the first attempt stored one.
   */
  async createProfile(upload: ProfileUpload): Promise<Result<LibraryItemWithContent>> {
    if (!Object.values(upload.runsOn ?? {}).some(Boolean)) return fail(invalid('Choose at least one platform the profile runs on'));
    const post = async (): Promise<Result<LibraryItemWithContent>> => {
      const r = await this.call({ method: 'POST', path: PROFILES, form: profileForm({ active: true, ...upload }), retry: 'never' }, wire.customProfile);
      return r.ok ? ok(toLibraryItem(r.value)) : r;
    };
    return createOnce(post, () => this.findByName(upload.name), this.create, this.http.maxRetryDelayMs);
  }

  /** Re-reads first; refuses with `conflict` when the remote moved on since `known`, unless forced. */
  async updateProfile(id: string, upload: Partial<ProfileUpload>, known?: KnownRemote, force = false): Promise<Result<LibraryItemWithContent>> {
    const remote = await this.getProfile(id);
    if (!remote.ok) return remote;
    if (!force && known) {
      const conflict = conflictWith(remote.value, known);
      if (conflict) return fail(conflict);
    }
    const r = await this.call({ method: 'PATCH', path: `${PROFILES}/${encodeURIComponent(id)}`, form: profileForm(upload) }, wire.customProfile);
    return r.ok ? ok(toLibraryItem(r.value)) : r;
  }

  async deleteProfile(id: string): Promise<Result<void>> {
    const r = await this.http.request({ method: 'DELETE', path: `${PROFILES}/${encodeURIComponent(id)}` });
    return r.ok ? ok(undefined) : r;
  }

  async setActive(id: string, active: boolean): Promise<Result<LibraryItem>> {
    const r = await this.call({ method: 'PATCH', path: `${PROFILES}/${encodeURIComponent(id)}`, form: profileForm({ active }) }, wire.customProfile);
    if (!r.ok) return r;
    const { profile: _p, ...item } = toLibraryItem(r.value);
    return ok(item);
  }

  async profileStatus(id: string): Promise<Result<ProfileStatus[]>> {
    const r = await this.listEnvelope(`/api/v1/library/library-items/${encodeURIComponent(id)}/status?limit=300`, 'library item status', wire.statusRow);
    return r.ok ? ok(r.value.map((row) => toProfileStatus(row))) : r;
  }

  async profileActivity(id: string, limit = 100): Promise<Result<ActivityEntry[]>> {
    const entries: ActivityEntry[] = [];
    const pageSize = Math.min(Math.max(1, limit), 300);
    const r = await followPages<ActivityEntry>(async (cursor) => {
      const page = await this.call({ method: 'GET', path: cursor ?? `/api/v1/library/library-items/${encodeURIComponent(id)}/activity?limit=${pageSize}` }, (b) => wire.envelope(b, 'activity'));
      if (!page.ok) return page;
      const items = parseWire(() => page.value.results.map((v) => toActivity(wire.activity(v))));
      if (!items.ok) return items;
      entries.push(...items.value);
      const more = page.value.next && entries.length < limit;
      return ok<Page<ActivityEntry>>({ items: [], ...(more ? { next: pathOf(page.value.next!) } : {}) });
    });
    return r.ok ? ok(entries.slice(0, limit)) : r;
  }

  // ---- blueprints ----

  async listBlueprints(): Promise<Result<Blueprint[]>> {
    const r = await this.listEnvelope('/api/v1/blueprints?limit=300', 'blueprints', wire.blueprint);
    return r.ok ? ok(r.value.map(toBlueprint)) : r;
  }

  async blueprintItems(blueprintId: string): Promise<Result<LibraryItem[]>> {
    const refs = await this.listEnvelope(`/api/v1/blueprints/${encodeURIComponent(blueprintId)}/list-library-items`, 'blueprint library items', (v) => wire.namedRef(v, 'library item'));
    if (!refs.ok) return refs;
    const profiles = await this.listProfiles();
    if (!profiles.ok) return profiles;
    const byId = new Map(profiles.value.map((p) => [p.id.toLowerCase(), p]));
    return ok(refs.value.map((ref) => itemFromRef(ref, byId.get(ref.id.toLowerCase()))));
  }

  /** Kandji has no API listing map nodes (their ids are shown in the web UI only). */
  async assignmentNodes(blueprintId: string): Promise<Result<AssignmentNode[]>> {
    const r = await this.http.request({ method: 'GET', path: `/api/v1/blueprints/${encodeURIComponent(blueprintId)}` });
    return r.ok ? ok([]) : r;
  }

  /** Map blueprints take a node id (the root node when omitted and the map has no conditions); classic ones refuse one. */
  async assign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>> {
    return this.assignment('assign-library-item', blueprintId, itemId, nodeId, ALREADY_ASSIGNED);
  }

  async unassign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>> {
    return this.assignment('remove-library-item', blueprintId, itemId, nodeId, NOT_ASSIGNED);
  }

  private async assignment(verb: string, blueprintId: string, itemId: string, nodeId: string | undefined, alreadyDone: RegExp): Promise<Result<void>> {
    const json = { library_item_id: itemId, ...(nodeId ? { assignment_node_id: nodeId } : {}) };
    // Setting membership is idempotent (a repeat answers "already ..."), so a 429/5xx may be retried.
    const r = await this.http.request({ method: 'POST', path: `/api/v1/blueprints/${encodeURIComponent(blueprintId)}/${verb}`, json, retry: 'idempotent' });
    if (r.ok) {
      const ids = parseWire(() => wire.idList(r.value.body));
      return ids.ok ? ok(undefined) : ids;
    }
    if (r.error.kind === 'invalid' && alreadyDone.test(r.error.message)) return ok(undefined);
    return r;
  }

  // ---- devices ----

  async listDevices(query: DeviceQuery, cursor?: string): Promise<Result<Page<Device>>> {
    const limit = Math.min(Math.max(1, query.pageSize ?? DEVICE_PAGE_MAX), DEVICE_PAGE_MAX);
    const start = offsetCursor(cursor);
    if (!start.ok) return start;
    const offset = start.value;
    const r = await this.call({
      method: 'GET', path: '/api/v1/devices',
      query: { limit, offset, platform: query.platform, blueprint_id: query.blueprintId, device_name: query.search },
    }, wire.devices);
    if (!r.ok) return r;
    // Bare array: no count; a full page means there may be more.
    return ok(offsetPage(r.value.map(toDevice), offset, limit, undefined));
  }

  async getDevice(id: string): Promise<Result<DeviceDetails>> {
    const path = `/api/v1/devices/${encodeURIComponent(id)}`;
    const d = await this.call({ method: 'GET', path }, wire.device);
    if (!d.ok) return d;
    const det = await this.call({ method: 'GET', path: `${path}/details` }, wire.details);
    if (!det.ok) return det;
    return ok({ ...toDevice(d.value), facts: toFacts(det.value) });
  }

  async deviceProfiles(id: string): Promise<Result<ProfileStatus[]>> {
    const r = await this.call({ method: 'GET', path: `/api/v1/devices/${encodeURIComponent(id)}/library-items` }, wire.deviceLibraryItems);
    return r.ok ? ok(r.value.map((row) => toProfileStatus(row, id))) : r;
  }

  deviceActions(device: Device): DeviceActionSpec[] {
    return KANDJI_ACTIONS.filter((a) => a.platforms.includes(device.platform));
  }

  /** Actions queue MDM commands and are never retried (a repeat is a second command). */
  async runDeviceAction(deviceId: string, action: string, params: Record<string, string> = {}): Promise<Result<DeviceActionResult>> {
    const device = await this.call({ method: 'GET', path: `/api/v1/devices/${encodeURIComponent(deviceId)}` }, wire.device);
    if (!device.ok) return device;
    const check = checkAction(KANDJI_ACTIONS, action, toDevice(device.value), params);
    if (!check.ok) return check;
    const body = actionBody(action, params);
    return this.call(
      { method: 'POST', path: `/api/v1/devices/${encodeURIComponent(deviceId)}/action/${action}`, retry: 'never', ...(body ? { json: body } : {}) },
      wire.actionAnswer,
    );
  }

  webUrl(target: { kind: 'profile' | 'blueprint' | 'device'; id: string }): string | undefined {
    let host: string;
    try {
      host = new URL(this.baseUrl).host;
    } catch {
      return undefined;
    }
    if (!/\.api\./.test(host)) return undefined;
    const web = `https://${host.replace('.api.', '.')}`;
    const path = target.kind === 'profile' ? 'library/custom-profiles' : target.kind === 'blueprint' ? 'blueprints' : 'devices';
    return `${web}/${path}/${encodeURIComponent(target.id)}`;
  }
}
