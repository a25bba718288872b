// Kandji fleet endpoints (seed 001): device apps/activity/lost mode/secrets, Prism, ADE, tags, users, threats,
// vulnerabilities, licensing, blueprint templates and the OTA enrollment profile. Answers follow the shapes of
// Kandji's published examples (../shared/api/specs/kandji); lists page the way each endpoint documents.
import { emptyResponse, header, intParam, isRecord, json, parseJsonBody, textResponse, type Router, type SimRequest, type SimResponse } from './httpKit';
import { decodeBody } from './kandjiForms';
import { appJson, behavioralRow, CVES, hasFileVault, hits, PRISM_ROWS_PER_DEVICE, prismDeviceFits, prismRow, secretsOf, threatRow } from './kandjiFleetData';
import { envelope, MAX_PAGE, pageWindow } from './kandjiWire';
import { iso, type SimDevice } from './state';
import { hashString } from './ids';
import { CREATED_ID, type RouteContext } from './vendorApp';

export const PRISM_CATEGORIES = [
  'apps', 'activation_lock', 'application_firewall', 'cellular', 'certificates', 'desktop_and_screensaver', 'device_information', 'filevault',
  'gatekeeper_and_xprotect', 'installed_profiles', 'kernel_extensions', 'launch_agents_and_daemons', 'local_users', 'startup_settings',
  'system_extensions', 'transparency_database',
] as const;

const NOT_FOUND = { detail: 'Not found.' };
const TEMPLATES = [
  { id: 'a1d6d0a8-6d3e-4b3c-9b71-3f0a4f1c2e01', name: 'Kandji Recommended (Mac)', description: 'Security baseline, agent and core apps for Macs.' },
  { id: 'a1d6d0a8-6d3e-4b3c-9b71-3f0a4f1c2e02', name: 'Shared iPad', description: 'Classroom and shared-device settings for iPad.' },
  { id: 'a1d6d0a8-6d3e-4b3c-9b71-3f0a4f1c2e03', name: 'Kiosk iPhone', description: 'Single-app mode and restrictions for kiosk iPhones.' },
];

