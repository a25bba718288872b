// Kandji's fleet endpoints (seed 001: device information and secrets, Prism, ADE, tags, users, threats,
// vulnerabilities, licensing, blueprint management) behind the neutral FleetApi.
import { FleetBase } from '../fleetBase';
import type {
  AdeDevice, AdeIntegration, AdeIntegrationRenewal, BlueprintDraft, BlueprintTemplate, DeviceActivity, DeviceApp,
  DeviceCommand, DeviceFullDetails, DeviceLibraryItemState, EnrollmentProfile, ExportState, FleetCapability, License,
  LostModeState, PrismCategory, ReportQuery, SecretKind, Tag, TenantUser, VendorRecord,
} from '../fleetApi';
import { pathOf, type Http, type RequestSpec } from '../http';
import { invalid, offsetCursor } from '../paging';
import { fail, ok } from '../result';
import type { Blueprint, Page, Result } from '../tenantApi';
import { asArray, asObject, optNumber, optString, requestParsed, WireShapeError, type Json } from '../wireCheck';
import * as fleet from './fleetMapping';
import { toBlueprint } from './mapping';
import * as wire from './wire';

const SECRET_PATHS: Record<SecretKind, { path: string; field: string }> = {
  filevault: { path: 'filevaultkey', field: 'key' },
  'unlock-pin': { path: 'unlockpin', field: 'pin' },
  'bypass-code': { path: 'bypasscode', field: 'device_based_albc' },
  'recovery-password': { path: 'recoverypassword', field: 'recovery_password' },
};

const PAGE = 300;
const PRISM_PAGE = 300;
const dev = (id: string): string => `/api/v1/devices/${encodeURIComponent(id)}`;

/** A `next` link (re-based onto our origin) or an offset: both ride in our opaque cursor. */
function nextFrom(o: Json): string | undefined {
  const n = o.next;
  return typeof n === 'string' && n ? pathOf(n) : undefined;
}

export abstract class KandjiFleet extends FleetBase {
  protected readonly vendor = 'kandji' as const;
  protected readonly vendorName = 'Kandji';
  protected override readonly secretKinds: readonly SecretKind[] = ['filevault', 'unlock-pin', 'bypass-code', 'recovery-password'];
  protected readonly offered: readonly FleetCapability[] = [
    'device-details', 'device-apps', 'device-library-items', 'device-activity', 'device-commands', 'lost-mode', 'delete-device',
    'secrets', 'prism', 'ade', 'tags', 'users', 'delete-user', 'threats', 'vulnerabilities', 'licensing', 'blueprint-manage',
    'blueprint-templates', 'enrollment-profile',
  ];

  constructor(protected readonly http: Http) {
    super();
  }

  protected get<T>(spec: Omit<RequestSpec, 'method'>, parse: (body: unknown) => T): Promise<Result<T>> {
    return requestParsed(this.http, { method: 'GET', ...spec }, parse);
  }

  private async noContent(spec: RequestSpec): Promise<Result<void>> {
    const r = await this.http.request(spec);
    return r.ok ? ok(undefined) : r;
  }

  /** DRF envelopes (`count`, `next`, `results`) read with limit/offset or a `next` link. */
  private envelopePage<T>(path: string, cursor: string | undefined, item: (v: unknown) => T, pick: (body: Json) => Json = (b) => b): Promise<Result<Page<T>>> {
    const spec = cursor?.startsWith('/') ? { path: cursor } : { path, query: { limit: PAGE, offset: Number(cursor ?? 0) || 0 } };
    return this.get(spec, (body) => {
      const o = pick(asObject(body, 'page'));
      const items = asArray(o.results, 'page results').map(item);
      const next = nextFrom(o);
      const count = optNumber(o, 'count');
      return { items, ...(next ? { next } : {}), ...(count !== undefined ? { total: count } : {}) };
    });
  }

  // ---- device information ----

