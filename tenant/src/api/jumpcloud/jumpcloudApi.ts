// TenantApi over the JumpCloud API (../shared/api/jumpcloud.md). Only this folder knows policies, templates,
// graph associations, v1/v2 list conventions and the Apple MDM command paths.
import { conflictWith } from '../conflict';
import { fail, ok, withContent } from '../result';
import { JumpCloudFleet } from './jumpcloudFleet';
import { createOnce, type CreateRetryOptions } from '../createOnce';
import type { Http, RequestSpec } from '../http';
import { checkAction, followPages, invalid, offsetCursor, offsetPage } from '../paging';
import type {
  ActivityEntry, AssignmentNode, Blueprint, Device, DeviceActionResult, DeviceActionSpec, DeviceDetails, DeviceQuery, KnownRemote,
  LibraryItem, LibraryItemWithContent, Page, ProfileStatus, ProfileUpload, Result, TenantApi,
} from '../tenantApi';
import { asArray, parseWire, requestParsed } from '../wireCheck';
import { toFacts } from '../facts';
import {
  checkboxValue, commandBody, isCustomProfile, jumpcloudActions, platformToOs, toBlueprint, toDevice, toPolicyItem, toProfile, toStatus,
} from './mapping';
import * as wire from './wire';

const MAX = 100;
const CONCURRENCY = 5;


async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface TemplateInfo {
  id: string;
  payloadFieldId: string;
  redispatchFieldId?: string;
}

export class JumpCloudApi extends JumpCloudFleet implements TenantApi {
  readonly kind = 'jumpcloud' as const;
  private template?: TemplateInfo;
  private mdmId?: string;

  constructor(http: Http, private readonly create: CreateRetryOptions = {}) {
    super(http);
  }

  private call<T>(spec: RequestSpec, parse: (body: unknown) => T): Promise<Result<T>> {
    return requestParsed(this.http, spec, parse);
  }

  /** One v2 page: bare array + `x-total-count`; the cursor is the `skip`. */
  private async v2Page<T>(path: string, query: RequestSpec['query'], item: (v: unknown) => T, cursor?: string, limit = MAX): Promise<Result<Page<T>>> {
    const start = offsetCursor(cursor);
    if (!start.ok) return start;
    const skip = start.value;
    const res = await this.http.request({ method: 'GET', path, query: { ...query, limit, skip } });
    if (!res.ok) return res;
    const items = parseWire(() => asArray(res.value.body ?? [], 'list').map(item));
    if (!items.ok) return items;
    const totalRaw = res.value.headers.get('x-total-count');
    const total = totalRaw !== null && totalRaw !== '' && Number.isFinite(Number(totalRaw)) ? Number(totalRaw) : undefined;
    return ok(offsetPage(items.value, skip, limit, total));
  }

  private v2All<T>(path: string, query: RequestSpec['query'], item: (v: unknown) => T): Promise<Result<T[]>> {
    return followPages((cursor) => this.v2Page(path, query, item, cursor));
  }

  async verify(): Promise<Result<void>> {
    const r = await this.http.request({ method: 'GET', path: '/api/v2/systemgroups', query: { limit: 1 } });
    return r.ok ? ok(undefined) : r;
  }

  // ---- template and MDM lookups (cached per instance) ----

  private async customTemplate(): Promise<Result<TemplateInfo>> {
    if (this.template) return ok(this.template);
    const list = await this.call(
      { method: 'GET', path: '/api/v2/policytemplates', query: { filter: `name:eq:${wire.CUSTOM_PROFILE_TEMPLATE}`, limit: MAX } },
      (b) => asArray(b, 'policy templates').map(wire.templateRef),
    );
    if (!list.ok) return list;
    const t = list.value.find((x) => x.name === wire.CUSTOM_PROFILE_TEMPLATE);
    if (!t) return fail({ kind: 'not-found', message: `The organization has no \`${wire.CUSTOM_PROFILE_TEMPLATE}\` policy template`, hint: 'Set up Apple MDM in JumpCloud first' });
    const fields = await this.call({ method: 'GET', path: `/api/v2/policytemplates/${encodeURIComponent(t.id)}` }, wire.templateFields);
    if (!fields.ok) return fields;
    const payload = fields.value.find((f) => f.name === 'payload');
    if (!payload) return fail({ kind: 'bad-response', message: 'The custom profile template has no `payload` field' });
    const redispatch = fields.value.find((f) => f.name === 'redispatchPolicy');
    this.template = { id: t.id, payloadFieldId: payload.id, ...(redispatch ? { redispatchFieldId: redispatch.id } : {}) };
    return ok(this.template);
  }

