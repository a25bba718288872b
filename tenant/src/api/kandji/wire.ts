// Kandji JSON as it arrives (../shared/api/kandji.md §2, §5-§9), checked at runtime. Unknown fields are ignored;
// fields newer payloads add (runs_on_android/windows) default to false.
import { asArray, asObject, optBool, optNumber, optString, reqString, type Json } from '../wireCheck';

export interface CustomProfileWire {
  id: string;
  name: string;
  active: boolean;
  profile: string;
  mdm_identifier?: string;
  runs_on_mac: boolean;
  runs_on_iphone: boolean;
  runs_on_ipad: boolean;
  runs_on_tv: boolean;
  runs_on_vision: boolean;
  created_at?: string;
  updated_at?: string;
}

export function customProfile(value: unknown): CustomProfileWire {
  const o = asObject(value, 'custom profile');
  return {
    id: reqString(o, 'id', 'custom profile'),
    name: reqString(o, 'name', 'custom profile'),
    active: optBool(o, 'active', true),
    profile: optString(o, 'profile') ?? '',
    mdm_identifier: optString(o, 'mdm_identifier'),
    runs_on_mac: optBool(o, 'runs_on_mac', false),
    runs_on_iphone: optBool(o, 'runs_on_iphone', false),
    runs_on_ipad: optBool(o, 'runs_on_ipad', false),
    runs_on_tv: optBool(o, 'runs_on_tv', false),
    runs_on_vision: optBool(o, 'runs_on_vision', false),
    created_at: optString(o, 'created_at'),
    updated_at: optString(o, 'updated_at'),
  };
}

/** Style A: DRF envelope `{count, next, previous, results}`. */
export interface EnvelopeWire {
  count?: number;
  next: string | null;
  results: unknown[];
}

export function envelope(value: unknown, what: string): EnvelopeWire {
  const o = asObject(value, `${what} page`);
  const next = o.next;
  return { count: optNumber(o, 'count'), next: typeof next === 'string' && next ? next : null, results: asArray(o.results, `${what} results`) };
}

export interface BlueprintWire {
  id: string;
  name: string;
  type: 'classic' | 'map';
  description?: string;
  computers_count?: number;
}

export function blueprint(value: unknown): BlueprintWire {
  const o = asObject(value, 'blueprint');
  return {
    id: reqString(o, 'id', 'blueprint'),
    name: reqString(o, 'name', 'blueprint'),
    type: o.type === 'map' ? 'map' : 'classic',
    description: optString(o, 'description'),
    computers_count: optNumber(o, 'computers_count'),
  };
}

export interface NamedRefWire {
  id: string;
  name: string;
}

export function namedRef(value: unknown, what: string): NamedRefWire {
  const o = asObject(value, what);
  return { id: reqString(o, 'id', what), name: optString(o, 'name') ?? '' };
}

export interface DeviceWire {
  device_id: string;
  device_name: string;
  platform: string;
  model?: string;
  serial_number?: string;
  os_version?: string;
  blueprint_id?: string;
  blueprint_name?: string;
  /** An object when assigned, `""` when not. */
  user?: string;
  last_check_in?: string;
  raw: Json;
}

export function device(value: unknown): DeviceWire {
  const o = asObject(value, 'device');
  const user = o.user && typeof o.user === 'object' ? (o.user as Json) : undefined;
  return {
    device_id: reqString(o, 'device_id', 'device'),
    device_name: optString(o, 'device_name') ?? '',
    platform: optString(o, 'platform') ?? '',
    model: optString(o, 'model'),
    serial_number: optString(o, 'serial_number'),
    os_version: optString(o, 'os_version'),
    blueprint_id: optString(o, 'blueprint_id'),
    blueprint_name: optString(o, 'blueprint_name'),
    user: user ? optString(user, 'email') ?? optString(user, 'name') : undefined,
    last_check_in: optString(o, 'last_check_in'),
    raw: o,
  };
}

/** Bare array of devices (style B). */
export function devices(value: unknown): DeviceWire[] {
  return asArray(value, 'device list').map(device);
}

export interface StatusRowWire {
  item_id?: string;
  name?: string;
  type?: string;
  status: string;
  reported_at?: string;
  log?: string;
  computer?: NamedRefWire;
}

export function statusRow(value: unknown): StatusRowWire {
  const o = asObject(value, 'status row');
  const computer = o.computer && typeof o.computer === 'object' ? namedRef(o.computer, 'status row computer') : undefined;
  return {
    item_id: optString(o, 'item_id'),
    name: optString(o, 'name'),
    type: optString(o, 'type'),
    status: optString(o, 'status') ?? '',
    reported_at: optString(o, 'reported_at'),
    log: optString(o, 'log'),
    computer,
  };
}

/** `{device_id, library_items: [...]}` (device library-items; un-paginated). */
export function deviceLibraryItems(value: unknown): StatusRowWire[] {
  const o = asObject(value, 'device library items');
  return asArray(o.library_items, 'device library items').map(statusRow);
}

/** Device details: sections of facts; we keep scalar leaves only. */
export function details(value: unknown): Json {
  return asObject(value, 'device details');
}

/** assign/remove answer: the ids now on the blueprint. */
export function idList(value: unknown): string[] {
  if (value === undefined) return [];
  return asArray(value, 'assignment answer').map((v) => (typeof v === 'string' ? v : String(v)));
}

/** Lock on a Mac answers `{"PIN": "123456"}`; other actions answer an empty body. */
export function actionAnswer(value: unknown): { pin?: string; message?: string } {
  if (value === undefined) return {};
  if (typeof value === 'string') return { message: value };
  const o = asObject(value, 'action answer');
  const pin = optString(o, 'PIN') ?? optString(o, 'pin');
  const message = optString(o, 'message') ?? optString(o, 'detail');
  return { ...(pin ? { pin } : {}), ...(message ? { message } : {}) };
}

export interface ActivityWire {
  activity_time: string;
  activity_type: string;
  user_email?: string;
  details: string[];
}

export function activity(value: unknown): ActivityWire {
  const o = asObject(value, 'activity');
  const details = Array.isArray(o.details) ? o.details.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))) : [];
  return { activity_time: optString(o, 'activity_time') ?? '', activity_type: optString(o, 'activity_type') ?? '', user_email: optString(o, 'user_email'), details };
}
