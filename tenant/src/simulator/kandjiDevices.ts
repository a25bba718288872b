// Kandji devices and device actions (../shared/api/kandji.md §8 and §9).
import { emptyResponse, intParam, isRecord, json, type Router, type SimRequest, type SimResponse } from './httpKit';
import type { KandjiOptions } from './kandjiRoutes';
import { decodeBody } from './kandjiForms';
import { commandJson, deviceJson, envelope, MAX_PAGE, MDM_IDENTIFIER_PREFIX, pageWindow, statusRowJson } from './kandjiWire';
import { getTopLevelString } from './plistText';
import { iso, WIRE_PLATFORMS, type WirePlatform, type SimDevice } from './state';
import { hashString } from './ids';
import type { RouteContext } from './vendorApp';

const ALL = WIRE_PLATFORMS;
const MOBILE: readonly WirePlatform[] = ['iPhone', 'iPad'];

/** Action → (platforms, MDM command type it queues). §9 table. */
export const KANDJI_ACTIONS: Record<string, { platforms: readonly WirePlatform[]; command: string }> = {
  blankpush: { platforms: ALL, command: 'BlankPush' },
  clearpasscode: { platforms: MOBILE, command: 'ClearPasscode' },
  deleteuser: { platforms: ['Mac', 'iPad'], command: 'DeleteUser' },
  erase: { platforms: ['Mac', 'iPhone', 'iPad', 'AppleTV'], command: 'EraseDevice' },
  lock: { platforms: ALL, command: 'DeviceLock' },
  reinstallagent: { platforms: ['Mac'], command: 'InstallEnterpriseApplication' },
  remotedesktop: { platforms: ['Mac'], command: 'EnableRemoteDesktop' },
  renewmdmprofile: { platforms: ALL, command: 'InstallProfile' },
  restart: { platforms: ALL, command: 'RestartDevice' },
  setname: { platforms: ALL, command: 'Settings' },
  shutdown: { platforms: ALL, command: 'ShutDownDevice' },
  unlockaccount: { platforms: ['Mac'], command: 'UnlockUserAccount' },
  updateinventory: { platforms: ALL, command: 'DeviceInformation' },
  enablelostmode: { platforms: MOBILE, command: 'EnableLostMode' },
  disablelostmode: { platforms: MOBILE, command: 'DisableLostMode' },
  playlostmodesound: { platforms: MOBILE, command: 'PlayLostModeSound' },
  updatelocation: { platforms: MOBILE, command: 'DeviceLocation' },
};

const ORDERABLE: Record<string, (d: SimDevice) => string | number> = {
  asset_tag: (d) => d.assetTag,
  blueprint_id: (d) => d.groupIds[0] ?? '',
  device_id: (d) => d.id,
  device_name: (d) => d.name.toLowerCase(),
  last_check_in: (d) => d.lastCheckIn,
  model: (d) => d.model,
  platform: (d) => d.platform,
  os_version: (d) => d.osVersion,
  serial_number: (d) => d.serial,
  user: (d) => d.user?.name ?? '',
};

const contains = (hay: string | undefined, needle: string): boolean => (hay ?? '').toLowerCase().includes(needle.toLowerCase());

/** FileVault state is not stored; derive it stably from the id so the filter is consistent. */
const filevaultOn = (d: SimDevice): boolean => d.platform === 'Mac' && hashString(d.id) % 10 !== 0;

