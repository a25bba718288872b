// The JumpCloud endpoints Profile Studio uses, per ../shared/api/jumpcloud.md (section numbers refer to it):
// policy templates and policies (§4), policy statuses/results (§5); the graph and devices live beside it.
import { jumpcloudFleetRoutes } from './jumpcloudFleet';
import { emptyResponse, header, isRecord, json, parseJsonBody, Router, textResponse, type SimRequest, type SimResponse } from './httpKit';
import {
  POLICY_TEMPLATES, templateById, templateJson, type PolicyTemplate,
} from './jumpcloudCatalog';
import { jumpcloudDeviceRoutes } from './jumpcloudDevices';
import { jumpcloudGraphRoutes } from './jumpcloudGraph';
import { jcError, v2List } from './jumpcloudLists';
import { checkProfileXml } from './plistText';
import { iso, type SimItem, type SimStatusRow } from './state';
import { OBJECT_ID_RE } from './ids';
import { CREATED_ID, type RouteContext, type VendorApp } from './vendorApp';

export interface JumpCloudOptions {
  /** The organization's ObjectId. */
  orgId: string;
  /** Multi-tenant (MSP) admin: every call must carry `x-org-id`. Default false. */
  requireOrgId: boolean;
  /** 409 on adding an existing association and 404 on removing a missing one (unverified upstream). Default false: 204. */
  strictAssociations: boolean;
  /** 400 when a policy PUT carries `template` (spec: POST only; observed tolerated). Default false. */
  rejectTemplateOnPut: boolean;
}

export const DEFAULT_JUMPCLOUD_OPTIONS: JumpCloudOptions = { orgId: '5c4b3a291807161514131211', requireOrgId: false, strictAssociations: false, rejectTemplateOnPut: false };

/** Both custom-profile templates (macOS and iOS) hold a .mobileconfig; other templates are plain policies. */
const CUSTOM_PROFILE_PREFIX = 'custom_mdm_profile';
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function policyShallow(item: SimItem): Record<string, unknown> {
  const t = templateById(item.templateId ?? '');
  return {
    id: item.id,
    name: item.name,
    template: t ? { id: t.id, name: t.name, displayName: t.displayName, description: t.description, osMetaFamily: t.osMetaFamily, activation: '', behavior: '', state: '' } : null,
  };
}

export function policyDetails(item: SimItem): Record<string, unknown> {
  const t = templateById(item.templateId ?? '');
  return {
    ...policyShallow(item),
    notes: item.notes ?? '',
    // The published PolicyValue carries no field name: a client finds the payload through `configFields`.
    values: (item.values ?? []).map((v) => ({ configFieldID: v.configFieldID, value: v.value, sensitive: v.sensitive ?? false })),
    configFields: t?.configFields ?? [],
  };
}

const resultId = (seq: number, phase: number): string => (seq * 2 + phase).toString(16).padStart(24, '0');

/** A `PolicyResult` (§5): `state` lower-case (casing unverified upstream). */
export function policyResultJson(row: SimStatusRow, phase: 'latest' | 'started'): Record<string, unknown> {
  const done = phase === 'latest' && row.status !== 'pending';
  const state = done ? row.status : 'pending';
  return {
    id: resultId(row.seq, done ? 1 : 0),
    policyID: row.itemId,
    systemID: row.deviceId,
    startedAt: iso(row.startedAt),
    ...(done ? { endedAt: iso(row.since) } : {}), // date-time in the definition: omitted while pending, never null
    state,
    success: state === 'success',
    exitStatus: state === 'failed' ? 1 : 0,
    stdOut: state === 'success' ? 'Profile installed' : '',
    stdErr: state === 'failed' ? 'MDM error 4001: the device rejected a payload of the profile' : '',
    detail: state === 'failed' ? 'Profile installation failed' : state === 'pending' ? 'Waiting for the device to check in' : 'Profile installed',
  };
}