  private async appleMdmId(): Promise<Result<string>> {
    if (this.mdmId) return ok(this.mdmId);
    const r = await this.call({ method: 'GET', path: '/api/v2/applemdms', query: { limit: MAX } }, (b) => asArray(b, 'apple mdms').map((v) => wire.idOf(v, 'apple mdm')));
    if (!r.ok) return r;
    if (!r.value[0]) return fail({ kind: 'not-found', message: 'The organization has no Apple MDM configured' });
    this.mdmId = r.value[0];
    return ok(this.mdmId);
  }

  // ---- custom profiles (policies) ----

  private associations(policyId: string, targets: 'system' | 'system_group'): Promise<Result<wire.GraphEdgeWire[]>> {
    return this.v2All(`/api/v2/policies/${encodeURIComponent(policyId)}/associations`, { targets }, wire.graphEdge);
  }

  /** Active = bound to at least one group or system (JumpCloud policies have no active flag). */
  private async isBound(policyId: string): Promise<Result<boolean>> {
    for (const targets of ['system_group', 'system'] as const) {
      const r = await this.v2Page(`/api/v2/policies/${encodeURIComponent(policyId)}/associations`, { targets }, wire.graphEdge, undefined, 1);
      if (!r.ok) return r;
      if (r.value.items.length > 0) return ok(true);
    }
    return ok(false);
  }

  private allPolicies(query: RequestSpec['query'] = {}): Promise<Result<wire.PolicyWire[]>> {
    return this.v2All('/api/v2/policies', { sort: 'name,id', ...query }, wire.policy);
  }

  async listProfiles(): Promise<Result<LibraryItem[]>> {
    const all = await this.allPolicies();
    if (!all.ok) return all;
    const custom = all.value.filter(isCustomProfile);
    const bound = await mapLimit(custom, CONCURRENCY, (p) => this.isBound(p.id));
    const items: LibraryItem[] = [];
    for (let i = 0; i < custom.length; i++) {
      const b = bound[i]!;
      if (!b.ok) return b;
      items.push(toPolicyItem(custom[i]!, b.value));
    }
    return ok(items);
  }

  private async getPolicy(id: string): Promise<Result<wire.PolicyWire>> {
    const r = await this.call({ method: 'GET', path: `/api/v2/policies/${encodeURIComponent(id)}` }, wire.policy);
    if (!r.ok) return r;
    if (!isCustomProfile(r.value)) return fail({ kind: 'not-found', message: `Policy \`${r.value.name}\` is not a custom configuration profile` });
    return r;
  }

  /** The payload is the value whose `configFieldID` is the template's `payload` field (values carry no field name). */
  async getProfile(id: string): Promise<Result<LibraryItemWithContent>> {
    const p = await this.getPolicy(id);
    if (!p.ok) return p;
    const t = await this.customTemplate();
    if (!t.ok) return t;
    const bound = await this.isBound(id);
    if (!bound.ok) return bound;
    return withContent(toProfile(p.value, bound.value, t.value.payloadFieldId), `no value of the template's \`payload\` field (${t.value.payloadFieldId})`);
  }

  private async findByName(name: string): Promise<Result<LibraryItemWithContent | undefined>> {
    const all = await this.allPolicies({ filter: `name:eq:${name}` });
    if (!all.ok) return all;
    const hit = all.value.find((p) => p.name === name && isCustomProfile(p));
    return hit ? this.getProfile(hit.id) : ok(undefined);
  }

  /**
   * Same rule as Kandji: an ambiguous failure is followed by a re-read by name, never by a blind re-POST.
   * `active` is ignored: a new policy has no bindings until it is assigned to a group.
   */
  async createProfile(upload: ProfileUpload): Promise<Result<LibraryItemWithContent>> {
    const t = await this.customTemplate();
    if (!t.ok) return t;
    const body = {
      name: upload.name,
      template: { id: t.value.id },
      values: this.values(t.value, Buffer.from(upload.file).toString('base64'), 'true'),
    };
    const post = async (): Promise<Result<LibraryItemWithContent>> => {
      const r = await this.call({ method: 'POST', path: '/api/v2/policies', json: body, retry: 'never' }, wire.policy);
      return r.ok ? ok(toProfile(r.value, false, t.value.payloadFieldId)) : r;
    };
    return createOnce(post, () => this.findByName(upload.name), this.create, this.http.maxRetryDelayMs);
  }