function deviceFilter(q: URLSearchParams): ((d: SimDevice) => boolean) | undefined {
  const tests: ((d: SimDevice) => boolean)[] = [];
  const get = (k: string): string | undefined => q.get(k) ?? undefined;
  const v = {
    asset_tag: get('asset_tag'), blueprint_id: get('blueprint_id'), device_id: get('device_id'), device_name: get('device_name'),
    filevault: get('filevault_enabled'), model: get('model'), os_version: get('os_version'), platform: get('platform'),
    serial: get('serial_number'), tag: get('tag_name'), tagIn: get('tag_name_in'), user: get('user'), email: get('user_email'),
    emailExact: get('user_email_exact'), userId: get('user_id'), userName: get('user_name'),
  };
  if (v.asset_tag) tests.push((d) => d.assetTag === v.asset_tag);
  if (v.blueprint_id) tests.push((d) => d.groupIds[0] === v.blueprint_id!.toLowerCase());
  if (v.device_id) tests.push((d) => d.id === v.device_id!.toLowerCase());
  if (v.device_name) tests.push((d) => contains(d.name, v.device_name!));
  if (v.filevault) tests.push((d) => d.platform === 'Mac' && filevaultOn(d) === (v.filevault!.toLowerCase() === 'true'));
  if (v.model) tests.push((d) => contains(d.model, v.model!));
  if (v.os_version) tests.push((d) => contains(d.osVersion, v.os_version!));
  if (v.platform) tests.push((d) => d.platform === v.platform);
  if (v.serial) tests.push((d) => contains(d.serial, v.serial!));
  if (v.tag) tests.push((d) => d.tags.includes(v.tag!));
  if (v.tagIn) {
    const names = v.tagIn.split(',');
    tests.push((d) => d.tags.some((t) => names.includes(t)));
  }
  if (v.user) tests.push((d) => contains(d.user?.name, v.user!) || contains(d.user?.email, v.user!));
  if (v.email) tests.push((d) => contains(d.user?.email, v.email!));
  if (v.emailExact) tests.push((d) => d.user?.email === v.emailExact);
  if (v.userId) tests.push((d) => d.user?.id === v.userId);
  if (v.userName) tests.push((d) => contains(d.user?.name, v.userName!));
  if (tests.length === 0) return undefined;
  return (d) => tests.every((t) => t(d));
}

