// Kandji wire shapes ↔ domain types, and the device-action catalogue (../shared/api/kandji.md §9, seed 002).
import { profileHash } from '../hash';
import {
  DEVICE_PLATFORMS,
  type ActivityEntry, type Blueprint, type Device, type DeviceActionSpec, type DevicePlatform, type LibraryItem, type LibraryItemWithContent,
  type ProfileStatus, type ProfileUpload, type RunsOn,
} from '../tenantApi';
import type { ActivityWire, BlueprintWire, CustomProfileWire, DeviceWire, StatusRowWire } from './wire';

export function toLibraryItem(w: CustomProfileWire): LibraryItemWithContent {
  return {
    id: w.id,
    name: w.name,
    active: w.active,
    runsOn: { mac: w.runs_on_mac, iphone: w.runs_on_iphone, ipad: w.runs_on_ipad, tv: w.runs_on_tv, vision: w.runs_on_vision },
    kind: 'custom-profile',
    ...(w.mdm_identifier ? { mdmIdentifier: w.mdm_identifier } : {}),
    ...(w.created_at ? { createdAt: w.created_at } : {}),
    ...(w.updated_at ? { updatedAt: w.updated_at } : {}),
    profile: w.profile,
    contentHash: profileHash(w.profile),
  };
}

export function toBlueprint(w: BlueprintWire): Blueprint {
  return {
    id: w.id,
    name: w.name,
    kind: w.type,
    ...(w.description ? { description: w.description } : {}),
    ...(w.computers_count !== undefined ? { deviceCount: w.computers_count } : {}),
  };
}

const platforms: Record<string, DevicePlatform> = {
  mac: 'Mac', macos: 'Mac', iphone: 'iPhone', ipad: 'iPad', appletv: 'AppleTV', tvos: 'AppleTV',
  vision: 'Vision', visionos: 'Vision', applevision: 'Vision', applevisionpro: 'Vision',
};

export function toPlatform(raw: string): DevicePlatform {
  return platforms[raw.toLowerCase().replace(/[\s_-]/g, '')] ?? 'Mac';
}

export function toDevice(w: DeviceWire): Device {
  return {
    id: w.device_id,
    name: w.device_name,
    platform: toPlatform(w.platform),
    ...(w.serial_number ? { serial: w.serial_number } : {}),
    ...(w.model ? { model: w.model } : {}),
    ...(w.os_version ? { osVersion: w.os_version } : {}),
    ...(w.blueprint_id ? { blueprintId: w.blueprint_id } : {}),
    ...(w.blueprint_name ? { blueprintName: w.blueprint_name } : {}),
    ...(w.user ? { user: w.user } : {}),
    ...(w.last_check_in ? { lastCheckIn: w.last_check_in } : {}),
  };
}

/** Profiles report lower-case success/pending/failed; other items upper-case audit states. */
export function toStatus(raw: string): ProfileStatus['status'] {
  switch (raw.toUpperCase()) {
    case 'SUCCESS': case 'PASS': return 'success';
    case 'PENDING': case 'CACHED': case 'DOWNLOADING': case 'INSTALLING': case 'CHANGE_PENDING': return 'pending';
    case 'FAILED': case 'ERROR': return 'failed';
    case 'EXCLUDED': case 'INCOMPATIBLE': return 'excluded';
    default: return 'unknown';
  }
}

export function toProfileStatus(w: StatusRowWire, fallbackDeviceId = ''): ProfileStatus {
  return {
    deviceId: w.computer?.id ?? fallbackDeviceId,
    ...(w.computer?.name ? { deviceName: w.computer.name } : {}),
    ...(w.item_id ? { itemId: w.item_id } : {}),
    ...(w.name ? { itemName: w.name } : {}),
    status: toStatus(w.status),
    ...(w.log ? { detail: w.log } : {}),
    ...(w.reported_at ? { updatedAt: w.reported_at } : {}),
  };
}

const activityKinds: Record<string, ActivityEntry['kind']> = {
  library_item_created: 'created', library_item_edited: 'edited', library_item_deleted: 'deleted',
  library_item_duplicated: 'created', library_item_assignment_changed: 'assignment-changed',
};

export function toActivity(w: ActivityWire): ActivityEntry {
  return { at: w.activity_time, kind: activityKinds[w.activity_type] ?? 'other', ...(w.user_email ? { actor: w.user_email } : {}), details: w.details };
}

const runsOnFields: Record<keyof RunsOn, string> = { mac: 'runs_on_mac', iphone: 'runs_on_iphone', ipad: 'runs_on_ipad', tv: 'runs_on_tv', vision: 'runs_on_vision' };

/** Multipart form for create (all given fields) or update (only what changes). Booleans as lowercase text. */
export function profileForm(upload: Partial<ProfileUpload>): FormData {
  const form = new FormData();
  if (upload.name !== undefined) form.set('name', upload.name);
  if (upload.active !== undefined) form.set('active', String(upload.active));
  for (const [key, field] of Object.entries(runsOnFields) as [keyof RunsOn, string][]) {
    const v = upload.runsOn?.[key];
    if (v !== undefined) form.set(field, String(v));
  }
  if (upload.file !== undefined) {
    const name = upload.fileName || `${upload.name ?? 'profile'}.mobileconfig`;
    form.set('file', new Blob([upload.file], { type: 'application/octet-stream' }), name);
  }
  return form;
}