  /** `PolicyValue` as the definitions type it: `configFieldID` + a string `value` (checkboxes "true"/"false"). */
  private values(t: TemplateInfo, payloadB64: string, redispatch: 'true' | 'false'): wire.PolicyValueWire[] {
    return [
      { configFieldID: t.payloadFieldId, value: payloadB64 },
      ...(t.redispatchFieldId ? [{ configFieldID: t.redispatchFieldId, value: redispatch }] : []),
    ];
  }

  /** PUT is a full replace: every value is sent again. Policies carry no updated_at, so the guard is the content hash. */
  async updateProfile(id: string, upload: Partial<ProfileUpload>, known?: KnownRemote, force = false): Promise<Result<LibraryItemWithContent>> {
    const remote = await this.getPolicy(id);
    if (!remote.ok) return remote;
    const t = await this.customTemplate();
    if (!t.ok) return t;
    if (!force && known) {
      const bound = await this.isBound(id);
      if (!bound.ok) return bound;
      const conflict = conflictWith(toProfile(remote.value, bound.value, t.value.payloadFieldId), known);
      if (conflict) return fail(conflict);
    }
    const oldPayload = remote.value.values.find((v) => v.configFieldID === t.value.payloadFieldId)?.value;
    const oldRedispatch = remote.value.values.find((v) => v.configFieldID === t.value.redispatchFieldId)?.value;
    // A full replace without the content would wipe it (a GET may redact file fields; unverified): refuse.
    if (upload.file === undefined && (typeof oldPayload !== 'string' || oldPayload === '')) {
      return fail(invalid('The tenant did not return this profile\'s content, so an update must carry the file'));
    }
    const payload = upload.file !== undefined ? Buffer.from(upload.file).toString('base64') : (oldPayload as string);
    const body = {
      name: upload.name ?? remote.value.name,
      ...(remote.value.notes !== undefined ? { notes: remote.value.notes } : {}),
      values: this.values(t.value, payload, checkboxValue(oldRedispatch, 'true')),
    };
    const put = await this.http.request({ method: 'PUT', path: `/api/v2/policies/${encodeURIComponent(id)}`, json: body });
    if (!put.ok) return put;
    // Deactivating unbinds; activating needs a target, so `active: true` leaves the bindings as they are.
    if (upload.active === false) {
      const a = await this.setActive(id, false);
      if (!a.ok) return a;
    }
    return this.getProfile(id);
  }

  async deleteProfile(id: string): Promise<Result<void>> {
    const r = await this.http.request({ method: 'DELETE', path: `/api/v2/policies/${encodeURIComponent(id)}` });
    return r.ok ? ok(undefined) : r;
  }

  /** Deactivate removes every binding; activate can only confirm one exists (a target is needed to bind). */
  async setActive(id: string, active: boolean): Promise<Result<LibraryItem>> {
    const p = await this.getPolicy(id);
    if (!p.ok) return p;
    if (active) {
      const bound = await this.isBound(id);
      if (!bound.ok) return bound;
      if (!bound.value) return fail(invalid('A JumpCloud policy is active where it is bound: assign the profile to a group to activate it'));
      return ok(toPolicyItem(p.value, true));
    }
    for (const targets of ['system_group', 'system'] as const) {
      const edges = await this.associations(id, targets);
      if (!edges.ok) return edges;
      for (const e of edges.value) {
        const r = await this.edge(id, 'remove', targets, e.id);
        if (!r.ok) return r;
      }
    }
    return ok(toPolicyItem(p.value, false));
  }

  async profileStatus(id: string): Promise<Result<ProfileStatus[]>> {
    const r = await this.v2All(`/api/v2/policies/${encodeURIComponent(id)}/policystatuses`, {}, wire.policyStatus);
    return r.ok ? ok(r.value.map((s) => toStatus(s))) : r;
  }

