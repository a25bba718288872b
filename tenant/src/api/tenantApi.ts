// The one vendor-neutral view of an MDM tenant. Nothing here knows Kandji or JumpCloud wire shapes.
import type { ApiError } from './errors';
import type { FleetApi } from './fleetApi';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type VendorKind = 'kandji' | 'jumpcloud';

export type DevicePlatform = 'Mac' | 'iPhone' | 'iPad' | 'AppleTV' | 'Vision';

/** Every platform, in the order lists and help text show them. */
export const DEVICE_PLATFORMS: readonly DevicePlatform[] = ['Mac', 'iPhone', 'iPad', 'AppleTV', 'Vision'];

/** Where a profile runs (Kandji `runs_on_*`; JumpCloud policies are macOS/iOS by template). */
export interface RunsOn {
  mac: boolean;
  iphone: boolean;
  ipad: boolean;
  tv: boolean;
  vision: boolean;
}

/** The RunsOn keys, in the order the CLI's `--runs-on` lists them. */
export const RUNS_ON_PLATFORMS: readonly (keyof RunsOn)[] = ['mac', 'iphone', 'ipad', 'tv', 'vision'];

export interface LibraryItem {
  id: string;
  name: string;
  active: boolean;
  runsOn: RunsOn;
  /** The profile's identifier as the MDM installs it (may be rewritten by the service). */
  mdmIdentifier?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Per-device install counts where the API gives them. */
  statusCounts?: { success: number; pending: number; failed: number };
  /** 'other' for non-profile items a blueprint lists (apps, scripts, other policy templates). */
  kind?: 'custom-profile' | 'other';
  /** profileHash() of the content, when the listing carries the content. */
  contentHash?: string;
}

/** A custom profile, as opposed to the other items a blueprint lists (an item without a kind is a profile). */
export function isCustomProfileItem(item: Pick<LibraryItem, 'kind'>): boolean {
  return item.kind === undefined || item.kind === 'custom-profile';
}

export interface LibraryItemWithContent extends LibraryItem {
  /** The .mobileconfig XML as the tenant stores it. */
  profile: string;
  /** profileHash(profile): pass it back in KnownRemote to guard an update. */
  contentHash: string;
}

export interface ProfileUpload {
  name: string;
  /** Raw .mobileconfig bytes (XML or signed). */
  file: Uint8Array;
  fileName: string;
  active?: boolean;
  runsOn?: Partial<RunsOn>;
}

/** What the caller last saw of a remote item; an update refuses when the remote moved on. */
export interface KnownRemote {
  updatedAt?: string;
  contentHash?: string;
}

export interface Blueprint {
  id: string;
  name: string;
  /** Kandji classic / assignment map (a map with conditions needs a node id), JumpCloud system group. */
  kind: 'classic' | 'map' | 'group';
  description?: string;
  deviceCount?: number;
}

export interface AssignmentNode {
  id: string;
  name: string;
}

export interface Device {
  id: string;
  name: string;
  platform: DevicePlatform;
  serial?: string;
  model?: string;
  osVersion?: string;
  blueprintId?: string;
  blueprintName?: string;
  user?: string;
  lastCheckIn?: string;
}

export interface DeviceDetails extends Device {
  facts: Record<string, string>;
}

export interface ProfileStatus {
  deviceId: string;
  /** The library item the row is about (set by deviceProfiles). */
  itemId?: string;
  itemName?: string;
  deviceName?: string;
  status: 'success' | 'pending' | 'failed' | 'excluded' | 'unknown';
  detail?: string;
  updatedAt?: string;
}

/** One event in a library item's history, newest first. */
export interface ActivityEntry {
  at: string;
  /** Kandji: library item created/edited/deleted/assignment changed; JumpCloud: a device's install result. */
  kind: 'created' | 'edited' | 'deleted' | 'assignment-changed' | 'result' | 'other';
  actor?: string;
  deviceId?: string;
  details: string[];
}

export interface DeviceActionSpec {
  id: string;
  label: string;
  destructive: boolean;
  platforms: DevicePlatform[];
  params?: { name: string; label: string; required: boolean; kind: 'string' | 'boolean' | 'pin' }[];
}

export interface DeviceActionResult {
  /** e.g. the unlock PIN a Mac lock returns. */
  pin?: string;
  message?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; undefined at the end. */
  next?: string;
  total?: number;
}

export interface DeviceQuery {
  platform?: DevicePlatform;
  blueprintId?: string;
  /** Name (Kandji: device name contains; JumpCloud: display name / hostname / serial search). */
  search?: string;
  /** Page size, clamped to the vendor maximum (Kandji 300, JumpCloud 100). Default: the maximum. */
  pageSize?: number;
}

/** Profiles, blueprints, devices (here) plus the fleet operations (fleetApi.ts; capabilities() says which exist). */
export interface TenantApi extends FleetApi {
  readonly kind: VendorKind;
  /** A cheap authenticated call to check the credentials. */
  verify(): Promise<Result<void>>;

  listProfiles(): Promise<Result<LibraryItem[]>>;
  getProfile(id: string): Promise<Result<LibraryItemWithContent>>;
  /** One POST; after an ambiguous failure it re-reads by name before any second POST: never duplicates. */
  createProfile(upload: ProfileUpload): Promise<Result<LibraryItemWithContent>>;
  /** Re-reads first and answers `conflict` when the remote moved on from `known` (updated_at or hash), unless `force`. */
  updateProfile(id: string, upload: Partial<ProfileUpload>, known?: KnownRemote, force?: boolean): Promise<Result<LibraryItemWithContent>>;
  deleteProfile(id: string): Promise<Result<void>>;
  setActive(id: string, active: boolean): Promise<Result<LibraryItem>>;
  profileStatus(id: string): Promise<Result<ProfileStatus[]>>;
  /** History of the item (Kandji activity; JumpCloud policy results), newest first, at most `limit` entries. */
  profileActivity(id: string, limit?: number): Promise<Result<ActivityEntry[]>>;

  listBlueprints(): Promise<Result<Blueprint[]>>;
  blueprintItems(blueprintId: string): Promise<Result<LibraryItem[]>>;
  assignmentNodes(blueprintId: string): Promise<Result<AssignmentNode[]>>;
  assign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>>;
  unassign(blueprintId: string, itemId: string, nodeId?: string): Promise<Result<void>>;

  /** One page per call; pass `next` back as `cursor` (allDevices() in index.ts follows it to the end). */
  listDevices(query: DeviceQuery, cursor?: string): Promise<Result<Page<Device>>>;
  getDevice(id: string): Promise<Result<DeviceDetails>>;
  deviceProfiles(id: string): Promise<Result<ProfileStatus[]>>;
  /** The actions this vendor offers for the device's platform. */
  deviceActions(device: Device): DeviceActionSpec[];
  /** Params use the spec's neutral names; they are checked before sending. Never retried. */
  runDeviceAction(deviceId: string, action: string, params?: Record<string, string>): Promise<Result<DeviceActionResult>>;

  /** A URL to open the item in the vendor's web console, if known. */
  webUrl(target: { kind: 'profile' | 'blueprint' | 'device'; id: string }): string | undefined;
}