  override deviceFullDetails(deviceId: string): Promise<Result<DeviceFullDetails>> {
    return this.get({ path: `${dev(deviceId)}/details` }, (b) => fleet.toFullDetails(b, deviceId));
  }

  override deviceApps(deviceId: string): Promise<Result<DeviceApp[]>> {
    return this.get({ path: `${dev(deviceId)}/apps` }, fleet.toDeviceApps);
  }

  override deviceLibraryItems(deviceId: string): Promise<Result<DeviceLibraryItemState[]>> {
    return this.get({ path: `${dev(deviceId)}/library-items` }, fleet.toDeviceLibraryItems);
  }

  override deviceActivity(deviceId: string, cursor?: string): Promise<Result<Page<DeviceActivity>>> {
    return this.envelopePage(`${dev(deviceId)}/activity`, cursor, fleet.toDeviceActivity, (b) => asObject(b.activity, 'activity'));
  }

  override deviceCommands(deviceId: string, cursor?: string): Promise<Result<Page<DeviceCommand>>> {
    return this.envelopePage(`${dev(deviceId)}/commands`, cursor, fleet.toDeviceCommand, (b) => asObject(b.commands, 'commands'));
  }

  override lostMode(deviceId: string): Promise<Result<LostModeState>> {
    return this.get({ path: `${dev(deviceId)}/details/lostmode` }, fleet.toLostMode);
  }

  override cancelLostMode(deviceId: string): Promise<Result<void>> {
    return this.noContent({ method: 'DELETE', path: `${dev(deviceId)}/details/lostmode`, retry: 'never' });
  }

  override deleteDevice(deviceId: string): Promise<Result<void>> {
    return this.noContent({ method: 'DELETE', path: dev(deviceId), retry: 'never' });
  }

  override deviceSecret(deviceId: string, kind: SecretKind): Promise<Result<{ value: string }>> {
    const s = SECRET_PATHS[kind];
    if (!s) return Promise.resolve(fail(invalid(`Unknown secret \`${kind}\`; known: ${Object.keys(SECRET_PATHS).join(', ')}`)));
    return this.get({ path: `${dev(deviceId)}/secrets/${s.path}`, logNote: 'secret read' }, (b) => ({ value: fleet.secretValue(b, s.field) }));
  }

  // ---- Prism ----

  private prismQuery(q: ReportQuery = {}): Record<string, string | number | undefined> {
    return {
      ...(q.blueprintId ? { blueprint_ids: q.blueprintId } : {}),
      ...(q.deviceId ? { filter: JSON.stringify({ device_id: { eq: q.deviceId } }) } : {}),
      ...(q.sortBy ? { sort_by: q.sortBy } : {}),
    };
  }

  override reportCount(category: PrismCategory, query?: ReportQuery): Promise<Result<number>> {
    return this.get({ path: '/api/v1/prism/count', query: { category, ...this.prismQuery(query) } }, (b) => {
      const n = optNumber(asObject(b, 'count'), 'count');
      if (n === undefined) throw new WireShapeError('Prism count has no `count`');
      return n;
    });
  }

  override async reportPage(category: PrismCategory, query: ReportQuery = {}, cursor?: string): Promise<Result<Page<VendorRecord>>> {
    const start = offsetCursor(cursor);
    if (!start.ok) return start;
    const limit = Math.min(Math.max(1, query.pageSize ?? PRISM_PAGE), PRISM_PAGE);
    return this.get({ path: `/api/v1/prism/${category}`, query: { ...this.prismQuery(query), limit, offset: start.value } }, (b) => {
      const o = asObject(b, 'Prism page');
      const items = asArray(o.data, 'Prism data').map(fleet.asRecord);
      const total = optNumber(o, 'total');
      const end = start.value + items.length;
      const more = total !== undefined ? end < total && items.length > 0 : items.length >= limit;
      return { items, ...(more ? { next: String(end) } : {}), ...(total !== undefined ? { total } : {}) };
    });
  }

