// Kandji fleet wire shapes → neutral types. Vendor records (Prism rows, threats, vulnerabilities) pass through
// as objects; our own types are read field by field and a missing required field is a bad-response.
import type {
  AdeDevice, AdeIntegration, DetailSection, DeviceActivity, DeviceApp, DeviceCommand, DeviceFullDetails,
  DeviceLibraryItemState, License, LostModeState, Tag, TenantUser, VendorRecord,
} from '../fleetApi';
import { asArray, asObject, optNumber, optString, reqString, setPresent, type Json } from '../wireCheck';

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

const obj = (o: Json, key: string): Json => {
  const v = o[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
};

function section(id: DetailSection['id'], title: string, source: Json, labels: Record<string, string>): DetailSection {
  const fields = Object.entries(labels).filter(([k]) => k in source).map(([k, label]) => ({ label, value: text(source[k]) }));
  return { id, title, fields };
}

/** GET /devices/{id}/details: the sections the details view shows, in its order. */
export function toFullDetails(value: unknown, deviceId: string): DeviceFullDetails {
  const o = asObject(value, 'device details');
  const general = obj(o, 'general');
  const lost = obj(o, 'lost_mode');
  const users = obj(o, 'users');
  const sections: DetailSection[] = [
    section('general', 'General', general, { device_name: 'Name', platform: 'Platform', model: 'Model', os_version: 'OS version', blueprint_name: 'Blueprint', assigned_user: 'Assigned user', asset_tag: 'Asset tag', first_enrollment: 'First enrollment', last_enrollment: 'Last enrollment' }),
    section('hardware', 'Hardware', obj(o, 'hardware_overview'), { model_name: 'Model name', model_identifier: 'Model identifier', processor_name: 'Processor', memory: 'Memory', serial_number: 'Serial number', udid: 'UDID' }),
    section('mdm', 'MDM', obj(o, 'mdm'), { mdm_enabled: 'MDM enabled', supervised: 'Supervised', install_date: 'Installed', last_check_in: 'Last check-in', mdm_enabled_user: 'MDM user' }),
    section('filevault', 'FileVault', obj(o, 'filevault'), { filevault_enabled: 'Enabled', filevault_recoverykey_type: 'Recovery key type', filevault_prk_escrowed: 'Key escrowed', filevault_next_rotation: 'Next rotation', filevault_regen_required: 'Regeneration required' }),
    section('activation-lock', 'Activation Lock', obj(o, 'activation_lock'), { activation_lock_supported: 'Supported', device_activation_lock_enabled: 'Device lock enabled', user_activation_lock_enabled: 'User lock enabled', activation_lock_allowed_while_supervised: 'Allowed while supervised', bypass_code_failed: 'Bypass code failed' }),
    section('network', 'Network', obj(o, 'network'), { local_hostname: 'Local hostname', ip_address: 'IP address', public_ip: 'Public IP', mac_address: 'MAC address', active_interface: 'Active interface' }),
    section('lost-mode', 'Lost Mode', lost, { lost_mode_status: 'Status', lost_mode_enabled: 'Enabled', lost_mode_message: 'Message', lost_mode_phone: 'Phone' }),
    { id: 'users', title: 'Users', fields: userFields(users) },
  ];
  const status = text(lost['lost_mode_status']).toLowerCase();
  return { deviceId, name: text(general['device_name']) || deviceId, sections, lostModeEnabled: lost['lost_mode_enabled'] === true || status === 'enabled' || status === 'pending' };
}

function userFields(users: Json): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const [k, v] of Object.entries(users)) {
    if (!Array.isArray(v)) continue;
    for (const u of v) {
      if (!u || typeof u !== 'object') continue;
      const r = u as Json;
      out.push({ label: k.replace(/_/g, ' '), value: [optString(r, 'username'), optString(r, 'name')].filter(Boolean).join(' — ') });
    }
  }
  return out;
}

export function toDeviceApps(value: unknown): DeviceApp[] {
  const o = asObject(value, 'device apps');
  return asArray(o.apps, 'device apps').map((v) => {
    const a = asObject(v, 'app');
    return setPresent<DeviceApp>(
      { name: reqString(a, 'app_name', 'app') },
      { bundleId: optString(a, 'bundle_id'), version: optString(a, 'version'), source: optString(a, 'source'), path: optString(a, 'path') },
    );
  });
}

const LIBRARY_STATUS: Record<string, DeviceLibraryItemState['status']> = {
  success: 'success', pass: 'success', pending: 'pending', failed: 'failed', error: 'failed', excluded: 'excluded', incompatible: 'excluded',
};

export function toDeviceLibraryItems(value: unknown): DeviceLibraryItemState[] {
  const o = asObject(value, 'device library items');
  return asArray(o.library_items, 'device library items').map((v) => {
    const r = asObject(v, 'library item');
    const raw = optString(r, 'status') ?? '';
    const out: DeviceLibraryItemState = {
      itemId: reqString(r, 'item_id', 'library item'), name: optString(r, 'name') ?? '', type: optString(r, 'type') ?? '',
      status: LIBRARY_STATUS[raw.toLowerCase()] ?? 'unknown', rawStatus: raw,
    };
    return setPresent(out, { reportedAt: optString(r, 'reported_at'), log: optString(r, 'log') });
  });
}

export function toDeviceActivity(value: unknown): DeviceActivity {
  const r = asObject(value, 'device activity');
  const details = r.details && typeof r.details === 'object' ? Object.entries(r.details as Json).map(([k, v]) => `${k}: ${text(v)}`).join(', ') : text(r.details);
  const out: DeviceActivity = { at: reqString(r, 'created_at', 'device activity'), action: reqString(r, 'action_type', 'device activity'), details };
  const user = r.user && typeof r.user === 'object' ? optString(r.user as Json, 'email') ?? optString(r.user as Json, 'name') : optString(r, 'user');
  if (user) out.actor = user;
  return out;
}

