// JumpCloud devices: v1 systems (../shared/api/jumpcloud.md §9) and Apple MDM devices with their commands (§10).
import { emptyResponse, isRecord, json, parseJsonBody, type Router, type SimRequest, type SimResponse } from './httpKit';
import { APPLE_MDM_ID, appleMdmJson } from './jumpcloudCatalog';
import { jcError, jcMessage, v1List, v2List } from './jumpcloudLists';
import type { JumpCloudOptions } from './jumpcloudRoutes';
import { iso, type WirePlatform, type SimDevice, type TenantState } from './state';
import { hashString } from './ids';
import type { RouteContext } from './vendorApp';

const OS: Record<WirePlatform, { os: string; family: string; mdmFamily: string }> = {
  Mac: { os: 'Mac OS X', family: 'darwin', mdmFamily: 'macos' },
  iPhone: { os: 'iOS', family: 'ios', mdmFamily: 'ios' },
  iPad: { os: 'iPadOS', family: 'ios', mdmFamily: 'ipados' },
  AppleTV: { os: 'tvOS', family: 'tvos', mdmFamily: 'tvos' },
  Vision: { os: 'visionOS', family: 'visionos', mdmFamily: 'visionos' },
};

const ACTIVE_WITHIN_MS = 60 * 60 * 1000;

function systemJson(d: SimDevice, state: TenantState, orgId: string): Record<string, unknown> {
  const rows = state.rowsForDevice(d.id);
  const count = (s: string): number => rows.filter((r) => r.status === s).length;
  const [major = '0', minor = '0', patch = '0'] = d.osVersion.split('.');
  const isMac = d.platform === 'Mac';
  return {
    _id: d.id,
    displayName: d.name,
    hostname: d.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, ''),
    serialNumber: d.serial,
    os: OS[d.platform].os,
    osFamily: OS[d.platform].family,
    version: d.osVersion,
    arch: isMac ? (d.model.includes('Intel') ? 'x86_64' : 'arm64') : 'arm64',
    agentVersion: isMac ? d.agentVersion : '',
    active: state.now() - d.lastCheckIn < ACTIVE_WITHIN_MS,
    lastContact: iso(d.lastCheckIn),
    created: iso(d.firstEnrollment),
    organization: orgId,
    description: '',
    remoteIP: `203.0.113.${hashString(d.id) % 250}`,
    systemTimezone: -300,
    fde: { active: isMac && hashString(d.id) % 10 !== 0, keyPresent: isMac && hashString(d.id) % 10 !== 0 },
    osVersionDetail: { major, minor, patch, osName: OS[d.platform].os, releaseName: '', revision: '' },
    isPolicyBound: rows.length > 0,
    policyStats: { total: rows.length, success: count('success'), failed: count('failed'), pending: count('pending'), duplicate: 0, unsupportedOs: 0 },
    builtInCommands: [],
    attributes: d.assetTag ? [{ name: 'assetTag', value: d.assetTag }] : [],
    mdm: {
      dep: true, enrollmentType: 'automated device', internal: { deviceId: d.mdmDeviceId ?? '', windowsDeviceId: '' },
      profileIdentifier: 'com.jumpcloud.mdm.enroll', userApproved: true, vendor: 'internal', lostModeStatus: '', providerId: '',
    },
  };
}

function systemField(d: SimDevice, f: string): unknown {
  switch (f) {
    case '_id': return d.id;
    case 'os': return OS[d.platform].os;
    case 'osFamily': return OS[d.platform].family;
    case 'serialNumber': return d.serial;
    case 'hostname': return d.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
    case 'displayName': return d.name;
    case 'version': return d.osVersion;
    case 'lastContact': return iso(d.lastCheckIn);
    case 'created': return iso(d.firstEnrollment);
    default: return undefined;
  }
}
const SYSTEM_FIELDS = ['_id', 'os', 'osFamily', 'serialNumber', 'hostname', 'displayName', 'version', 'lastContact', 'created'] as const;