export function resultFields(row: SimStatusRow, field: string): unknown {
  switch (field) {
    case 'systemID': return row.deviceId;
    case 'policyID': return row.itemId;
    case 'state': return row.status;
    case 'success': return row.status === 'success';
    case 'id': return resultId(row.seq, row.status === 'pending' ? 0 : 1);
    default: return undefined;
  }
}
export const RESULT_FIELDS = ['systemID', 'policyID', 'state', 'success', 'id'] as const;

export function jumpcloudApp(ctx: RouteContext, options: JumpCloudOptions): VendorApp {
  const { state } = ctx;
  const router = new Router();

  // ---- §4.1 templates ----
  const tplGet = (t: PolicyTemplate, f: string): unknown => (f === 'name' ? t.name : f === 'id' ? t.id : f === 'osMetaFamily' ? t.osMetaFamily : f === 'displayName' ? t.displayName : undefined);
  router.add('GET', '/api/v2/policytemplates', (req) => v2List(req, { items: POLICY_TEMPLATES, get: tplGet, fields: ['name', 'id', 'osMetaFamily', 'displayName'], render: (t) => templateJson(t, false) }));
  router.add('GET', '/api/v2/policytemplates/:id', (req) => {
    const t = templateById(req.params['id'] ?? '');
    return t ? json(200, templateJson(t, true)) : jcError(404, 'policy template not found');
  });

  // ---- §4.3, §4.4 policies ----
  const policies = (): SimItem[] => [...state.items.values()].filter((i) => i.templateId !== undefined);
  const findPolicy = (req: SimRequest): SimItem | undefined => {
    const item = state.items.get(req.params['id'] ?? '');
    return item?.templateId !== undefined ? item : undefined;
  };
  const polGet = (p: SimItem, f: string): unknown => (f === 'name' ? p.name : f === 'id' ? p.id : undefined);
  router.add('GET', '/api/v2/policies', (req) => v2List(req, { items: policies(), get: polGet, fields: ['name', 'id'], render: policyShallow }));

  router.add('POST', '/api/v2/policies', (req) => {
    const body = readJson(req);
    if (!body.ok) return body.response;
    const v = body.value;
    const name = v['name'];
    if (typeof name !== 'string' || name.trim() === '') return jcError(400, 'name is required');
    const tpl = isRecord(v['template']) ? v['template'] : undefined;
    const templateId = tpl?.['id'];
    if (typeof templateId !== 'string' || templateId === '') return jcError(400, 'template.id is required');
    const template = templateById(templateId);
    if (!template) return jcError(400, `policy template ${templateId} not found`);
    const values = checkValues(v['values'], template);
    if (typeof values === 'string') return jcError(400, values);
    const now = state.now();
    const item: SimItem = {
      id: state.newId(), name, kind: template.name.startsWith(CUSTOM_PROFILE_PREFIX) ? 'profile' : 'other', otherType: template.name,
      active: true, runsOn: runsOnOf(template), createdAt: now, updatedAt: now, templateId: template.id,
      notes: typeof v['notes'] === 'string' ? v['notes'] : '', values: values.values, ...(values.profile !== undefined ? { profile: values.profile } : {}),
    };
    state.items.set(item.id, item);
    return json(201, policyDetails(item), { [CREATED_ID]: item.id });
  });

  router.add('GET', '/api/v2/policies/:id', (req) => {
    const item = findPolicy(req);
    return item ? json(200, policyDetails(item)) : jcError(404, 'policy not found');
  });

  router.add('PUT', '/api/v2/policies/:id', (req) => {
    const item = findPolicy(req);
    if (!item) return jcError(404, 'policy not found');
    const body = readJson(req);
    if (!body.ok) return body.response;
    const v = body.value;
    if (typeof v['name'] !== 'string' || v['name'].trim() === '') return jcError(400, 'name is required');
    if (v['template'] !== undefined) {
      if (options.rejectTemplateOnPut) return jcError(400, 'template may only be set when the policy is created');
      const tid = isRecord(v['template']) ? v['template']['id'] : undefined;
      if (tid !== undefined && tid !== item.templateId) return jcError(400, 'the template of a policy cannot be changed');
    }
    const template = templateById(item.templateId!)!;
    // A PUT is a full replace: values left out are gone, so a missing required payload is an error.
    const values = checkValues(v['values'], template);
    if (typeof values === 'string') return jcError(400, values);
    const contentChanged = values.profile !== undefined && values.profile !== item.profile;
    item.name = v['name'];
    if (typeof v['notes'] === 'string') item.notes = v['notes'];
    item.values = values.values;
    if (values.profile !== undefined) item.profile = values.profile;
    item.updatedAt = Math.max(state.now(), item.updatedAt + 1);
    if (contentChanged) state.reconcileItem(item.id, true);
    return json(200, policyShallow(item));
  });

  router.add('DELETE', '/api/v2/policies/:id', (req) => {
    const item = findPolicy(req);
    if (!item) return jcError(404, 'policy not found');
    state.removeItem(item.id);
    return emptyResponse(204);
  });

  // ---- §5 statuses and results ----
  const rowsOfPolicy = (id: string): SimStatusRow[] => [...state.rowsOf(id).values()].map((r) => state.settle(r));
  router.add('GET', '/api/v2/policies/:id/policystatuses', (req) => {
    const item = findPolicy(req);
    if (!item) return jcError(404, 'policy not found');
    return v2List(req, { items: rowsOfPolicy(item.id), get: resultFields, fields: RESULT_FIELDS, render: (r) => policyResultJson(r, 'latest') });
  });
  router.add('GET', '/api/v2/policies/:id/policyresults', (req) => {
    const item = findPolicy(req);
    if (!item) return jcError(404, 'policy not found');
    const history = rowsOfPolicy(item.id).flatMap((r) => (r.status === 'pending' ? [{ r, p: 'started' as const }] : [{ r, p: 'started' as const }, { r, p: 'latest' as const }]));
    return v2List(req, { items: history, get: (h, f) => resultFields(h.r, f), fields: RESULT_FIELDS, render: (h) => policyResultJson(h.r, h.p) });
  });
  const allHistory = (): { r: SimStatusRow; p: 'started' | 'latest' }[] => {
    const out: { r: SimStatusRow; p: 'started' | 'latest' }[] = [];
    for (const rows of state.rows.values()) {
      for (const r of rows.values()) {
        state.settle(r);
        out.push({ r, p: 'started' });
        if (r.status !== 'pending') out.push({ r, p: 'latest' });
      }
    }
    return out;
  };
  router.add('GET', '/api/v2/policyresults', (req) => v2List(req, { items: allHistory(), get: (h, f) => resultFields(h.r, f), fields: RESULT_FIELDS, render: (h) => policyResultJson(h.r, h.p) }));
  router.add('GET', '/api/v2/policyresults/:id', (req) => {
    const id = req.params['id'] ?? '';
    const found = allHistory().find((h) => resultId(h.r.seq, h.p === 'latest' ? 1 : 0) === id);
    return found ? json(200, policyResultJson(found.r, found.p)) : jcError(404, 'policy result not found');
  });
  // Policy groups are not modelled, so no policy is a member of one.
  router.add('GET', '/api/v2/policies/:id/memberof', (req) => (findPolicy(req) ? v2List(req, { items: [], get: () => undefined, fields: [], render: (x) => x }) : jcError(404, 'policy not found')));
  router.add('GET', '/api/v2/systems/:id/policystatuses', (req) => {
    const device = state.deviceById.get(req.params['id'] ?? '');
    if (!device) return jcError(404, 'system not found');
    return v2List(req, { items: state.rowsForDevice(device.id), get: resultFields, fields: RESULT_FIELDS, render: (r) => policyResultJson(r, 'latest') });
  });

  jumpcloudGraphRoutes(router, ctx, options);
  jumpcloudDeviceRoutes(router, ctx, options);
  jumpcloudFleetRoutes(router, ctx);

  return {
    router,
    authenticate(req) {
      const key = header(req, 'x-api-key');
      if (!key || key !== ctx.token) return json(401, { error: 'Unauthorized', message: 'Unauthorized: api key user not found' });
      const org = header(req, 'x-org-id');
      if (org === undefined || org === '') {
        return options.requireOrgId ? json(401, { message: 'Unauthorized: no organization selected' }) : undefined;
      }
      if (!OBJECT_ID_RE.test(org)) return jcError(400, 'invalid organization id in x-org-id header');
      if (org !== options.orgId) return jcError(404, 'organization not found');
      return undefined;
    },
    errorFor(status, _req, retryAfterS) {
      switch (status) {
        case 401: return json(401, { error: 'Unauthorized', message: 'Unauthorized: api key user not found' });
        case 429: return json(429, { message: 'Too Many Requests' }, { 'retry-after': String(retryAfterS ?? 1) });
        case 502: return textResponse(502, 'Bad Gateway');
        case 503: return textResponse(503, 'Service Unavailable');
        default: return jcError(status, status === 500 ? 'internal error' : (STATUS_MESSAGES[status] ?? 'error'));
      }
    },
    notFound: () => jcError(404, 'Not Found'),
    methodNotAllowed: (_req, allowed) => jcError(405, 'Method Not Allowed', { allow: [...new Set(allowed)].join(', ') }),
    decorate: (res) => res,
  };
}

