// JumpCloud wire shapes ↔ domain types. A custom profile is a policy from `custom_mdm_profile_darwin` whose
// `payload` value is the base64 of the .mobileconfig; a blueprint is a system group; a device is a v1 system.
import { profileHash } from '../hash';
import type { Blueprint, Device, DeviceActionSpec, DevicePlatform, LibraryItem, LibraryItemWithContent, ProfileStatus } from '../tenantApi';
import { CUSTOM_PROFILE_TEMPLATE, type PolicyStatusWire, type PolicyWire, type SystemGroupWire, type SystemWire } from './wire';

export const MAC_ONLY = { mac: true, iphone: false, ipad: false, tv: false, vision: false };

export function isCustomProfile(p: { template?: { name: string } }): boolean {
  return p.template?.name === CUSTOM_PROFILE_TEMPLATE;
}

/** The .mobileconfig in the value of the template's `payload` field; '' when there is none. */
export function payloadOf(p: PolicyWire, payloadFieldId: string): string {
  const v = p.values.find((x) => x.configFieldID === payloadFieldId);
  return typeof v?.value === 'string' ? Buffer.from(v.value, 'base64').toString('utf8') : '';
}

/** A checkbox value as the definitions type it ("true"/"false"); a boolean (older tenants, other clients) is read too. */
export function checkboxValue(value: unknown, fallback: 'true' | 'false'): 'true' | 'false' {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  return fallback;
}

export function toPolicyItem(p: { id: string; name: string; template?: { name: string } }, active: boolean): LibraryItem {
  return { id: p.id, name: p.name, active, runsOn: MAC_ONLY, kind: isCustomProfile(p) ? 'custom-profile' : 'other' };
}

export function toProfile(p: PolicyWire, active: boolean, payloadFieldId: string): LibraryItemWithContent {
  const profile = payloadOf(p, payloadFieldId);
  return { ...toPolicyItem(p, active), profile, contentHash: profileHash(profile) };
}

export function toBlueprint(g: SystemGroupWire): Blueprint {
  return { id: g.id, name: g.name, kind: 'group', ...(g.description ? { description: g.description } : {}) };
}

/** v1 `os` strings (macOS systems report `Mac OS X`). */
const osToPlatform: Record<string, DevicePlatform> = {
  'mac os x': 'Mac', macos: 'Mac', darwin: 'Mac', ios: 'iPhone', ipados: 'iPad', tvos: 'AppleTV', visionos: 'Vision',
};
export const platformToOs: Record<DevicePlatform, string> = { Mac: 'Mac OS X', iPhone: 'iOS', iPad: 'iPadOS', AppleTV: 'tvOS', Vision: 'visionOS' };

export function toPlatform(s: SystemWire): DevicePlatform {
  const p = osToPlatform[(s.os ?? '').toLowerCase()] ?? 'Mac';
  return p === 'iPhone' && /ipad/i.test(`${s.model ?? ''} ${s.displayName ?? ''}`) ? 'iPad' : p;
}

export function toDevice(s: SystemWire): Device {
  const name = s.displayName || s.hostname || s.serialNumber || s._id;
  return {
    id: s._id,
    name,
    platform: toPlatform(s),
    ...(s.serialNumber ? { serial: s.serialNumber } : {}),
    ...(s.model ? { model: s.model } : {}),
    ...(s.version ? { osVersion: s.version } : {}),
    ...(s.lastContact ? { lastCheckIn: s.lastContact } : {}),
  };
}

export function toStatus(w: PolicyStatusWire, names?: Map<string, string>): ProfileStatus {
  const state = (w.state ?? '').toLowerCase();
  const status: ProfileStatus['status'] = state === 'pending' ? 'pending'
    : state === 'success' || w.success === true ? 'success'
      : state === 'failed' || w.success === false ? 'failed' : 'unknown';
  const name = w.policyID ? names?.get(w.policyID) : undefined;
  return {
    deviceId: w.systemID,
    ...(w.policyID ? { itemId: w.policyID } : {}),
    ...(name ? { itemName: name } : {}),
    status,
    ...(w.detail ? { detail: w.detail } : {}),
    ...(w.endedAt || w.startedAt ? { updatedAt: (w.endedAt || w.startedAt)! } : {}),
  };
}

// ---- device actions: the Apple MDM commands of /api/v2/applemdms/{id}/devices/{id}/<command> ----

const APPLE: DevicePlatform[] = ['Mac', 'iPhone', 'iPad'];
export const INSTALL_ACTIONS = ['DOWNLOAD_ONLY', 'INSTALL_LATER', 'INSTALL_ASAP', 'INSTALL_FORCE_RESTART'];

/** macOS lock and erase need a 6-digit PIN; iOS ignores it. */
export function jumpcloudActions(platform: DevicePlatform): DeviceActionSpec[] {
  const pin = { name: 'pin', label: 'Six-digit PIN (required on macOS)', kind: 'pin' as const, required: platform === 'Mac' };
  const all: DeviceActionSpec[] = [
    { id: 'lock', label: 'Lock', destructive: true, platforms: APPLE, params: [pin] },
    { id: 'erase', label: 'Erase', destructive: true, platforms: APPLE, params: [pin] },
    { id: 'restart', label: 'Restart', destructive: true, platforms: APPLE },
    { id: 'shutdown', label: 'Shut down', destructive: true, platforms: APPLE },
    { id: 'clearActivationLock', label: 'Clear Activation Lock', destructive: true, platforms: APPLE },
    { id: 'refreshActivationLockInformation', label: 'Refresh Activation Lock information', destructive: false, platforms: APPLE },
    { id: 'scheduleOSUpdate', label: 'Schedule OS update', destructive: true, platforms: APPLE, params: [
      { name: 'installAction', label: `Install action (${INSTALL_ACTIONS.join(', ')})`, kind: 'string', required: true },
      { name: 'productKey', label: 'Product key of the update', kind: 'string', required: true },
      { name: 'maxUserDeferrals', label: 'Maximum user deferrals', kind: 'string', required: false },
    ] },
    { id: 'osUpdateStatus', label: 'Request OS update status', destructive: false, platforms: APPLE },
  ];
  return all.filter((a) => a.platforms.includes(platform));
}

/** Commands whose definition declares no request body: they are sent without one. */
const BODYLESS = new Set(['shutdown', 'clearActivationLock', 'refreshActivationLockInformation', 'osUpdateStatus']);

/** Request body of a command from neutral parameter names; `undefined` where the definition declares none. */
export function commandBody(action: string, params: Record<string, string>): Record<string, unknown> | string | undefined {
  if (BODYLESS.has(action)) return undefined;
  switch (action) {
    case 'lock':
    case 'erase':
      return params.pin ? { pin: params.pin } : {};
    case 'scheduleOSUpdate': {
      if (!INSTALL_ACTIONS.includes(params.installAction ?? '')) return `\`installAction\` must be one of ${INSTALL_ACTIONS.join(', ')}`;
      const deferrals = params.maxUserDeferrals === undefined ? undefined : Number(params.maxUserDeferrals);
      if (deferrals !== undefined && !Number.isInteger(deferrals)) return '`maxUserDeferrals` must be a whole number';
      return { install_action: params.installAction, product_key: params.productKey, ...(deferrals !== undefined ? { max_user_deferrals: deferrals } : {}) };
    }
    default:
      return {};
  }
}