function mdmDeviceJson(d: SimDevice): Record<string, unknown> {
  return {
    id: d.mdmDeviceId,
    serialNumber: d.serial,
    udid: d.udid,
    osVersion: d.osVersion,
    createdAt: iso(d.firstEnrollment),
    enrolled: true,
    depRegistered: true,
    hasActivationLockBypassCodes: d.platform !== 'Mac',
    mdmOsFamily: OS[d.platform].mdmFamily,
    modelFamily: d.platform,
    deviceInformation: {
      deviceName: d.name, modelName: d.model, modelNumber: '', modelMarketingName: d.model, isSupervised: true,
      isAppleSilicon: d.platform === 'Mac' && !d.model.includes('Intel'), osBuildVersion: '', wifiMac: '', deviceCapacity: 512, availableDeviceCapacity: 301.5,
    },
    securityInfo: { passcodePresent: true, isUserEnrollment: false, isActivationLockManageable: true, enrolledViaDep: true, userApprovedEnrollment: true },
  };
}

function mdmField(d: SimDevice, f: string): unknown {
  switch (f) {
    case 'id': return d.mdmDeviceId;
    case 'serialNumber': return d.serial;
    case 'udid': return d.udid;
    case 'osVersion': return d.osVersion;
    case 'createdAt': return iso(d.firstEnrollment);
    case 'enrolled': return true;
    case 'depRegistered': return true;
    default: return undefined;
  }
}
const MDM_FIELDS = ['id', 'serialNumber', 'udid', 'osVersion', 'createdAt', 'enrolled', 'depRegistered'] as const;

const INSTALL_ACTIONS = ['DOWNLOAD_ONLY', 'INSTALL_LATER', 'INSTALL_ASAP', 'INSTALL_FORCE_RESTART'];
export const JUMPCLOUD_COMMANDS = ['lock', 'erase', 'restart', 'shutdown', 'clearActivationLock', 'refreshActivationLockInformation', 'scheduleOSUpdate', 'osUpdateStatus'] as const;