  /** JumpCloud keeps no edit history for policies here; the history is each device's install results. */
  async profileActivity(id: string, limit = 100): Promise<Result<ActivityEntry[]>> {
    const p = await this.getPolicy(id);
    if (!p.ok) return p;
    const r = await this.v2Page(`/api/v2/policies/${encodeURIComponent(id)}/policyresults`, { sort: '-id' }, wire.policyStatus, undefined, Math.min(Math.max(1, limit), MAX));
    if (!r.ok) return r;
    // ObjectIds grow with time, so `-id` is newest first; the sort below settles rows of one second.
    const entries = r.value.items.map((row): ActivityEntry => {
      const s = toStatus(row);
      return { at: row.endedAt || row.startedAt || '', kind: 'result', deviceId: row.systemID, details: [`${s.status}${s.detail ? `: ${s.detail}` : ''}`] };
    });
    return ok(entries.sort((a, b) => b.at.localeCompare(a.at)));
  }

  // ---- blueprints (system groups) ----

  async listBlueprints(): Promise<Result<Blueprint[]>> {
    const r = await this.v2All('/api/v2/systemgroups', { sort: 'name,id' }, wire.systemGroup);
    return r.ok ? ok(r.value.map(toBlueprint)) : r;
  }

  async blueprintItems(blueprintId: string): Promise<Result<LibraryItem[]>> {
    const edges = await this.v2All(`/api/v2/systemgroups/${encodeURIComponent(blueprintId)}/associations`, { targets: 'policy' }, wire.graphEdge);
    if (!edges.ok) return edges;
    const ids = new Set(edges.value.filter((e) => e.type === 'policy' || e.type === '').map((e) => e.id));
    if (ids.size === 0) return ok([]);
    const all = await this.allPolicies();
    if (!all.ok) return all;
    return ok(all.value.filter((p) => ids.has(p.id)).map((p) => toPolicyItem(p, true)));
  }

  async assignmentNodes(_blueprintId: string): Promise<Result<AssignmentNode[]>> {
    return ok([]);
  }

  private async edge(policyId: string, op: 'add' | 'remove', type: 'system' | 'system_group', id: string): Promise<Result<void>> {
    // Graph edits set membership, so repeating one is harmless: retried like a PUT.
    const r = await this.http.request({ method: 'POST', path: `/api/v2/policies/${encodeURIComponent(policyId)}/associations`, json: { op, type, id }, retry: 'idempotent' });
    return r.ok ? ok(undefined) : r;
  }

  async assign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>> {
    if (nodeId) return fail(invalid('JumpCloud system groups have no assignment nodes; leave the node out'));
    const r = await this.edge(itemId, 'add', 'system_group', blueprintId);
    if (!r.ok && r.error.kind === 'conflict') return ok(undefined); // already bound
    return r;
  }

  async unassign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>> {
    if (nodeId) return fail(invalid('JumpCloud system groups have no assignment nodes; leave the node out'));
    const r = await this.edge(itemId, 'remove', 'system_group', blueprintId);
    if (!r.ok && r.error.kind === 'not-found') {
      // Missing edge, or missing policy? Only the first is success.
      const p = await this.http.request({ method: 'GET', path: `/api/v2/policies/${encodeURIComponent(itemId)}` });
      return p.ok ? ok(undefined) : p;
    }
    return r;
  }

  // ---- devices (v1 systems) ----

  async listDevices(query: DeviceQuery, cursor?: string): Promise<Result<Page<Device>>> {
    const limit = Math.min(Math.max(1, query.pageSize ?? MAX), MAX);
    const start = offsetCursor(cursor);
    if (!start.ok) return start;
    const skip = start.value;
    if (query.blueprintId) return this.groupDevices(query, limit, skip);
    let page: Result<{ totalCount?: number; results: unknown[] }>;
    if (query.search) {
      // v1 filters only compare exactly; the search endpoint matches substrings. POST, but read-only.
      page = await this.call({
        method: 'POST', path: '/api/search/systems', retry: 'idempotent',
        json: {
          searchFilter: { searchTerm: query.search, fields: ['displayName', 'hostname', 'serialNumber'] },
          ...(query.platform ? { filter: { and: [{ os: platformToOs[query.platform] }] } } : {}),
          limit, skip,
        },
      }, (b) => wire.v1Page(b, 'systems'));
    } else {
      page = await this.call({
        method: 'GET', path: '/api/systems',
        query: { limit, skip, sort: '_id', ...(query.platform ? { filter: `os:$eq:${platformToOs[query.platform]}` } : {}) },
      }, (b) => wire.v1Page(b, 'systems'));
    }
    if (!page.ok) return page;
    const systems = parseWire(() => page.value.results.map(wire.system));
    if (!systems.ok) return systems;
    return ok(offsetPage(systems.value.map(toDevice), skip, limit, page.value.totalCount));
  }

