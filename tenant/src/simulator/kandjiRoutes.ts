// The Kandji (Iru) endpoints Profile Studio uses, per ../shared/api/kandji.md. Section numbers refer to it.
import { emptyResponse, header, htmlResponse, json, Router, textResponse, type SimRequest, type SimResponse } from './httpKit';
import { decodeBody, dotted, parseBool } from './kandjiForms';
import { kandjiDeviceRoutes } from './kandjiDevices';
import { kandjiFleetRoutes } from './kandjiFleetRoutes';
import { blueprintJson, MDM_IDENTIFIER_PREFIX, pageResponse, pageWindow, profileJson, statusRowJson } from './kandjiWire';
import { checkProfileXml, setTopLevelString } from './plistText';
import { iso, RUNS_ON_KEYS, type WireRunsOn, type SimBlueprint, type SimItem } from './state';
import { CREATED_ID, type RouteContext, type VendorApp } from './vendorApp';
import { UUID_RE } from './ids';

export interface KandjiOptions {
  /** Page size of library lists when the client sends no `limit` (unverified upstream). Default 50. */
  listPageSize: number;
  /** Reject a custom profile whose runs_on_* flags are all false (unverified upstream). Default true. */
  requireRunsOn: boolean;
  /** Origin for `next`/`previous` links; default the origin the client called (set it to test re-basing). */
  linkOrigin?: string;
  /** Answer 429 beyond 50 requests per second (the headers are always sent). Default false. */
  enforceRateLimit: boolean;
  /** Devices `limit` above 300: clamp (default) or 400. */
  deviceLimitOver300: 'clamp' | 'reject';
}

export const DEFAULT_KANDJI_OPTIONS: KandjiOptions = { listPageSize: 50, requireRunsOn: true, enforceRateLimit: false, deviceLimitOver300: 'clamp' };

const PER_SECOND = 50;
const PER_HOUR = 10_000;

export const NOT_FOUND_DETAIL = { detail: 'Not found.' };
/** Django's plain 404 page, as recorded for library-item paths and unknown URLs (§4). */
export const htmlNotFound = (): SimResponse =>
  htmlResponse(404, '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n');