const STATUS_MESSAGES: Record<number, string> = { 403: 'Forbidden', 404: 'Not Found', 415: 'Unsupported Media Type' };

function runsOnOf(t: PolicyTemplate): SimItem['runsOn'] {
  const mac = t.osMetaFamily === 'darwin';
  const ios = t.osMetaFamily === 'ios';
  return { mac, iphone: ios, ipad: ios, tv: false, vision: false, android: false, windows: false };
}

function readJson(req: SimRequest): { ok: true; value: Record<string, unknown> } | { ok: false; response: SimResponse } {
  if (req.mediaType !== 'application/json') return { ok: false, response: jcError(415, `Unsupported Media Type: ${header(req, 'content-type') ?? 'none'}`) };
  const parsed = parseJsonBody(req);
  if (!parsed.ok) return { ok: false, response: jcError(400, `invalid JSON body: ${parsed.message}`) };
  if (!isRecord(parsed.value)) return { ok: false, response: jcError(400, 'request body must be a JSON object') };
  return { ok: true, value: parsed.value };
}

/** Checks `values` against the template: known field ids, required fields present, payload = base64 plist. */
function checkValues(raw: unknown, template: PolicyTemplate): string | { values: NonNullable<SimItem['values']>; profile?: string } {
  if (raw !== undefined && !Array.isArray(raw)) return 'values must be an array';
  const values: NonNullable<SimItem['values']> = [];
  let profile: string | undefined;
  for (const entry of (raw ?? []) as unknown[]) {
    if (!isRecord(entry)) return 'each value must be an object';
    const id = entry['configFieldID'];
    if (typeof id !== 'string' || id === '') return 'configFieldID is required for each value';
    const fieldDef = template.configFields.find((f) => f.id === id);
    if (!fieldDef) return `configFieldID ${id} is not a field of template ${template.name}`;
    const value = entry['value'];
    if (fieldDef.displayType === 'file') {
      if (typeof value !== 'string' || value === '' || !BASE64_RE.test(value)) return `${fieldDef.name}: value must be a base64-encoded file`;
      const check = checkProfileXml(Buffer.from(value, 'base64'));
      if (!check.ok) return `${fieldDef.name}: ${check.reason}`;
      profile = check.text;
    }
    // PolicyValue.value is a string in the definitions, checkboxes ("true"/"false") and numbers included.
    if (typeof value !== 'string') return `${fieldDef.name}: value must be a string`;
    if (fieldDef.displayType === 'checkbox' && value !== 'true' && value !== 'false') return `${fieldDef.name}: value must be "true" or "false"`;
    if (fieldDef.displayType === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) return `${fieldDef.name}: value must be a number written as a string`;
    values.push({
      configFieldID: id,
      value,
      ...(typeof entry['sensitive'] === 'boolean' ? { sensitive: entry['sensitive'] } : {}),
    });
  }
  for (const f of template.configFields) if (f.required && !values.some((v) => v.configFieldID === f.id)) return `${f.name} is required`;
  return profile !== undefined ? { values, profile } : { values };
}