  /**
   * Pages over the group's members and reads each member system (v1 has no batch read by id without the
   * unverified OR-filter syntax); the platform filter applies after, so a page may hold fewer than `limit`.
   */
  private async groupDevices(query: DeviceQuery, limit: number, skip: number): Promise<Result<Page<Device>>> {
    const members = await this.v2Page(`/api/v2/systemgroups/${encodeURIComponent(query.blueprintId!)}/members`, {}, wire.graphEdge, String(skip), limit);
    if (!members.ok) return members;
    const ids = members.value.items.filter((e) => e.type === 'system' || e.type === '').map((e) => e.id);
    const systems = await mapLimit(ids, CONCURRENCY, (id) => this.getSystem(id));
    const devices: Device[] = [];
    for (const s of systems) {
      if (!s.ok) {
        if (s.error.kind === 'not-found') continue; // removed since the member list was read
        return s;
      }
      devices.push(toDevice(s.value));
    }
    const needle = query.search?.toLowerCase();
    const items = devices.filter((d) => (!query.platform || d.platform === query.platform)
      && (!needle || `${d.name} ${d.serial ?? ''}`.toLowerCase().includes(needle)));
    return ok({ items, ...(members.value.next ? { next: members.value.next } : {}), ...(members.value.total !== undefined ? { total: members.value.total } : {}) });
  }

  private getSystem(id: string): Promise<Result<wire.SystemWire>> {
    return this.call({ method: 'GET', path: `/api/systems/${encodeURIComponent(id)}` }, wire.system);
  }

  async getDevice(id: string): Promise<Result<DeviceDetails>> {
    const s = await this.getSystem(id);
    if (!s.ok) return s;
    return ok({ ...toDevice(s.value), facts: toFacts(s.value.raw) });
  }

  async deviceProfiles(id: string): Promise<Result<ProfileStatus[]>> {
    const rows = await this.v2All(`/api/v2/systems/${encodeURIComponent(id)}/policystatuses`, {}, wire.policyStatus);
    if (!rows.ok) return rows;
    const policies = await this.allPolicies();
    if (!policies.ok) return policies;
    const names = new Map(policies.value.map((p) => [p.id, p.name]));
    return ok(rows.value.map((r) => toStatus(r, names)));
  }

  deviceActions(device: Device): DeviceActionSpec[] {
    return jumpcloudActions(device.platform);
  }

  /** Commands go to the Apple MDM device behind the system; never retried (a repeat is a second command). */
  async runDeviceAction(deviceId: string, action: string, params: Record<string, string> = {}): Promise<Result<DeviceActionResult>> {
    const s = await this.getSystem(deviceId);
    if (!s.ok) return s;
    const device = toDevice(s.value);
    const check = checkAction(jumpcloudActions(device.platform), action, device, params);
    if (!check.ok) return check;
    const body = commandBody(action, params);
    if (typeof body === 'string') return fail(invalid(body));
    const mdm = await this.appleMdmId();
    if (!mdm.ok) return mdm;
    let mdmDevice = s.value.mdmDeviceId;
    if (!mdmDevice && s.value.serialNumber) {
      const found = await this.call(
        { method: 'GET', path: `/api/v2/applemdms/${encodeURIComponent(mdm.value)}/devices`, query: { filter: `serialNumber:eq:${s.value.serialNumber}`, limit: 1 } },
        (b) => asArray(b, 'mdm devices').map((v) => wire.idOf(v, 'mdm device')),
      );
      if (!found.ok) return found;
      mdmDevice = found.value[0];
    }
    if (!mdmDevice) return fail(invalid(`\`${device.name}\` is not enrolled in JumpCloud MDM`));
    return this.call(
      { method: 'POST', path: `/api/v2/applemdms/${encodeURIComponent(mdm.value)}/devices/${encodeURIComponent(mdmDevice)}/${action}`, ...(body ? { json: body } : {}), retry: 'never' },
      wire.commandAnswer,
    );
  }

  webUrl(_target: { kind: 'profile' | 'blueprint' | 'device'; id: string }): string | undefined {
    return undefined; // console deep links are not documented
  }
}