export function kandjiApp(ctx: RouteContext, options: KandjiOptions): VendorApp {
  const { state } = ctx;
  const router = new Router();
  const hits = { second: 0, secondStart: 0, hour: 0, hourStart: 0 };
  // First: `/blueprints/templates` must win over `/blueprints/:id`.
  kandjiFleetRoutes(router, ctx);

  // ---- §5 custom profiles ----
  const profiles = (): SimItem[] => [...state.items.values()].filter((i) => i.kind === 'profile');
  const findProfile = (id: string | undefined): SimItem | undefined => {
    const item = id ? state.items.get(id.toLowerCase()) : undefined;
    return item?.kind === 'profile' ? item : undefined;
  };

  router.add('GET', '/api/v1/library/custom-profiles', (req) => pageResponse(req, profiles(), pageWindow(req, options.listPageSize), profileJson, options.linkOrigin));

  router.add('POST', '/api/v1/library/custom-profiles', (req) => {
    const body = decodeBody(req, ['multipart', 'form']);
    if (!body.ok) return body.response;
    const errors: Record<string, string[]> = {};
    const name = body.fields.get('name');
    if (typeof name !== 'string' || name.trim() === '') errors['name'] = [typeof name === 'string' ? 'This field may not be blank.' : 'This field is required.'];
    const file = body.files.get('file');
    let text: string | undefined;
    if (!file) errors['file'] = ['No file was submitted.'];
    else {
      const check = checkProfileXml(file.data);
      if (check.ok) text = check.text;
      else errors['file'] = [check.reason];
    }
    const flags = readFlags(body.fields, errors);
    const active = flags.active ?? true;
    const runsOn: WireRunsOn = { mac: false, iphone: false, ipad: false, tv: false, vision: false, android: false, windows: false };
    for (const k of RUNS_ON_KEYS) runsOn[k] = flags.runsOn[k] ?? false;
    if (Object.keys(errors).length > 0) return json(400, errors);
    if (options.requireRunsOn && !RUNS_ON_KEYS.some((k) => runsOn[k])) return json(400, { non_field_errors: ['At least one runs_on_* platform must be true.'] });
    const now = state.now();
    const id = state.newId();
    const item: SimItem = { id, name: String(name), kind: 'profile', profile: rewrite(text!, id, String(name)), active, runsOn, createdAt: now, updatedAt: now };
    state.items.set(id, item);
    state.logActivity(id, 'library_item_created', null);
    return json(201, profileJson(item), { [CREATED_ID]: id });
  });

  router.add('GET', '/api/v1/library/custom-profiles/:id', (req) => {
    const item = findProfile(req.params['id']);
    return item ? json(200, profileJson(item)) : htmlNotFound();
  });

  router.add('PATCH', '/api/v1/library/custom-profiles/:id', (req) => {
    const item = findProfile(req.params['id']);
    if (!item) return htmlNotFound();
    const body = decodeBody(req, ['multipart', 'form']);
    if (!body.ok) return body.response;
    const errors: Record<string, string[]> = {};
    const name = body.fields.get('name');
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) errors['name'] = ['This field may not be blank.'];
    const file = body.files.get('file');
    let text: string | undefined;
    if (file) {
      const check = checkProfileXml(file.data);
      if (check.ok) text = check.text;
      else errors['file'] = [check.reason];
    }
    const flags = readFlags(body.fields, errors);
    if (Object.keys(errors).length > 0) return json(400, errors);
    const runsOn = { ...item.runsOn };
    for (const k of RUNS_ON_KEYS) if (flags.runsOn[k] !== undefined) runsOn[k] = flags.runsOn[k]!;
    if (options.requireRunsOn && !RUNS_ON_KEYS.some((k) => runsOn[k])) return json(400, { non_field_errors: ['At least one runs_on_* platform must be true.'] });
    const details: string[] = [];
    const newName = typeof name === 'string' ? name : item.name;
    if (newName !== item.name) details.push(`Name: ${item.name} → ${newName}`);
    if (flags.active !== undefined && flags.active !== item.active) details.push(`Active: ${item.active} → ${flags.active}`);
    if (text !== undefined) details.push('Profile: updated');
    const contentChanged = text !== undefined;
    const activation = flags.active !== undefined && flags.active !== item.active;
    item.name = newName;
    item.profile = rewrite(text ?? item.profile ?? '', item.id, newName);
    item.runsOn = runsOn;
    if (flags.active !== undefined) item.active = flags.active;
    item.updatedAt = Math.max(state.now(), item.updatedAt + 1);
    state.logActivity(item.id, 'library_item_edited', details.length > 0 ? details : null);
    if (contentChanged || activation || flags.runsOnTouched) state.reconcileItem(item.id, contentChanged);
    return json(200, profileJson(item));
  });

  router.add('DELETE', '/api/v1/library/custom-profiles/:id', (req) => {
    const item = findProfile(req.params['id']);
    if (!item) return htmlNotFound();
    state.removeItem(item.id);
    state.logActivity(item.id, 'library_item_deleted', null);
    return emptyResponse(204);
  });

  // ---- §6 library item status and activity ----
  router.add('GET', '/api/v1/library/library-items/:id/status', (req) => {
    const item = state.items.get((req.params['id'] ?? '').toLowerCase());
    if (!item) return json(404, NOT_FOUND_DETAIL);
    let rows = [...state.rowsOf(item.id).values()];
    const computer = req.query.get('computer_id');
    if (computer) rows = rows.filter((r) => r.deviceId === computer.toLowerCase());
    return pageResponse(req, rows, pageWindow(req, options.listPageSize), (r) => {
      const full = statusRowJson(state.settle(r), state);
      delete full['item_id'];
      delete full['name'];
      delete full['type'];
      delete full['rules_present'];
      return full;
    }, options.linkOrigin);
  });

  router.add('GET', '/api/v1/library/library-items/:id/activity', (req) => {
    const id = (req.params['id'] ?? '').toLowerCase();
    const known = state.items.has(id) || state.activity.some((a) => a.itemId === id);
    if (!known) return json(404, NOT_FOUND_DETAIL);
    const type = req.query.get('activity_type');
    const rows = state.activity.filter((a) => a.itemId === id && (!type || a.type === type)).reverse();
    return pageResponse(req, rows, pageWindow(req, options.listPageSize), (a) => ({
      id: a.id, activity_time: iso(a.time), activity_type: a.type, user_id: null, user_email: 'api@profile-studio.invalid', details: a.details,
    }), options.linkOrigin);
  });

  // ---- §7 blueprints ----
  const findBlueprint = (id: string | undefined): SimBlueprint | undefined => (id ? state.blueprints.get(id.toLowerCase()) : undefined);

  router.add('GET', '/api/v1/blueprints', (req) => {
    let list = [...state.blueprints.values()];
    const id = req.query.get('id');
    if (id) list = list.filter((b) => b.id === id.toLowerCase());
    const idIn = req.query.get('id__in');
    if (idIn) {
      const ids = new Set(idIn.split(',').map((s) => s.trim().toLowerCase()));
      list = list.filter((b) => ids.has(b.id));
    }
    const name = req.query.get('name');
    if (name) list = list.filter((b) => b.name.toLowerCase().includes(name.toLowerCase()));
    return pageResponse(req, list, pageWindow(req, options.listPageSize), (b) => blueprintJson(b, state), options.linkOrigin);
  });

  router.add('POST', '/api/v1/blueprints', (req) => {
    const body = decodeBody(req, ['form', 'multipart', 'json']);
    if (!body.ok) return body.response;
    const name = dotted(body.fields, 'name');
    const isActive = parseBool(dotted(body.fields, 'enrollment_code.is_active'));
    const errors: Record<string, unknown> = {};
    if (typeof name !== 'string' || name.trim() === '') errors['name'] = ['This field is required.'];
    else if ([...state.blueprints.values()].some((b) => b.name === name)) errors['name'] = ['blueprint with this name already exists.'];
    if (isActive === undefined) errors['enrollment_code'] = { is_active: ['This field is required.'] };
    const type = dotted(body.fields, 'type') ?? 'classic';
    if (type !== 'classic' && type !== 'map') errors['type'] = [`"${String(type)}" is not a valid choice.`];
    if (Object.keys(errors).length > 0) return json(400, errors);
    const sourceType = dotted(body.fields, 'source.type');
    const sourceId = dotted(body.fields, 'source.id');
    let copyFrom: SimBlueprint | undefined;
    if (sourceType === 'blueprint') {
      copyFrom = findBlueprint(typeof sourceId === 'string' ? sourceId : undefined);
      if (!copyFrom) return json(400, { source: { id: ['Blueprint not found.'] } });
      if (copyFrom.type !== type) return json(400, ['Blueprint type does not match the source blueprint type']);
    }
    const code = dotted(body.fields, 'enrollment_code.code');
    const id = state.newId();
    const bp: SimBlueprint = {
      id,
      name: String(name),
      type: type as 'classic' | 'map',
      description: String(dotted(body.fields, 'description') ?? ''),
      icon: String(dotted(body.fields, 'icon') ?? 'ss-files'),
      color: String(dotted(body.fields, 'color') ?? 'aqua-800'),
      enrollmentCode: { code: typeof code === 'string' && code ? code : String(Math.floor(state.random() * 900000) + 100000), isActive: isActive! },
      nodes: type === 'map' ? (copyFrom?.nodes.map((n) => ({ ...n })) ?? [{ id: state.newId(), name: 'Start' }]) : [],
      items: copyFrom ? copyFrom.items.map((a) => ({ ...a })) : [],
      createdAt: state.now(),
    };
    state.blueprints.set(id, bp);
    state.membersOf(id);
    return json(201, blueprintJson(bp, state), { [CREATED_ID]: id });
  });

  router.add('GET', '/api/v1/blueprints/:id', (req) => {
    const bp = findBlueprint(req.params['id']);
    return bp ? json(200, blueprintJson(bp, state)) : json(404, NOT_FOUND_DETAIL);
  });

  router.add('PATCH', '/api/v1/blueprints/:id', (req) => {
    const bp = findBlueprint(req.params['id']);
    if (!bp) return json(404, NOT_FOUND_DETAIL);
    const body = decodeBody(req, ['form', 'multipart', 'json']);
    if (!body.ok) return body.response;
    const name = dotted(body.fields, 'name');
    if (name !== undefined) {
      if (typeof name !== 'string' || name.trim() === '') return json(400, { name: ['This field may not be blank.'] });
      if ([...state.blueprints.values()].some((b) => b.name === name && b.id !== bp.id)) return json(400, { name: ['blueprint with this name already exists.'] });
      bp.name = name;
    }
    const description = dotted(body.fields, 'description');
    if (typeof description === 'string') bp.description = description;
    if (bp.type !== 'map') {
      const icon = dotted(body.fields, 'icon');
      const color = dotted(body.fields, 'color');
      if (typeof icon === 'string') bp.icon = icon;
      if (typeof color === 'string') bp.color = color;
    }
    const code = dotted(body.fields, 'enrollment_code.code');
    if (typeof code === 'string') bp.enrollmentCode.code = code;
    const isActive = parseBool(dotted(body.fields, 'enrollment_code.is_active'));
    if (isActive !== undefined) bp.enrollmentCode.isActive = isActive;
    return json(200, { ...blueprintJson(bp, state), missing_computers_count: 0 });
  });

  router.add('DELETE', '/api/v1/blueprints/:id', (req) => {
    const bp = findBlueprint(req.params['id']);
    if (!bp) return json(404, NOT_FOUND_DETAIL);
    // Deleting a blueprint un-manages every device on it (§7.2).
    state.removeGroup(bp.id, true);
    return emptyResponse(200);
  });

  router.add('GET', '/api/v1/blueprints/:id/list-library-items', (req) => {
    const bp = findBlueprint(req.params['id']);
    if (!bp) return json(404, NOT_FOUND_DETAIL);
    const items = state.itemIdsOnBlueprint(bp).map((id) => state.items.get(id)).filter((i): i is SimItem => i !== undefined);
    return pageResponse(req, items, pageWindow(req, options.listPageSize), (i) => ({ id: i.id, name: i.name }), options.linkOrigin);
  });

  const assignment = (req: SimRequest, op: 'assign' | 'remove'): SimResponse => {
    const bp = findBlueprint(req.params['id']);
    if (!bp) return json(404, NOT_FOUND_DETAIL);
    const body = decodeBody(req, ['json', 'form', 'multipart']);
    if (!body.ok) return body.response;
    const itemId = body.fields.get('library_item_id');
    if (itemId === undefined || itemId === null || itemId === '') return json(400, { library_item_id: ['This field is required.'] });
    if (typeof itemId !== 'string' || !UUID_RE.test(itemId)) return json(400, { library_item_id: ['Must be a valid UUID.'] });
    const item = state.items.get(itemId.toLowerCase());
    if (!item) return json(400, { library_item_id: ['Library Item not found.'] });
    const nodeRaw = body.fields.get('assignment_node_id');
    const nodeId = typeof nodeRaw === 'string' && nodeRaw !== '' ? nodeRaw.toLowerCase() : undefined;
    // Exact bare-string errors per §7.3.
    if (bp.type !== 'map' && nodeId !== undefined) return json(400, 'assignment_node_id cannot be provided for Classic Blueprint');
    const ids = (): SimResponse => json(200, state.itemIdsOnBlueprint(bp));
    if (bp.type !== 'map') {
      const on = bp.items.some((a) => a.itemId === item.id);
      if (op === 'assign') {
        if (on) return json(400, 'Library Item already exists on Blueprint');
        bp.items.push({ itemId: item.id });
      } else {
        if (!on) return json(400, 'Library Item does not exist on Blueprint');
        bp.items = bp.items.filter((a) => a.itemId !== item.id);
      }
    } else {
      let node = nodeId;
      if (node !== undefined && !bp.nodes.some((n) => n.id === node)) return textResponse(400, 'Assignment node not found');
      if (node === undefined) {
        const conditional = bp.nodes.length > 1;
        if (op === 'assign') {
          if (conditional) return json(400, 'Must provide assignment_node_id for Assignment Map Blueprint');
          node = bp.nodes[0]?.id;
        } else {
          const holders = bp.items.filter((a) => a.itemId === item.id);
          if (holders.length > 1) return json(400, 'Must provide assignment_node_id for Assignment Map Blueprint');
          node = holders[0]?.nodeId ?? bp.nodes[0]?.id;
        }
      }
      const inNode = bp.items.some((a) => a.itemId === item.id && a.nodeId === node);
      if (op === 'assign') {
        if (inNode) return json(400, 'Library Item already exists in Assignment Node');
        bp.items.push({ itemId: item.id, ...(node ? { nodeId: node } : {}) });
      } else {
        if (!inNode) return json(400, 'Library Item does not exist in Assignment Node');
        bp.items = bp.items.filter((a) => !(a.itemId === item.id && a.nodeId === node));
      }
    }
    state.logActivity(item.id, 'library_item_assignment_changed', [`Blueprint ${bp.name}: ${op === 'assign' ? 'assigned' : 'removed'}`]);
    state.reconcileItem(item.id);
    return ids();
  };
  router.add('POST', '/api/v1/blueprints/:id/assign-library-item', (req) => assignment(req, 'assign'));
  router.add('POST', '/api/v1/blueprints/:id/remove-library-item', (req) => assignment(req, 'remove'));

  // ---- §8, §9 devices ----
  kandjiDeviceRoutes(router, ctx, options);

  return {
    router,
    authenticate(req) {
      const auth = header(req, 'authorization');
      if (!auth) return json(401, { detail: 'Authentication credentials were not provided.' });
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
      if (!m || m[1] !== ctx.token) return json(401, { detail: 'Invalid token.' });
      return undefined;
    },
    errorFor(status, req, retryAfterS) {
      switch (status) {
        case 401: return json(401, { detail: 'Invalid token.' });
        case 403: return json(403, { detail: 'You do not have permission to perform this action.' });
        case 404: return req.path.startsWith('/api/v1/library/') ? htmlNotFound() : json(404, NOT_FOUND_DETAIL);
        case 415: return json(415, { detail: `Unsupported media type "${header(req, 'content-type') ?? ''}" in request.` });
        case 429: {
          const after = String(retryAfterS ?? 1);
          return json(429, { message: 'API rate limit exceeded' }, { 'retry-after': after, 'ratelimit-remaining': '0', 'ratelimit-reset': after, 'x-ratelimit-remaining-second': '0' });
        }
        case 500: return htmlResponse(500, '<!doctype html>\n<html lang="en">\n<head><title>Server Error (500)</title></head>\n<body><h1>Server Error (500)</h1><p></p></body>\n</html>\n');
        case 502: return json(502, { message: 'An invalid response was received from the upstream server' });
        case 503: return textResponse(503, 'Service Unavailable: the upload is still being processed. Try again shortly.');
        default: return json(status, { detail: `Error ${status}` });
      }
    },
    notFound: () => htmlNotFound(),
    methodNotAllowed: (req, allowed) => json(405, { detail: `Method "${req.method}" not allowed.` }, { allow: [...new Set(allowed)].join(', ') }),
    decorate(res, req) {
      const now = state.now();
      if (now - hits.secondStart >= 1000) Object.assign(hits, { second: 0, secondStart: now });
      if (now - hits.hourStart >= 3_600_000) Object.assign(hits, { hour: 0, hourStart: now });
      hits.second++;
      hits.hour++;
      let out = res;
      if (options.enforceRateLimit && (hits.second > PER_SECOND || hits.hour > PER_HOUR)) {
        const reset = hits.second > PER_SECOND ? Math.max(1, Math.ceil((hits.secondStart + 1000 - now) / 1000)) : Math.ceil((hits.hourStart + 3_600_000 - now) / 1000);
        out = this.errorFor(429, req, reset);
      }
      const remainingSecond = Math.max(0, PER_SECOND - hits.second);
      const remainingHour = Math.max(0, PER_HOUR - hits.hour);
      out.headers = {
        'ratelimit-limit': String(PER_SECOND),
        'ratelimit-remaining': String(remainingSecond),
        'ratelimit-reset': String(Math.max(1, Math.ceil((hits.secondStart + 1000 - now) / 1000))),
        'x-ratelimit-limit-hour': String(PER_HOUR),
        'x-ratelimit-remaining-hour': String(remainingHour),
        'x-ratelimit-limit-second': String(PER_SECOND),
        'x-ratelimit-remaining-second': String(remainingSecond),
        via: 'kong/3.2.2',
        ...out.headers,
      };
      // Kandji labels JSON with its charset (the collection's response headers; its definition declares it).
      if (out.headers['content-type'] === 'application/json') out.headers['content-type'] = 'application/json; charset=utf-8';
      return out;
    },
  };
}