export function kandjiDeviceRoutes(router: Router, ctx: RouteContext, options: KandjiOptions): void {
  const { state } = ctx;
  const notFound = (): SimResponse => json(404, { detail: 'Not found.' });
  const find = (req: SimRequest): SimDevice | undefined => state.deviceById.get((req.params['id'] ?? '').toLowerCase());

  router.add('GET', '/api/v1/devices', (req) => {
    const limit = intParam(req, 'limit');
    const offset = intParam(req, 'offset');
    if (limit === null) return json(400, { limit: ['A valid integer is required.'] });
    if (offset === null) return json(400, { offset: ['A valid integer is required.'] });
    if (limit !== undefined && limit > MAX_PAGE && options.deviceLimitOver300 === 'reject') return json(400, { limit: [`Ensure this value is less than or equal to ${MAX_PAGE}.`] });
    const take = Math.min(limit === undefined || limit === 0 ? MAX_PAGE : limit, MAX_PAGE);
    const start = offset ?? 0;
    const filter = deviceFilter(req.query);
    let list: SimDevice[] = filter ? state.devices.filter(filter) : state.devices;
    const ordering = req.query.get('ordering');
    if (ordering) {
      const keys = ordering.split(',').map((s) => s.trim()).filter(Boolean).map((k) => ({ desc: k.startsWith('-'), key: ORDERABLE[k.replace(/^-/, '')] }));
      if (keys.some((k) => !k.key)) return json(400, { ordering: ['Invalid ordering field.'] });
      list = [...list].sort((a, b) => {
        for (const { desc, key } of keys) {
          const x = key!(a);
          const y = key!(b);
          if (x < y) return desc ? 1 : -1;
          if (x > y) return desc ? -1 : 1;
        }
        return 0;
      });
    }
    return json(200, list.slice(start, start + take).map((d) => deviceJson(d, state)));
  });

  router.add('GET', '/api/v1/devices/:id', (req) => {
    const d = find(req);
    return d ? json(200, deviceJson(d, state)) : notFound();
  });

  router.add('PATCH', '/api/v1/devices/:id', (req) => {
    const d = find(req);
    if (!d) return notFound();
    const body = decodeBody(req, ['json']);
    if (!body.ok) return body.response;
    const f = body.fields;
    if (f.has('blueprint_id')) {
      const bpId = f.get('blueprint_id');
      const bp = typeof bpId === 'string' ? state.blueprints.get(bpId.toLowerCase()) : undefined;
      if (!bp) return json(400, { blueprint_id: ['Blueprint not found.'] });
      state.setDeviceGroups(d, [bp.id]);
    }
    if (f.has('asset_tag')) {
      const tag = f.get('asset_tag');
      d.assetTag = tag === null ? '' : String(tag);
    }
    if (f.has('tags')) {
      const tags = f.get('tags');
      if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return json(400, { tags: ['Expected a list of items.'] });
      d.tags = tags as string[];
    }
    if (f.has('user')) {
      const user = f.get('user');
      if (user === null) d.user = null;
      else {
        const owner = state.devices.find((x) => x.user?.id === user)?.user;
        if (!owner) return json(400, { user: ['User not found.'] });
        d.user = owner;
      }
    }
    return json(200, deviceJson(d, state));
  });

  router.add('DELETE', '/api/v1/devices/:id', (req) => {
    const d = find(req);
    if (!d) return notFound();
    state.removeDevice(d.id);
    return emptyResponse(204);
  });

  router.add('GET', '/api/v1/devices/:id/details', (req) => {
    const d = find(req);
    return d ? json(200, detailsJson(d, ctx)) : notFound();
  });

  const itemsOf = (d: SimDevice): Record<string, unknown>[] => state.rowsForDevice(d.id).map((r) => statusRowJson(r, state));
  router.add('GET', '/api/v1/devices/:id/library-items', (req) => {
    const d = find(req);
    return d ? json(200, { device_id: d.id, library_items: itemsOf(d) }) : notFound();
  });
  router.add('GET', '/api/v1/devices/:id/status', (req) => {
    const d = find(req);
    return d ? json(200, { device_id: d.id, library_items: itemsOf(d), parameters: [] }) : notFound();
  });

  router.add('GET', '/api/v1/devices/:id/commands', (req) => {
    const d = find(req);
    if (!d) return notFound();
    const cmds = state.commandsFor(d.id).reverse();
    return json(200, { device_id: d.id, commands: envelope(req, cmds, pageWindow(req, MAX_PAGE), commandJson, options.linkOrigin) });
  });

  router.add('POST', '/api/v1/devices/:id/action/:action', (req) => {
    const spec = KANDJI_ACTIONS[req.params['action'] ?? ''];
    if (!spec) return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<h1>Not Found</h1>' };
    const d = find(req);
    if (!d) return notFound();
    const body = decodeBody(req, ['json']);
    if (!body.ok) return body.response;
    const f = body.fields;
    if (!spec.platforms.includes(d.platform)) return json(400, 'Command is not allowed for current device');
    const action = req.params['action']!;
    const problem = validateParams(action, f, d);
    if (problem) return problem;
    if (action === 'lock' && d.locked) return json(400, 'This device is already locked.');
    if (state.commandsFor(d.id).some((c) => c.type === spec.command && c.status === 1)) return json(400, 'Command already running');
    if (action === 'playlostmodesound' || action === 'updatelocation' || action === 'disablelostmode') {
      if (!d.lostMode) return json(400, ['Device is not in lost mode.']);
    }
    state.queueCommand(d.id, spec.command);
    switch (action) {
      case 'lock': {
        d.locked = true;
        if (d.platform === 'Mac') return json(200, { PIN: String(100000 + Math.floor(state.random() * 900000)) });
        break;
      }
      case 'setname':
        d.name = String(f.get('DeviceName'));
        break;
      case 'blankpush':
      case 'updateinventory':
        state.checkIn(d.id);
        break;
      case 'enablelostmode':
        d.lostMode = true;
        break;
      case 'disablelostmode':
        d.lostMode = false;
        break;
      case 'erase':
        d.locked = false;
        break;
    }
    return emptyResponse(200, { 'content-length': '0' });
  });
}