export function kandjiFleetRoutes(router: Router, ctx: RouteContext): void {
  const { state } = ctx;
  const find = (req: SimRequest): SimDevice | undefined => state.deviceById.get((req.params['id'] ?? '').toLowerCase());
  const notFound = (): SimResponse => json(404, NOT_FOUND);
  const tags = new Map<string, string>();
  const deletedUsers = new Set<string>();
  const exports = new Map<string, PrismExport>();
  let tagsSeeded = false;
  const tagStore = () => {
    if (!tagsSeeded) {
      tagsSeeded = true;
      const names = new Set<string>();
      for (const d of state.devices) for (const t of d.tags) names.add(t);
      for (const n of [...names].sort()) tags.set(state.newId(), n);
    }
    return tags;
  };

  // ---- device information ----
  router.add('GET', '/api/v1/devices/:id/apps', (req) => {
    const d = find(req);
    return d ? json(200, { device_id: d.id, apps: appJson(d) }) : notFound();
  });
  router.add('GET', '/api/v1/devices/:id/activity', (req) => {
    const d = find(req);
    if (!d) return notFound();
    const events = [
      { action_type: 'enrollment', at: d.firstEnrollment, details: { blueprint_name: state.blueprints.get(d.groupIds[0] ?? '')?.name ?? '', enrollment_type: 'DEP' } },
      { action_type: 'name_changed', at: d.firstEnrollment + 60_000, details: { from: 'MacBook Pro', to: d.name } },
      ...state.commandsFor(d.id).map((c) => ({ action_type: 'mdm_command_completed', at: c.requestedAt, details: { command_type: c.type } })),
      { action_type: 'checkin', at: d.lastCheckIn, details: { agent_version: d.agentVersion } },
    ].sort((a, b) => b.at - a.at);
    const rows = events.map((e, i) => ({
      id: hashString(`${d.id}:${i}`) % 1_000_000, action_type: e.action_type, created_at: iso(e.at), details: e.details, user: null,
      blueprint: null, computer: { id: d.id, name: d.name, is_removed: false },
    }));
    return json(200, { device_id: d.id, activity: envelope(req, rows, pageWindow(req, MAX_PAGE), (r) => r) });
  });
  router.add('GET', '/api/v1/devices/:id/details/lostmode', (req) => {
    const d = find(req);
    if (!d) return notFound();
    if (d.platform !== 'iPhone' && d.platform !== 'iPad') return json(400, { detail: 'Lost Mode is only available on iOS and iPadOS devices.' });
    return json(200, {
      device_id: d.id,
      lost_mode: d.lostMode
        ? { lost_mode_status: 'ENABLED', enabled_by: 'Demo Admin', enable_status_at: iso(d.lastCheckIn), disable_status: '', disable_status_at: '', disabled_by: '', message: 'This device has been lost. Please call IT.', phone_number: '+1 555 0100', footnote: 'Acme IT', last_location: { latitude: '37.3349', longitude: '-122.0090' }, last_location_at: iso(d.lastCheckIn), last_location_status: 'SUCCESS' }
        : { lost_mode_status: '', enabled_by: '', enable_status_at: '', disable_status: '', disable_status_at: '', disabled_by: '' },
    });
  });
  router.add('DELETE', '/api/v1/devices/:id/details/lostmode', (req) => {
    const d = find(req);
    if (!d) return notFound();
    if (!d.lostMode) return json(400, ['Device is not in lost mode.']);
    d.lostMode = false;
    state.queueCommand(d.id, 'DisableLostMode');
    return emptyResponse(204);
  });
  const secret = (pick: (d: SimDevice) => Record<string, string> | undefined) => (req: SimRequest): SimResponse => {
    const d = find(req);
    if (!d) return notFound();
    const body = pick(d);
    return body ? json(200, body) : json(400, { detail: 'This secret is not available for this device.' });
  };
  router.add('GET', '/api/v1/devices/:id/secrets/filevaultkey', secret((d) => (hasFileVault(d) ? { key: secretsOf(d).key } : undefined)));
  router.add('GET', '/api/v1/devices/:id/secrets/unlockpin', secret((d) => (d.platform === 'Mac' ? { pin: secretsOf(d).pin } : undefined)));
  router.add('GET', '/api/v1/devices/:id/secrets/bypasscode', secret((d) => ({ device_based_albc: secretsOf(d).albc, user_based_albc: secretsOf(d).albc })));
  router.add('GET', '/api/v1/devices/:id/secrets/recoverypassword', secret((d) => (d.platform === 'Mac' ? { recovery_password: secretsOf(d).recovery } : undefined)));

  // ---- Prism ----
  const prismDevices = (category: string, q: URLSearchParams): SimDevice[] | SimResponse => {
    const bps = (q.get('blueprint_ids') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const families = (q.get('device_families') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    let deviceId: string | undefined;
    const filter = q.get('filter');
    if (filter) {
      try {
        const f = JSON.parse(filter) as unknown;
        const eq = isRecord(f) && isRecord(f['device_id']) ? f['device_id']['eq'] : undefined;
        if (typeof eq === 'string') deviceId = eq.toLowerCase();
      } catch {
        return json(400, { detail: 'filter must be JSON' });
      }
    }
    const pool = deviceId ? [state.deviceById.get(deviceId)].filter((d): d is SimDevice => d !== undefined) : state.devices;
    return pool.filter((d) => prismDeviceFits(category, d) && (bps.length === 0 || bps.includes(d.groupIds[0] ?? '')) && (families.length === 0 || families.includes(d.platform)));
  };
  router.add('GET', '/api/v1/prism/count', (req) => {
    const category = req.query.get('category') ?? '';
    if (!(PRISM_CATEGORIES as readonly string[]).includes(category)) return json(400, { detail: `Invalid category: ${category}` });
    const devices = prismDevices(category, req.query);
    if (!Array.isArray(devices)) return devices;
    return json(200, { approximate: false, count: devices.length * (PRISM_ROWS_PER_DEVICE[category] ?? 1) });
  });
  for (const category of PRISM_CATEGORIES) {
    router.add('GET', `/api/v1/prism/${category}`, (req) => {
      const devices = prismDevices(category, req.query);
      if (!Array.isArray(devices)) return devices;
      const limit = intParam(req, 'limit');
      const offset = intParam(req, 'offset');
      if (limit === null || offset === null) return json(400, { detail: 'limit and offset must be integers' });
      const per = PRISM_ROWS_PER_DEVICE[category] ?? 1;
      const total = devices.length * per;
      const lim = Math.min(limit ?? 25, MAX_PAGE);
      const start = offset ?? 0;
      const sortBy = req.query.get('sort_by');
      const rowAt = (i: number) => prismRow(category, devices[Math.floor(i / per)]!, i % per, state);
      const data: Record<string, unknown>[] = [];
      if (sortBy) {
        // Sorting needs every row; unsorted pages build only the rows they show.
        const all = Array.from({ length: total }, (_, i) => rowAt(i)).sort(prismOrder(sortBy));
        data.push(...all.slice(start, start + lim));
      } else {
        for (let i = start; i < Math.min(total, start + lim); i++) data.push(rowAt(i));
      }
      return json(200, { cursor: null, data, limit: lim, offset: start, total });
    });
  }
  const exportJson = (e: PrismExport, origin: string) => {
    const ready = e.polls >= 1;
    return {
      args: { blueprint_ids: e.blueprintIds, columns: [], device_families: e.families, filter: e.filter, sort_by: e.sortBy }, category: e.category, created_at: iso(e.createdAt),
      error_msg: null, id: e.id, status: ready ? 'success' : 'pending',
      path: ready ? `visibility-export/${e.id}/export-${e.category}-${e.id}.csv` : null,
      signed_url: ready ? `${origin}/__export-bucket/${e.id}.csv?X-Amz-Signature=${hashString(e.id).toString(16)}` : null,
    };
  };
  router.add('POST', '/api/v1/prism/export', (req) => {
    const body = parseJsonBody(req);
    if (!body.ok || !isRecord(body.value)) return json(400, { detail: 'JSON parse error' });
    const category = body.value['category'];
    if (typeof category !== 'string' || !(PRISM_CATEGORIES as readonly string[]).includes(category)) return json(400, { detail: `Invalid category: ${String(category)}` });
    // The body carries what the page endpoints take as query parameters: blueprint_ids, device_families, filter, sort_by.
    const fields = body.value;
    const list = (k: string) => (Array.isArray(fields[k]) ? (fields[k] as unknown[]).map(String) : []);
    const f = body.value['filter'] ?? {};
    if (!isRecord(f)) return json(400, { detail: 'filter must be an object' });
    const sortBy = body.value['sort_by'] ?? '';
    if (typeof sortBy !== 'string') return json(400, { detail: 'sort_by must be a string' });
    const deviceId = isRecord(f['device_id']) && typeof f['device_id']['eq'] === 'string' ? f['device_id']['eq'] : undefined;
    const id = state.newId();
    const e: PrismExport = { id, category, createdAt: state.now(), polls: 0, blueprintIds: list('blueprint_ids'), families: list('device_families'), filter: f, sortBy, ...(deviceId ? { deviceId } : {}) };
    exports.set(id, e);
    return json(200, exportJson(e, req.origin), { [CREATED_ID]: id });
  });
  router.add('GET', '/api/v1/prism/export/:id', (req) => {
    const e = exports.get(req.params['id'] ?? '');
    if (!e) return notFound();
    e.polls++;
    return json(200, exportJson(e, req.origin));
  });
  // The "bucket": a presigned URL carries its own authorisation; a second (Kandji) one is refused, as S3 does.
  router.add('GET', '/__export-bucket/:file', (req) => {
    if (header(req, 'authorization')) return textResponse(400, '<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>', 'application/xml');
    const e = exports.get((req.params['file'] ?? '').replace(/\.csv$/, ''));
    if (!e || e.polls < 1) return textResponse(403, '<Error><Code>AccessDenied</Code></Error>', 'application/xml');
    const q = new URLSearchParams();
    if (e.blueprintIds.length) q.set('blueprint_ids', e.blueprintIds.join(','));
    if (e.families.length) q.set('device_families', e.families.join(','));
    if (e.deviceId) q.set('filter', JSON.stringify({ device_id: { eq: e.deviceId } }));
    const devices = prismDevices(e.category, q);
    if (!Array.isArray(devices)) return devices;
    const per = PRISM_ROWS_PER_DEVICE[e.category] ?? 1;
    const rows: Record<string, unknown>[] = [];
    for (const d of devices) for (let n = 0; n < per; n++) rows.push(prismRow(e.category, d, n, state));
    if (e.sortBy) rows.sort(prismOrder(e.sortBy));
    const columns = rows[0] ? Object.keys(rows[0]) : undefined;
    const lines = rows.map((row) => columns!.map((c) => csvCell(row[c])).join(','));
    return textResponse(200, `${(columns ?? ['device_id']).join(',')}\n${lines.join('\n')}${lines.length ? '\n' : ''}`, 'text/csv');
  });

  kandjiFleetDirectoryRoutes(router, ctx, { tagStore, deletedUsers });
}

/** An export job: the request's filter as sent (echoed in `args`), plus the device id it names. */
interface PrismExport {
  id: string;
  category: string;
  createdAt: number;
  polls: number;
  blueprintIds: string[];
  families: string[];
  filter: Record<string, unknown>;
  sortBy: string;
  deviceId?: string;
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface DirectoryStores {
  tagStore: () => Map<string, string>;
  deletedUsers: Set<string>;
}

/** ADE, tags, users, threats, vulnerabilities, licensing, templates, OTA enrollment. */
function kandjiFleetDirectoryRoutes(router: Router, ctx: RouteContext, stores: DirectoryStores): void {
  const { state } = ctx;
  const notFound = (): SimResponse => json(404, NOT_FOUND);
  const ADE_ID = '821b216b-8a8d-4089-b4d9-c66dc83f92f2';
  // A renewal replaces the contact and default blueprint, and the new server token is good for a year.
  let renewed: { email: string; phone: string; blueprintId: string; expiry: number } | undefined;
  const integration = () => {
    const expiry = renewed?.expiry ?? state.now() + 200 * 86_400_000;
    const blueprintId = renewed?.blueprintId ?? state.devices[0]?.groupIds[0] ?? '';
    return {
      id: ADE_ID, server_name: 'Acme ABM', org_name: 'Acme Corp', access_token_expiry: iso(expiry), days_left: Math.max(0, Math.floor((expiry - state.now()) / 86_400_000)),
      defaults: { email: renewed?.email ?? 'it@acme.example', phone: renewed?.phone ?? '+1 555 0100' }, device_counts: { total: adeDevices().length }, last_device_sync: iso(state.now() - 3_600_000),
      blueprint: { id: blueprintId, name: state.blueprints.get(blueprintId)?.name ?? '', color: 'aqua-800', icon: 'ss-files' },
    };
  };
  const adeDevices = () => state.devices.filter((d) => d.platform !== 'Vision' && hashString(`ade:${d.id}`) % 4 !== 0);
  /** The list answers nest the blueprint and user; the single-device answer gives their ids (Kandji's examples). */
  const adeDetailJson = (d: SimDevice) => {
    const { blueprint: _b, user: _u, ...rest } = adeJson(d);
    return { ...rest, blueprint: d.groupIds[0] ?? '', blueprint_id: d.groupIds[0] ?? '', ...(d.user ? { user: d.user.id, user_id: d.user.id } : {}) };
  };
  const adeJson = (d: SimDevice) => ({
    id: `ade-${d.id}`, serial_number: d.serial, model: d.model, description: `${d.model} — Acme order`, device_family: d.platform, os: d.platform === 'Mac' ? 'OSX' : 'iOS',
    color: ['SILVER', 'SPACE GRAY', 'MIDNIGHT'][hashString(d.serial) % 3], device_assigned_by: 'it@acme.example', device_assigned_date: iso(d.firstEnrollment - 86_400_000),
    blueprint: { id: d.groupIds[0] ?? '', name: state.blueprints.get(d.groupIds[0] ?? '')?.name ?? '' }, dep_account: { id: ADE_ID, server_name: 'Acme ABM' },
    mdm_device: { id: d.id, device_name: d.name, enrolled_at: iso(d.firstEnrollment) }, user: d.user ? { id: d.user.id, email: d.user.email, name: d.user.name } : null,
    profile_status: 'assigned', asset_tag: d.assetTag,
  });
  const pagedAde = (req: SimRequest, all: SimDevice[]) => {
    const page = Math.max(1, intParam(req, 'page') ?? 1);
    const size = 300;
    const slice = all.slice((page - 1) * size, page * size);
    const next = page * size < all.length ? `${req.origin}${req.path}?page=${page + 1}` : null;
    return json(200, { count: all.length, next, previous: page > 1 ? `${req.origin}${req.path}?page=${page - 1}` : null, results: slice.map(adeJson) });
  };
  router.add('GET', '/api/v1/integrations/apple/ade', () => json(200, [integration()]));
  router.add('GET', '/api/v1/integrations/apple/ade/public_key', () => textResponse(200, `-----BEGIN CERTIFICATE-----\nMIIC7TCCAdWgAwIBAgICANIwDQYJKoZIhvcNAQELBQAwLjEQMA4GA1UEAwwHU0NF\nUC1TSU0xCzAJBgNVBAYTAlVTMQ0wCwYDVQQKDARBQ01FMB4XDTI1MDEwMTAwMDAw\n-----END CERTIFICATE-----\n`, 'application/x-x509-ca-cert'));
  router.add('GET', '/api/v1/integrations/apple/ade/devices', (req) => pagedAde(req, adeDevices()));
  router.add('GET', '/api/v1/integrations/apple/ade/devices/:id', (req) => {
    const id = (req.params['id'] ?? '').toLowerCase().replace(/^ade-/, '');
    const d = state.deviceById.get(id);
    return d && adeDevices().includes(d) ? json(200, adeDetailJson(d)) : notFound();
  });
  router.add('GET', '/api/v1/integrations/apple/ade/:id', (req) => (req.params['id'] === ADE_ID ? json(200, integration()) : notFound()));
  router.add('GET', '/api/v1/integrations/apple/ade/:id/devices', (req) => (req.params['id'] === ADE_ID ? pagedAde(req, adeDevices()) : notFound()));
  router.add('POST', '/api/v1/integrations/apple/ade/:id/renew', (req) => {
    if (req.params['id'] !== ADE_ID) return notFound();
    const body = decodeBody(req, ['multipart']);
    if (!body.ok) return body.response;
    const errors: Record<string, string[]> = {};
    for (const f of ['blueprint_id', 'phone', 'email']) if (typeof body.fields.get(f) !== 'string' || body.fields.get(f) === '') errors[f] = ['This field is required.'];
    if (!body.files.get('file')) errors['file'] = ['No file was submitted.'];
    if (Object.keys(errors).length) return json(400, errors);
    renewed = { email: String(body.fields.get('email')), phone: String(body.fields.get('phone')), blueprintId: String(body.fields.get('blueprint_id')), expiry: state.now() + 365 * 86_400_000 };
    return json(200, integration());
  });

  // ---- tags ----
  router.add('GET', '/api/v1/tags', (req) => {
    const search = (req.query.get('search') ?? '').toLowerCase();
    const rows = [...stores.tagStore()].filter(([, n]) => n.toLowerCase().includes(search)).map(([id, name]) => ({ id, name }));
    return json(200, { count: rows.length, next: null, previous: null, results: rows });
  });
  const tagName = (req: SimRequest): string | SimResponse => {
    const body = parseJsonBody(req);
    if (!body.ok) return json(400, { detail: `JSON parse error - ${body.message}` });
    const name = isRecord(body.value) ? body.value['name'] : undefined;
    if (typeof name !== 'string' || name.trim() === '') return json(400, { name: ['This field is required.'] });
    return name;
  };
  router.add('POST', '/api/v1/tags', (req) => {
    const name = tagName(req);
    if (typeof name !== 'string') return name;
    if ([...stores.tagStore().values()].includes(name)) return json(400, { name: ['Tag with this name already exists.'] });
    const id = state.newId();
    stores.tagStore().set(id, name);
    return json(201, { id, name }, { [CREATED_ID]: id });
  });
  router.add('PATCH', '/api/v1/tags/:id', (req) => {
    const id = (req.params['id'] ?? '').toLowerCase();
    if (!stores.tagStore().has(id)) return notFound();
    const name = tagName(req);
    if (typeof name !== 'string') return name;
    stores.tagStore().set(id, name);
    return json(200, { id, name });
  });
  router.add('DELETE', '/api/v1/tags/:id', (req) => (stores.tagStore().delete((req.params['id'] ?? '').toLowerCase()) ? emptyResponse(204) : notFound()));

  // ---- users ----
  // The user directory outlives device assignments (a user without devices can be deleted); built on first use.
  let directory: Map<string, { id: string; name: string; email: string }> | undefined;
  const users = () => {
    if (!directory) {
      directory = new Map();
      for (const d of state.devices) if (d.user && !directory.has(d.user.id)) directory.set(d.user.id, { ...d.user });
    }
    const counts = new Map<string, number>();
    for (const d of state.devices) if (d.user) counts.set(d.user.id, (counts.get(d.user.id) ?? 0) + 1);
    return [...directory.values()].filter((u) => !stores.deletedUsers.has(u.id)).map((u) => ({ ...u, devices: counts.get(u.id) ?? 0 }));
  };
  const userJson = (u: { id: string; name: string; email: string; devices: number }) => ({
    id: u.id, name: u.name, email: u.email, active: true, archived: false, device_count: u.devices, department: null, job_title: null,
    created_at: '2024-09-06T21:00:04.304248Z', updated_at: '2024-09-06T21:00:04.304248Z', integration: { id: 634, name: 'Acme Entra ID', type: 'office365' },
  });
  router.add('GET', '/api/v1/users', (req) => {
    const all = users();
    const start = Number(Buffer.from(req.query.get('cursor') ?? '', 'base64').toString('utf8').replace(/^p=/, '')) || 0;
    const slice = all.slice(start, start + 300);
    const next = start + 300 < all.length ? `${req.origin}/api/v1/users?cursor=${encodeURIComponent(Buffer.from(`p=${start + 300}`).toString('base64'))}` : null;
    return json(200, { next, previous: null, results: slice.map(userJson) });
  });
  router.add('GET', '/api/v1/users/:id', (req) => {
    const u = users().find((x) => x.id === req.params['id']);
    return u ? json(200, userJson(u)) : notFound();
  });
  router.add('DELETE', '/api/v1/users/:id', (req) => {
    const u = users().find((x) => x.id === req.params['id']);
    if (!u) return notFound();
    if (u.devices > 0) return json(400, { detail: 'User still assigned to one or more devices.' });
    stores.deletedUsers.add(u.id);
    return emptyResponse(204);
  });

  // ---- threats ----
  const threatDevices = () => state.devices.filter((d) => d.platform === 'Mac' && hashString(`t:${d.id}`) % 40 === 0);
  router.add('GET', '/api/v1/threat-details', (req) => {
    const rows = threatDevices().map((d, i) => threatRow(i, d, state));
    const page = envelope(req, rows, pageWindow(req, 50), (r) => r);
    return json(200, { ...page, malware_count: rows.filter((r) => r['classification'] === 'MALWARE').length, pup_count: rows.filter((r) => r['classification'] === 'PUP').length });
  });
  router.add('GET', '/api/v1/behavioral-detections', (req) => {
    const rows = threatDevices().filter((_, i) => i % 2 === 0).map((d, i) => behavioralRow(i, d));
    const page = envelope(req, rows, pageWindow(req, 50), (r) => r);
    return json(200, { ...page, malicious_count: rows.filter((r) => r['classification'] === 'malicious').length });
  });

  // ---- vulnerabilities ----
  const vulnPage = (req: SimRequest, rows: Record<string, unknown>[]) => {
    const page = Math.max(1, intParam(req, 'page') ?? 1);
    const size = Math.min(Math.max(1, intParam(req, 'size') ?? 50), 300);
    return json(200, { page, size, total: rows.length, results: rows.slice((page - 1) * size, page * size) });
  };
  const affected = (cve: string) => state.devices.filter((d) => hits(cve, d));
  const cveJson = (c: (typeof CVES)[number]) => ({
    cve_id: c.id, cve_link: `https://nvd.nist.gov/vuln/detail/${c.id}`, cvss_score: c.score, severity: c.severity, software: [c.software], status: 'Active',
    device_count: affected(c.id).length, kev_score: c.score >= 9 ? 1 : 0, first_detection_date: iso(state.now() - 20 * 86_400_000), latest_detection_date: iso(state.now() - 86_400_000),
  });
  const findCve = (req: SimRequest) => CVES.find((c) => c.id.toLowerCase() === (req.params['cve'] ?? '').toLowerCase());
  router.add('GET', '/api/v1/vulnerability-management/vulnerabilities', (req) => vulnPage(req, CVES.map(cveJson)));
  router.add('GET', '/api/v1/vulnerability-management/vulnerabilities/:cve', (req) => {
    const c = findCve(req);
    return c ? json(200, { ...cveJson(c), description: c.description, epss_score: 0.02, cve_published_at: '2024-11-20 00:15:00.000000', cve_modified_at: '2024-12-03 16:15:00.000000' }) : notFound();
  });
  router.add('GET', '/api/v1/vulnerability-management/vulnerabilities/:cve/devices', (req) => {
    const c = findCve(req);
    if (!c) return notFound();
    return vulnPage(req, affected(c.id).map((d) => ({
      device_id: d.id, name: d.name, model: d.model, os_version: d.osVersion, serial_number: d.serial, assigned_user: d.user?.name ?? '',
      blueprint_id: d.groupIds[0] ?? '', blueprint_name: state.blueprints.get(d.groupIds[0] ?? '')?.name ?? '', no_of_installs: 1,
      software_summary: { name: c.software, detection_date: iso(d.lastCheckIn), path: `/Applications/${c.software}.app` },
    })));
  });
  router.add('GET', '/api/v1/vulnerability-management/vulnerabilities/:cve/applications', (req) => {
    const c = findCve(req);
    if (!c) return notFound();
    const n = affected(c.id).length;
    return vulnPage(req, [{ name: c.software, bundle_id: `com.example.${c.software.toLowerCase().replace(/\W+/g, '')}`, num_devices: n, num_versions: 1, blueprints: [], software_versions: [{ version: '1.0', devices_impacted: n, blueprints: [], latest_detection_date: iso(state.now() - 86_400_000) }] }]);
  });
  router.add('GET', '/api/v1/vulnerability-management/detections', (req) => {
    const all: Record<string, unknown>[] = [];
    for (const c of CVES) for (const d of affected(c.id)) {
      all.push({ cve_id: c.id, cve_description: c.description, cve_link: `https://nvd.nist.gov/vuln/detail/${c.id}`, cvss_score: c.score, cvss_severity: c.severity, device_id: d.id, device_name: d.name, device_model: d.model, device_serial_number: d.serial, blueprint_id: d.groupIds[0] ?? '', name: c.software, version: '1.0', detection_datetime: iso(d.lastCheckIn) });
      if (all.length >= 100_000) break;
    }
    const after = Number(req.query.get('after') ?? 0) || 0;
    const size = Math.min(Math.max(1, intParam(req, 'size') ?? 50), 300);
    const next = after + size < all.length ? `${req.origin}/api/v1/vulnerability-management/detections?after=${after + size}&size=${size}` : null;
    return json(200, { next, previous: null, results: all.slice(after, after + size) });
  });

  // ---- licensing ----
  router.add('GET', '/api/v1/settings/licensing', () => {
    const count = (p: string) => state.devices.filter((d) => d.platform === p).length;
    const mac = count('Mac');
    const total = state.devices.length;
    return json(200, {
      counts: { computers_count: mac, macos_count: mac, ios_count: count('iPhone'), ipados_count: count('iPad'), tvos_count: count('AppleTV'), visionos_count: count('Vision') },
      limits: { max_devices: Math.ceil((total * 1.1) / 100) * 100, max_devices_per_platform: { macos: 0, ios_ipados: 0 }, plan_type: 'single_limit' },
      tenantOverLicenseLimit: false,
    });
  });

  // ---- blueprint templates and manual enrollment ----
  router.add('GET', '/api/v1/blueprints/templates', (req) => json(200, envelope(req, TEMPLATES, pageWindow(req, 50), (t) => t)));
  router.add('GET', '/api/v1/blueprints/:id/ota-enrollment-profile', (req) => {
    const bp = state.blueprints.get((req.params['id'] ?? '').toLowerCase());
    if (!bp) return notFound();
    if ((header(req, 'accept') ?? '').includes('application/json')) return json(406, { detail: 'Could not satisfy the request Accept header.' });
    const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n\t<key>PayloadContent</key>\n\t<dict>\n\t\t<key>URL</key>\n\t\t<string>${req.origin}/mdm/ota/${bp.id}</string>\n\t\t<key>Challenge</key>\n\t\t<string>${bp.enrollmentCode.code}</string>\n\t\t<key>DeviceAttributes</key>\n\t\t<array><string>UDID</string><string>SERIAL</string><string>PRODUCT</string></array>\n\t</dict>\n\t<key>PayloadDisplayName</key>\n\t<string>${bp.name.replace(/[<&]/g, '')} enrollment</string>\n\t<key>PayloadIdentifier</key>\n\t<string>io.kandji.ota.${bp.id}</string>\n\t<key>PayloadType</key>\n\t<string>Profile Service</string>\n\t<key>PayloadUUID</key>\n\t<string>${bp.id.toUpperCase()}</string>\n\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n</dict>\n</plist>\n`;
    return { status: 200, headers: { 'content-type': 'application/x-apple-aspen-config', 'content-disposition': `attachment; filename="kandji-enroll-${bp.id.slice(0, 8)}.mobileconfig"` }, body: plist };
  });
}

/** Prism's `sort_by`: a row field, ascending, or descending with a leading `-`; rows without the field go last. */
function prismOrder(sortBy: string): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const descending = sortBy.startsWith('-');
  const field = descending ? sortBy.slice(1) : sortBy;
  return (a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === undefined || x === null) return y === undefined || y === null ? 0 : 1;
    if (y === undefined || y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  };
}