export function jumpcloudDeviceRoutes(router: Router, ctx: RouteContext, options: JumpCloudOptions): void {
  const { state } = ctx;
  /** MDM device id → device, built lazily; rebuilt when the device list changes length. */
  let mdmIndex: Map<string, SimDevice> | undefined;
  let indexedCount = -1;
  const byMdmId = (id: string): SimDevice | undefined => {
    if (!mdmIndex || indexedCount !== state.devices.length) {
      mdmIndex = new Map(state.devices.filter((d) => d.mdmDeviceId).map((d) => [d.mdmDeviceId!, d]));
      indexedCount = state.devices.length;
    }
    const d = mdmIndex.get(id);
    return d && state.deviceById.has(d.id) ? d : undefined;
  };

  // ---- v1 systems ----
  router.add('GET', '/api/systems', (req) => v1List(req, { items: state.devices, get: systemField, fields: SYSTEM_FIELDS, immutable: ['_id', 'os', 'osFamily', 'serialNumber', 'created'], render: (d) => systemJson(d, state, options.orgId) }));
  router.add('GET', '/api/systems/:id', (req) => {
    const d = state.deviceById.get(req.params['id'] ?? '');
    return d ? json(200, systemJson(d, state, options.orgId)) : jcMessage(404, 'Not Found');
  });
  router.add('PUT', '/api/systems/:id', (req) => {
    const d = state.deviceById.get(req.params['id'] ?? '');
    if (!d) return jcMessage(404, 'Not Found');
    if (req.mediaType !== 'application/json') return jcMessage(415, 'Unsupported Media Type');
    const parsed = parseJsonBody(req);
    if (!parsed.ok || !isRecord(parsed.value)) return jcMessage(400, 'request body must be a JSON object');
    const name = parsed.value['displayName'];
    if (name !== undefined) {
      if (typeof name !== 'string' || name === '') return jcMessage(400, 'displayName must be a non-empty string');
      d.name = name;
    }
    return json(200, systemJson(d, state, options.orgId));
  });
  router.add('DELETE', '/api/systems/:id', (req) => {
    const d = state.deviceById.get(req.params['id'] ?? '');
    if (!d) return jcMessage(404, 'Not Found');
    const body = systemJson(d, state, options.orgId);
    state.removeDevice(d.id);
    return json(200, body);
  });

  // v1 complex search (§2): `filter` as a list of {field: value} (AND) or {and: [...]}/{or: [...]}, plus a
  // case-insensitive `searchFilter` over the named fields; limit/skip from the body or the query.
  router.add('POST', '/api/search/systems', (req) => {
    if (req.mediaType !== 'application/json') return jcMessage(415, 'Unsupported Media Type');
    const parsed = parseJsonBody(req);
    const body = parsed.ok && isRecord(parsed.value) ? parsed.value : parsed.ok && parsed.value === undefined ? {} : undefined;
    if (!body) return jcMessage(400, 'request body must be a JSON object');
    const filter = compileSearchFilter(body['filter']);
    if (typeof filter === 'string') return jcMessage(400, filter);
    const sf = isRecord(body['searchFilter']) ? body['searchFilter'] : undefined;
    const terms = sf ? (Array.isArray(sf['searchTerm']) ? sf['searchTerm'] : [sf['searchTerm']]).filter((x): x is string => typeof x === 'string' && x !== '') : [];
    const searchFields = sf && Array.isArray(sf['fields']) ? sf['fields'].filter((x): x is string => typeof x === 'string') : ['hostname', 'displayName', 'serialNumber'];
    const matches = state.devices.filter((d) => filter(d) && (terms.length === 0 || terms.some((term) => searchFields.some((f) => String(systemField(d, f) ?? '').toLowerCase().includes(term.toLowerCase())))));
    const num = (key: string, fallback: number): number => {
      const v = body[key] ?? req.query.get(key);
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback;
      return n;
    };
    const limit = Math.min(num('limit', 10) || 10, 100);
    const skip = num('skip', 0);
    return json(200, { totalCount: matches.length, results: matches.slice(skip, skip + limit).map((d) => systemJson(d, state, options.orgId)) });
  });

  // ---- §10 Apple MDM ----
  router.add('GET', '/api/v2/applemdms', (req) => v2List(req, { items: [APPLE_MDM_ID], get: () => undefined, fields: [], render: () => appleMdmJson(options.orgId), defaultLimit: 1 }));
  const mdmCheck = (req: SimRequest): SimResponse | undefined => (req.params['mdm'] === APPLE_MDM_ID ? undefined : jcError(404, 'apple mdm not found'));
  router.add('GET', '/api/v2/applemdms/:mdm/devices', (req) => {
    const bad = mdmCheck(req);
    if (bad) return bad;
    return v2List(req, { items: state.devices.filter((d) => d.mdmDeviceId), get: mdmField, fields: MDM_FIELDS, render: mdmDeviceJson });
  });
  router.add('GET', '/api/v2/applemdms/:mdm/devices/:device', (req) => {
    const d = mdmCheck(req) ? undefined : byMdmId(req.params['device'] ?? '');
    return d ? json(200, mdmDeviceJson(d)) : jcError(404, 'device not found');
  });
  router.add('DELETE', '/api/v2/applemdms/:mdm/devices/:device', (req) => {
    const d = mdmCheck(req) ? undefined : byMdmId(req.params['device'] ?? '');
    if (!d) return jcError(404, 'device not found');
    const body = mdmDeviceJson(d);
    delete d.mdmDeviceId;
    mdmIndex = undefined;
    return json(200, body);
  });
  router.add('POST', '/api/v2/applemdms/:mdm/refreshdepdevices', (req) => mdmCheck(req) ?? emptyResponse(204));

  for (const command of JUMPCLOUD_COMMANDS) {
    router.add('POST', `/api/v2/applemdms/:mdm/devices/:device/${command}`, (req) => {
      const d = mdmCheck(req) ? undefined : byMdmId(req.params['device'] ?? '');
      if (!d) return jcError(404, 'device not found');
      let body: Record<string, unknown> = {};
      // These commands declare no request body in the definition; a validating server refuses one.
      if (BODYLESS_COMMANDS.has(command) && req.body.length > 0) return jcMessage(400, `${command} takes no request body`);
      if (req.body.length > 0) {
        const parsed = parseJsonBody(req);
        if (!parsed.ok || (parsed.value !== undefined && !isRecord(parsed.value))) return jcMessage(400, 'request body must be a JSON object');
        body = (parsed.value as Record<string, unknown> | undefined) ?? {};
      }
      const problem = checkCommand(command, body, d);
      if (problem) return problem;
      state.queueCommand(d.id, command);
      if (command === 'lock') d.locked = true;
      if (command === 'restart') state.checkIn(d.id);
      return emptyResponse(204);
    });
  }
}