/** MDM command status codes as Kandji reports them: 0 queued, 1 pending, 3 acknowledged, 4 error, 5 not now. */
export function toDeviceCommand(value: unknown): DeviceCommand {
  const r = asObject(value, 'device command');
  const code = optNumber(r, 'status');
  const status: DeviceCommand['status'] = code === 3 ? 'completed' : code === 0 || code === 1 || code === 5 ? 'pending' : code === 4 ? 'failed' : 'other';
  const out: DeviceCommand = { id: reqString(r, 'uuid', 'device command'), type: optString(r, 'command_type') ?? optString(r, 'request_type') ?? '', status };
  setPresent(out, { requestedAt: optString(r, 'date_requested'), completedAt: optString(r, 'date_completed') });
  const chain = Array.isArray(r.error_chain) ? r.error_chain.map(text).filter(Boolean) : [];
  if (chain.length) out.error = chain.join('; ');
  return out;
}

export function toLostMode(value: unknown): LostModeState {
  const o = asObject(value, 'lost mode');
  const l = obj(o, 'lost_mode');
  const status = optString(l, 'lost_mode_status') ?? (optString(l, 'enable_status_at') && !optString(l, 'disable_status_at') ? 'enabled' : 'disabled');
  const out: LostModeState = { enabled: l['lost_mode_enabled'] === true || /enabled|pending/i.test(status), status };
  setPresent(out, { message: optString(l, 'message'), phone: optString(l, 'phone_number'), footnote: optString(l, 'footnote') });
  const loc = obj(l, 'last_location');
  const lat = Number(loc['latitude']);
  const lon = Number(loc['longitude']);
  if (loc['latitude'] !== undefined && Number.isFinite(lat) && Number.isFinite(lon)) {
    out.location = { latitude: lat, longitude: lon, ...(optString(l, 'last_location_at') ? { at: optString(l, 'last_location_at')! } : {}) };
  }
  return out;
}

/** Each secret endpoint answers its own field name. */
export function secretValue(value: unknown, field: string): string {
  return reqString(asObject(value, 'secret'), field, 'secret answer');
}

export function toTag(value: unknown): Tag {
  const o = asObject(value, 'tag');
  return { id: reqString(o, 'id', 'tag'), name: reqString(o, 'name', 'tag') };
}

export function toUser(value: unknown): TenantUser {
  const o = asObject(value, 'user');
  return setPresent<TenantUser>({ id: reqString(o, 'id', 'user'), name: optString(o, 'name') ?? optString(o, 'email') ?? '' }, {
    email: optString(o, 'email'),
    active: typeof o.active === 'boolean' ? o.active : undefined,
    archived: typeof o.archived === 'boolean' ? o.archived : undefined,
    deviceCount: optNumber(o, 'device_count'),
    department: optString(o, 'department'),
    jobTitle: optString(o, 'job_title'),
    createdAt: optString(o, 'created_at'),
  });
}

export function toAdeIntegration(value: unknown): AdeIntegration {
  const o = asObject(value, 'ADE integration');
  const defaults = obj(o, 'defaults');
  return setPresent<AdeIntegration>({ id: reqString(o, 'id', 'ADE integration'), name: optString(o, 'server_name') ?? optString(o, 'org_name') ?? reqString(o, 'id', 'ADE integration') }, {
    serverName: optString(o, 'server_name'),
    email: optString(defaults, 'email'),
    phone: optString(defaults, 'phone'),
    expiresAt: optString(o, 'access_token_expiry'),
    lastSync: optString(o, 'last_device_sync'),
    deviceCount: optNumber(obj(o, 'device_counts'), 'total'),
    defaultBlueprintName: optString(obj(o, 'blueprint'), 'name'),
  });
}

export function toAdeDevice(value: unknown): AdeDevice {
  const o = asObject(value, 'ADE device');
  return setPresent<AdeDevice>({ id: reqString(o, 'id', 'ADE device'), serial: reqString(o, 'serial_number', 'ADE device') }, {
    model: optString(o, 'model'),
    description: optString(o, 'description'),
    family: optString(o, 'device_family'),
    os: optString(o, 'os'),
    color: optString(o, 'color'),
    assignedBy: optString(o, 'device_assigned_by'),
    assignedAt: optString(o, 'device_assigned_date'),
    blueprintName: optString(obj(o, 'blueprint'), 'name'),
    deviceId: optString(obj(o, 'mdm_device'), 'id'),
    user: optString(obj(o, 'user'), 'email') ?? optString(obj(o, 'user'), 'name'),
    integrationId: optString(obj(o, 'dep_account'), 'id'),
  });
}

export function toLicense(value: unknown): License {
  const o = asObject(value, 'licensing');
  const counts = obj(o, 'counts');
  const limits = obj(o, 'limits');
  const max = optNumber(limits, 'max_devices');
  const label: Record<string, string> = { computers_count: 'Computers', macos_count: 'macOS', ios_count: 'iOS', ipados_count: 'iPadOS', tvos_count: 'tvOS', visionos_count: 'visionOS' };
  const rows = Object.entries(counts).filter(([, v]) => typeof v === 'number').map(([k, v]) => ({ label: label[k] ?? k, used: v as number, ...(k === 'computers_count' && max !== undefined ? { total: max } : {}) }));
  const plan = optString(limits, 'plan_type');
  return { counts: rows, ...(plan ? { tier: plan } : {}), raw: o };
}

export const asRecord = (v: unknown): VendorRecord => asObject(v, 'record');