/** §5.7: the top-level PayloadIdentifier becomes the mdm_identifier and PayloadDisplayName the name. */
export function rewrite(xml: string, id: string, name: string): string {
  return setTopLevelString(setTopLevelString(xml, 'PayloadIdentifier', MDM_IDENTIFIER_PREFIX + id), 'PayloadDisplayName', name);
}

function readFlags(fields: Map<string, unknown>, errors: Record<string, string[]>): { active?: boolean; runsOn: Partial<Record<keyof WireRunsOn, boolean>>; runsOnTouched: boolean } {
  const out: { active?: boolean; runsOn: Partial<Record<keyof WireRunsOn, boolean>>; runsOnTouched: boolean } = { runsOn: {}, runsOnTouched: false };
  const read = (field: string): boolean | undefined => {
    const raw = fields.get(field);
    if (raw === undefined) return undefined;
    const value = parseBool(raw);
    if (value === undefined) errors[field] = ['Must be a valid boolean.'];
    return value;
  };
  const active = read('active');
  if (active !== undefined) out.active = active;
  for (const k of RUNS_ON_KEYS) {
    const v = read(`runs_on_${k}`);
    if (v !== undefined) {
      out.runsOn[k] = v;
      out.runsOnTouched = true;
    }
  }
  return out;
}