  private exportState(b: unknown): ExportState {
    const o = asObject(b, 'export');
    const id = optString(o, 'id') ?? '';
    const status = (optString(o, 'status') ?? '').toLowerCase();
    const url = optString(o, 'signed_url');
    const error = optString(o, 'error_msg');
    if (error || status === 'failed') return { state: 'failed', exportId: id, message: error ?? 'The export failed' };
    if (url && (status === '' || status === 'success' || status === 'completed')) return { state: 'ready', exportId: id, downloadUrl: url };
    return { state: 'pending', exportId: id };
  }

  override async requestReportExport(category: PrismCategory, query: ReportQuery = {}): Promise<Result<ExportState>> {
    // The export takes the same filter and sort as the pages, in the body (blueprint_ids as an array, filter as an object).
    const json = {
      category,
      ...(query.blueprintId ? { blueprint_ids: [query.blueprintId] } : {}),
      ...(query.deviceId ? { filter: { device_id: { eq: query.deviceId } } } : {}),
      ...(query.sortBy ? { sort_by: query.sortBy } : {}),
    };
    return requestParsed(this.http, { method: 'POST', path: '/api/v1/prism/export', json, retry: 'never' }, (b) => this.exportState(b));
  }

  override reportExportState(exportId: string): Promise<Result<ExportState>> {
    return this.get({ path: `/api/v1/prism/export/${encodeURIComponent(exportId)}` }, (b) => this.exportState(b));
  }