function validateParams(action: string, f: Map<string, unknown>, d: SimDevice): SimResponse | undefined {
  const str = (k: string): boolean => typeof f.get(k) === 'string' && (f.get(k) as string).length > 0;
  const boolOpt = (k: string): boolean => !f.has(k) || typeof f.get(k) === 'boolean';
  switch (action) {
    case 'setname':
      return str('DeviceName') ? undefined : json(400, { DeviceName: ['This field is required.'] });
    case 'unlockaccount':
      return str('UserName') ? undefined : json(400, { UserName: ['This field is required.'] });
    case 'deleteuser':
      if (f.get('DeleteAllUsers') === true || str('UserName')) return undefined;
      return json(400, { UserName: ['This field is required unless DeleteAllUsers is true.'] });
    case 'remotedesktop':
      return typeof f.get('EnableRemoteDesktop') === 'boolean' ? undefined : json(400, { EnableRemoteDesktop: ['This field is required.'] });
    case 'erase': {
      const pin = f.get('PIN');
      if (pin !== undefined && d.platform === 'Mac' && (typeof pin !== 'string' || !/^\d{6}$/.test(pin))) return json(400, { PIN: ['Ensure this value has exactly 6 digits.'] });
      if (!boolOpt('PreserveDataPlan') || !boolOpt('DisallowProximitySetup')) return json(400, { non_field_errors: ['PreserveDataPlan and DisallowProximitySetup must be booleans.'] });
      const rts = f.get('ReturnToService');
      if (rts !== undefined && !isRecord(rts)) return json(400, { ReturnToService: ['Expected an object.'] });
      if (isRecord(rts) && rts['Enabled'] === true && typeof rts['ProfileId'] === 'string') return json(400, 'The specified profile is not in scope for the device');
      return undefined;
    }
    case 'restart':
      return boolOpt('RebuildKernelCache') && boolOpt('NotifyUser') ? undefined : json(400, { non_field_errors: ['RebuildKernelCache and NotifyUser must be booleans.'] });
    default:
      return undefined;
  }
}

function detailsJson(d: SimDevice, ctx: RouteContext): Record<string, unknown> {
  const { state } = ctx;
  const base = deviceJson(d, state);
  const installed = state.rowsForDevice(d.id).filter((r) => r.status === 'success' && state.items.get(r.itemId)?.kind === 'profile').map((r) => {
    const item = state.items.get(r.itemId);
    const text = item?.profile ?? '';
    const types = [...text.matchAll(/<key>PayloadType<\/key>\s*<string>([^<]+)<\/string>/g)].map((m) => m[1]!).filter((t) => t !== 'Configuration');
    return {
      name: item?.name ?? '',
      uuid: getTopLevelString(text, 'PayloadUUID') ?? '',
      verified: 'verified',
      identifier: MDM_IDENTIFIER_PREFIX + r.itemId,
      organization: getTopLevelString(text, 'PayloadOrganization') ?? '',
      payload_types: types,
      install_date: iso(r.since).replace('T', ' ').replace(/\.\d+Z$/, ' +0000'),
    };
  });
  const out: Record<string, unknown> = {
    general: {
      device_id: d.id, device_name: d.name, last_enrollment: base['last_enrollment'], first_enrollment: base['first_enrollment'], model: d.model,
      platform: d.platform, os_version: d.osVersion, asset_tag: d.assetTag, assigned_user: d.user?.name ?? '',
      blueprint_name: base['blueprint_name'], blueprint_uuid: base['blueprint_id'],
    },
    mdm: { mdm_enabled: 'True', supervised: 'True', last_check_in: base['last_check_in'] },
    activation_lock: { bypass_code_failed: false, user_activation_lock_enabled: false, device_activation_lock_enabled: false, activation_lock_allowed_while_supervised: false, activation_lock_supported: true },
    filevault: d.platform === 'Mac' ? { filevault_enabled: filevaultOn(d), filevault_recoverykey_type: 'Personal', filevault_prk_escrowed: filevaultOn(d) } : {},
    automated_device_enrollment: {},
    kandji_agent: d.platform === 'Mac' ? { agent_installed: 'True', agent_version: d.agentVersion } : {},
    hardware_overview: { model_name: d.model, serial_number: d.serial, udid: d.udid },
    volumes: [],
    network: {},
    recovery_information: {},
    users: d.user ? { regular_users: [{ username: d.user.email.split('@')[0], name: d.user.name }] } : {},
    installed_profiles: installed,
    apple_business_manager: {},
    security_information: {},
    tags: d.tags,
  };
  if (d.platform !== 'AppleTV') {
    out['lost_mode'] = { lost_mode_status: d.lostMode ? 'ENABLED' : '' };
    out['cellular'] = {};
  }
  return out;
}