function checkCommand(command: string, body: Record<string, unknown>, d: SimDevice): SimResponse | undefined {
  const pin = body['pin'];
  switch (command) {
    case 'lock':
      if (d.platform === 'AppleTV') return jcMessage(400, 'lock is not supported on tvOS devices');
      if (d.platform === 'Mac' && (typeof pin !== 'string' || !/^\d{6}$/.test(pin))) return jcMessage(400, 'pin is required for macOS devices and must be 6 digits');
      return undefined;
    case 'erase':
      if (d.platform === 'Mac' && (typeof pin !== 'string' || !/^\d{6}$/.test(pin))) return jcMessage(400, 'pin is required for macOS devices and must be 6 digits');
      return undefined;
    case 'restart': {
      const kext = body['kextPaths'];
      if (kext !== undefined && !(Array.isArray(kext) && kext.every((k) => typeof k === 'string'))) return jcMessage(400, 'kextPaths must be a list of strings');
      return undefined;
    }
    case 'scheduleOSUpdate':
      if (typeof body['install_action'] !== 'string' || !INSTALL_ACTIONS.includes(body['install_action'])) return jcMessage(400, `install_action must be one of ${INSTALL_ACTIONS.join(', ')}`);
      if (typeof body['product_key'] !== 'string' || body['product_key'] === '') return jcMessage(400, 'product_key is required');
      if (body['max_user_deferrals'] !== undefined && !Number.isInteger(body['max_user_deferrals'])) return jcMessage(400, 'max_user_deferrals must be an integer');
      return undefined;
    default:
      return undefined;
  }
}

const BODYLESS_COMMANDS = new Set(['shutdown', 'clearActivationLock', 'refreshActivationLockInformation', 'osUpdateStatus']);

type Predicate = (d: SimDevice) => boolean;

/** The definition types `filter` as an object (`{and: [...]}`, `{or: [...]}` or `{field: value}`); a list is refused. */
function compileSearchFilter(raw: unknown): Predicate | string {
  if (raw === undefined) return () => true;
  if (!isRecord(raw)) return 'filter must be an object such as {"and": [{field: value}]}';
  const preds: Predicate[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) return `filter.${key} must be a list`;
      const parts = value.map(compileSearchFilter);
      const bad = parts.find((p) => typeof p === 'string');
      if (bad) return bad;
      preds.push(key === 'and' ? (d) => (parts as Predicate[]).every((p) => p(d)) : (d) => (parts as Predicate[]).some((p) => p(d)));
    } else {
      if (!(SYSTEM_FIELDS as readonly string[]).includes(key)) return `unsupported filter field "${key}"`;
      preds.push((d) => String(systemField(d, key)) === String(value));
    }
  }
  return (d) => preds.every((p) => p(d));
}