export function itemFromRef(ref: { id: string; name: string }, profile?: LibraryItem): LibraryItem {
  if (profile) {
    const { profile: _content, ...rest } = profile as LibraryItemWithContent;
    return rest;
  }
  return { id: ref.id, name: ref.name, active: true, runsOn: { mac: false, iphone: false, ipad: false, tv: false, vision: false }, kind: 'other' };
}

// ---- device actions ----

const ALL: DevicePlatform[] = [...DEVICE_PLATFORMS];

type Param = NonNullable<DeviceActionSpec['params']>[number];
const p = (name: string, label: string, kind: Param['kind'], required = false): Param => ({ name, label, kind, required });

/** Every Kandji device action (seed 002 + kandji.md §9). Bodies use Apple-style PascalCase keys. */
export const KANDJI_ACTIONS: readonly DeviceActionSpec[] = [
  { id: 'blankpush', label: 'Send blank push', destructive: false, platforms: ALL },
  { id: 'updateinventory', label: 'Update inventory', destructive: false, platforms: ALL },
  { id: 'renewmdmprofile', label: 'Renew MDM profile', destructive: false, platforms: ALL },
  { id: 'setname', label: 'Set device name', destructive: false, platforms: ALL, params: [p('deviceName', 'New device name', 'string', true)] },
  { id: 'restart', label: 'Restart', destructive: true, platforms: ALL,
    params: [p('rebuildKernelCache', 'Rebuild kernel cache (macOS 11+)', 'boolean'), p('notifyUser', 'Let the user choose when (macOS 11.3+)', 'boolean')] },
  { id: 'shutdown', label: 'Shut down', destructive: true, platforms: ALL },
  { id: 'lock', label: 'Lock', destructive: true, platforms: ALL,
    params: [p('message', 'Message on the lock screen', 'string'), p('phoneNumber', 'Phone number on the lock screen', 'string')] },
  { id: 'erase', label: 'Erase', destructive: true, platforms: ['Mac', 'iPhone', 'iPad', 'AppleTV'],
    params: [p('pin', 'Find My PIN (macOS, 6 digits)', 'pin'), p('preserveDataPlan', 'Preserve eSIM data plan', 'boolean'),
      p('disallowProximitySetup', 'Disallow Proximity Setup', 'boolean'), p('returnToService', 'Return to Service (iOS 17+)', 'boolean'),
      p('wifiProfileId', 'Wi-Fi profile id for Return to Service', 'string')] },
  { id: 'clearpasscode', label: 'Clear passcode', destructive: true, platforms: ['iPhone', 'iPad'] },
  { id: 'reinstallagent', label: 'Reinstall agent', destructive: false, platforms: ['Mac'] },
  { id: 'unlockaccount', label: 'Unlock user account', destructive: false, platforms: ['Mac'], params: [p('userName', 'Local user name', 'string', true)] },
  { id: 'deleteuser', label: 'Delete local user', destructive: true, platforms: ['Mac', 'iPad'],
    params: [p('userName', 'Local user name', 'string'), p('deleteAllUsers', 'Delete all users', 'boolean'), p('forceDeletion', 'Force deletion', 'boolean')] },
  { id: 'remotedesktop', label: 'Remote Management on/off', destructive: true, platforms: ['Mac'],
    params: [p('enable', 'Turn Remote Management on', 'boolean', true)] },
];

/** The JSON body each action sends, from neutral parameter names; undefined = no body. */
export function actionBody(action: string, params: Record<string, string>): Record<string, unknown> | undefined {
  const bool = (k: string) => (params[k] === undefined ? undefined : params[k] === 'true');
  const clean = (o: Record<string, unknown>) => {
    const entries = Object.entries(o).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  switch (action) {
    case 'setname': return { DeviceName: params.deviceName };
    case 'restart': return clean({ RebuildKernelCache: bool('rebuildKernelCache'), NotifyUser: bool('notifyUser') });
    case 'lock': return clean({ Message: params.message, PhoneNumber: params.phoneNumber });
    case 'erase': {
      const rts = bool('returnToService');
      return clean({
        PIN: params.pin, PreserveDataPlan: bool('preserveDataPlan'), DisallowProximitySetup: bool('disallowProximitySetup'),
        ReturnToService: rts === undefined ? undefined : { Enabled: rts, ...(params.wifiProfileId ? { ProfileId: params.wifiProfileId } : {}) },
      });
    }
    case 'unlockaccount': return { UserName: params.userName };
    case 'deleteuser': return clean({ UserName: params.userName, DeleteAllUsers: bool('deleteAllUsers'), ForceDeletion: bool('forceDeletion') });
    case 'remotedesktop': return { EnableRemoteDesktop: bool('enable') ?? false };
    default: return undefined;
  }
}