  /** The signed URL is on another host and carries its own authorisation: our token must never go there. */
  override async downloadReportExport(downloadUrl: string): Promise<Result<Uint8Array>> {
    let url: URL;
    try {
      url = new URL(downloadUrl);
    } catch {
      return fail({ kind: 'bad-response', message: 'The export download link is not a URL' });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail({ kind: 'bad-response', message: 'The export download link is not http(s)' });
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.http.timeoutMs) });
      if (!response.ok) return fail({ kind: 'server', status: response.status, message: `The export download answered HTTP ${response.status}`, hint: 'Request a new export; download links expire' });
      return ok(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      return fail({ kind: timeout ? 'timeout' : 'network', message: `Cannot download the export from ${url.host}${timeout ? ': timed out' : ''}` });
    }
  }

  // ---- ADE ----

  override adeIntegrations(): Promise<Result<AdeIntegration[]>> {
    return this.get({ path: '/api/v1/integrations/apple/ade' }, (b) => {
      const list = Array.isArray(b) ? b : asArray(asObject(b, 'ADE integrations').results, 'ADE integrations');
      return list.map(fleet.toAdeIntegration);
    });
  }

  override adeDevices(integrationId?: string, cursor?: string): Promise<Result<Page<AdeDevice>>> {
    const path = integrationId ? `/api/v1/integrations/apple/ade/${encodeURIComponent(integrationId)}/devices` : '/api/v1/integrations/apple/ade/devices';
    const spec = cursor?.startsWith('/') ? { path: cursor } : { path };
    return this.get(spec, (b) => {
      const o = asObject(b, 'ADE devices');
      const items = asArray(o.results, 'ADE devices').map(fleet.toAdeDevice);
      const next = nextFrom(o);
      const count = optNumber(o, 'count');
      return { items, ...(next ? { next } : {}), ...(count !== undefined ? { total: count } : {}) };
    });
  }

  override adeDevice(adeDeviceId: string): Promise<Result<AdeDevice>> {
    return this.get({ path: `/api/v1/integrations/apple/ade/devices/${encodeURIComponent(adeDeviceId)}` }, fleet.toAdeDevice);
  }

  override async adePublicKey(): Promise<Result<string>> {
    const r = await this.http.request({ method: 'GET', path: '/api/v1/integrations/apple/ade/public_key/', accept: 'application/x-x509-ca-cert' });
    return r.ok ? ok(new TextDecoder().decode(r.value.bytes)) : r;
  }

  override renewAdeIntegration(integrationId: string, renewal: AdeIntegrationRenewal): Promise<Result<AdeIntegration>> {
    const form = new FormData();
    form.set('blueprint_id', renewal.blueprintId);
    form.set('phone', renewal.phone);
    form.set('email', renewal.email);
    form.set('file', new Blob([renewal.file]), renewal.fileName);
    return requestParsed(this.http, { method: 'POST', path: `/api/v1/integrations/apple/ade/${encodeURIComponent(integrationId)}/renew`, form, retry: 'never' }, fleet.toAdeIntegration);
  }

  // ---- tags ----

  override async listTags(search?: string): Promise<Result<Tag[]>> {
    const all: Tag[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const spec = cursor ? { path: cursor } : { path: '/api/v1/tags', ...(search ? { query: { search } } : {}) };
      const r = await this.get(spec, (b) => {
        const o = asObject(b, 'tags');
        return { items: asArray(o.results, 'tags').map(fleet.toTag), next: nextFrom(o) };
      });
      if (!r.ok) return r;
      all.push(...r.value.items);
      if (!r.value.next || r.value.next === cursor) break;
      cursor = r.value.next;
    }
    return ok(all);
  }

  override createTag(name: string): Promise<Result<Tag>> {
    return requestParsed(this.http, { method: 'POST', path: '/api/v1/tags', json: { name }, retry: 'never' }, fleet.toTag);
  }

  override renameTag(id: string, name: string): Promise<Result<Tag>> {
    return requestParsed(this.http, { method: 'PATCH', path: `/api/v1/tags/${encodeURIComponent(id)}`, json: { name } }, fleet.toTag);
  }

  override deleteTag(id: string): Promise<Result<void>> {
    return this.noContent({ method: 'DELETE', path: `/api/v1/tags/${encodeURIComponent(id)}`, retry: 'never' });
  }

  // ---- users ----

  override listUsers(cursor?: string): Promise<Result<Page<TenantUser>>> {
    return this.get({ path: cursor ?? '/api/v1/users' }, (b) => {
      const o = asObject(b, 'users');
      const next = nextFrom(o);
      return { items: asArray(o.results, 'users').map(fleet.toUser), ...(next ? { next } : {}) };
    });
  }

  override getUser(id: string): Promise<Result<TenantUser>> {
    return this.get({ path: `/api/v1/users/${encodeURIComponent(id)}` }, fleet.toUser);
  }

  override deleteUser(id: string): Promise<Result<void>> {
    return this.noContent({ method: 'DELETE', path: `/api/v1/users/${encodeURIComponent(id)}`, retry: 'never' });
  }

  // ---- threats, vulnerabilities ----

  override threats(cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.envelopePage('/api/v1/threat-details', cursor, fleet.asRecord);
  }

  override behavioralDetections(cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.envelopePage('/api/v1/behavioral-detections', cursor, fleet.asRecord);
  }

  /** Vulnerability lists page by `page`/`size` and report `total`. */
  private vulnPage(path: string, cursor: string | undefined): Promise<Result<Page<VendorRecord>>> {
    const page = Number(cursor ?? 1) || 1;
    const size = 50;
    return this.get({ path, query: { page, size } }, (b) => {
      const o = asObject(b, 'vulnerability page');
      const items = asArray(o.results, 'vulnerability results').map(fleet.asRecord);
      const total = optNumber(o, 'total');
      const more = total !== undefined ? page * size < total : items.length >= size;
      return { items, ...(more ? { next: String(page + 1) } : {}), ...(total !== undefined ? { total } : {}) };
    });
  }

  override vulnerabilities(cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.vulnPage('/api/v1/vulnerability-management/vulnerabilities', cursor);
  }

  override vulnerability(cveId: string): Promise<Result<VendorRecord>> {
    return this.get({ path: `/api/v1/vulnerability-management/vulnerabilities/${encodeURIComponent(cveId)}` }, fleet.asRecord);
  }

  override vulnerabilityDevices(cveId: string, cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.vulnPage(`/api/v1/vulnerability-management/vulnerabilities/${encodeURIComponent(cveId)}/devices`, cursor);
  }

  override vulnerabilityApps(cveId: string, cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.vulnPage(`/api/v1/vulnerability-management/vulnerabilities/${encodeURIComponent(cveId)}/applications`, cursor);
  }

  /** Detections page with an `after` cursor carried in the `next` link. */
  override vulnerabilityDetections(cursor?: string): Promise<Result<Page<VendorRecord>>> {
    return this.get({ path: cursor ?? '/api/v1/vulnerability-management/detections', ...(cursor ? {} : { query: { size: 50 } }) }, (b) => {
      const o = asObject(b, 'detections');
      const next = nextFrom(o);
      return { items: asArray(o.results, 'detections').map(fleet.asRecord), ...(next ? { next } : {}) };
    });
  }

  override licensing(): Promise<Result<License>> {
    return this.get({ path: '/api/v1/settings/licensing' }, fleet.toLicense);
  }

  // ---- blueprint management ----

  override createBlueprint(draft: BlueprintDraft): Promise<Result<Blueprint>> {
    const form = new URLSearchParams({ name: draft.name, 'enrollment_code.is_active': 'true', type: 'classic' });
    if (draft.description) form.set('description', draft.description);
    if (draft.sourceTemplateId) {
      form.set('source.type', 'template');
      form.set('source.id', draft.sourceTemplateId);
    }
    return requestParsed(this.http, { method: 'POST', path: '/api/v1/blueprints', urlencoded: form, retry: 'never' }, (b) => toBlueprint(wire.blueprint(b)));
  }

  override renameBlueprint(id: string, name: string): Promise<Result<Blueprint>> {
    return requestParsed(this.http, { method: 'PATCH', path: `/api/v1/blueprints/${encodeURIComponent(id)}`, urlencoded: new URLSearchParams({ name }) }, (b) => toBlueprint(wire.blueprint(b)));
  }

  override deleteBlueprint(id: string): Promise<Result<void>> {
    return this.noContent({ method: 'DELETE', path: `/api/v1/blueprints/${encodeURIComponent(id)}`, retry: 'never' });
  }

  /** The trailing slash matters: without it the path is read as `/blueprints/{id}`. */
  override blueprintTemplates(): Promise<Result<BlueprintTemplate[]>> {
    return this.get({ path: '/api/v1/blueprints/templates/', query: { limit: PAGE } }, (b) => {
      const list = Array.isArray(b) ? b : asArray(asObject(b, 'templates').results, 'templates');
      return list.map((v) => {
        const o = asObject(v, 'template');
        const id = optString(o, 'id') ?? optString(o, 'uuid') ?? '';
        const description = optString(o, 'description');
        return { id, name: optString(o, 'name') ?? id, ...(description ? { description } : {}) };
      });
    });
  }

  /** A .mobileconfig (signed), not JSON: asked for with the profile media type. */
  override async enrollmentProfile(blueprintId: string): Promise<Result<EnrollmentProfile>> {
    const r = await this.http.request({ method: 'GET', path: `/api/v1/blueprints/${encodeURIComponent(blueprintId)}/ota-enrollment-profile`, accept: 'application/x-apple-aspen-config' });
    if (!r.ok) return r;
    const bytes = r.value.bytes ?? new Uint8Array();
    if (bytes.length === 0) return fail({ kind: 'bad-response', message: 'The tenant returned an empty enrollment profile' });
    const disposition = r.value.headers.get('content-disposition') ?? '';
    const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
    return ok({ bytes, fileName: named ?? `enrollment-${blueprintId}.mobileconfig` });
  }
}


