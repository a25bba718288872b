// Kandji wire shapes rendered from the neutral state (field names per ../shared/api/kandji.md §5.1, §7.1, §8.2).
import { intParam, json, type SimRequest, type SimResponse } from './httpKit';
import { iso, type SimBlueprint, type SimCommand, type SimDevice, type SimItem, type SimStatusRow, type TenantState } from './state';

export const MDM_IDENTIFIER_PREFIX = 'com.kandji.profile.custom.';
/** Type string of custom profiles in device/blueprint listings (unverified upstream; likely this). */
export const CUSTOM_PROFILE_TYPE = 'custom-profile';
export const MAX_PAGE = 300;

export function profileJson(item: SimItem): Record<string, unknown> {
  return {
    id: item.id,
    name: item.name,
    active: item.active,
    profile: item.profile ?? '',
    mdm_identifier: MDM_IDENTIFIER_PREFIX + item.id,
    runs_on_mac: item.runsOn.mac,
    runs_on_iphone: item.runsOn.iphone,
    runs_on_ipad: item.runsOn.ipad,
    runs_on_tv: item.runsOn.tv,
    runs_on_vision: item.runsOn.vision,
    runs_on_android: item.runsOn.android,
    runs_on_windows: item.runsOn.windows,
    created_at: iso(item.createdAt),
    updated_at: iso(item.updatedAt),
  };
}

export function blueprintJson(bp: SimBlueprint, state: TenantState): Record<string, unknown> {
  return {
    id: bp.id,
    name: bp.name,
    icon: bp.icon,
    color: bp.color,
    description: bp.description,
    params: {},
    computers_count: state.membersOf(bp.id).size,
    enrollment_code: { code: bp.enrollmentCode.code, is_active: bp.enrollmentCode.isActive },
    type: bp.type === 'map' ? 'map' : 'classic',
  };
}

/** `2024-01-26 16:15:36.087016+00:00`: the enrollment timestamps use a space and an offset. */
const spaced = (ms: number): string => iso(ms).replace('T', ' ').replace('Z', '+00:00');

const MISSING_AFTER_MS = 30 * 24 * 3600 * 1000;

export function deviceJson(d: SimDevice, state: TenantState): Record<string, unknown> {
  const bp = d.groupIds[0] ? state.blueprints.get(d.groupIds[0]) : undefined;
  return {
    device_id: d.id,
    device_name: d.name,
    model: d.model,
    serial_number: d.serial,
    platform: d.platform,
    os_version: d.osVersion,
    supplemental_build_version: '',
    supplemental_os_version_extra: '',
    last_check_in: iso(d.lastCheckIn),
    user: d.user ? { email: d.user.email, name: d.user.name, id: d.user.id, is_archived: false } : '',
    asset_tag: d.assetTag,
    blueprint_id: bp?.id ?? null,
    blueprint_name: bp?.name ?? null,
    mdm_enabled: true,
    agent_installed: d.platform === 'Mac',
    is_missing: state.now() - d.lastCheckIn > MISSING_AFTER_MS,
    is_removed: false,
    agent_version: d.platform === 'Mac' ? d.agentVersion : '',
    first_enrollment: spaced(d.firstEnrollment),
    last_enrollment: spaced(d.firstEnrollment),
    lost_mode_status: d.lostMode ? 'ENABLED' : '',
    tags: d.tags,
  };
}

const LOGS: Partial<Record<SimStatusRow['status'], string>> = {
  failed: 'The profile could not be installed: the device rejected a payload.',
  success: 'Profile installed.',
  PASS: 'Audit passed.',
  ERROR: 'Audit failed: remediation did not complete.',
  EXCLUDED: 'Excluded by an assignment rule.',
  INCOMPATIBLE: 'Not compatible with this device or OS version.',
};

export function statusRowJson(row: SimStatusRow, state: TenantState): Record<string, unknown> {
  const item = state.items.get(row.itemId);
  const device = state.deviceById.get(row.deviceId);
  const bp = device?.groupIds[0] ? state.blueprints.get(device.groupIds[0]) : undefined;
  const log = LOGS[row.status] ?? '';
  return {
    id: row.seq,
    item_id: row.itemId,
    name: item?.name ?? '',
    type: item?.kind === 'other' ? (item.otherType ?? 'unknown') : CUSTOM_PROFILE_TYPE,
    status: row.status,
    reported_at: iso(row.since),
    log,
    last_audit_run: null,
    last_audit_log: null,
    control_log: null,
    control_reported_at: null,
    computer: { id: row.deviceId, name: device?.name ?? '' },
    blueprint: bp ? { id: bp.id, name: bp.name } : null,
    rules_present: false,
  };
}

export function commandJson(cmd: SimCommand): Record<string, unknown> {
  return {
    uuid: cmd.uuid,
    command_type: cmd.type,
    request_type: cmd.type,
    status: cmd.status,
    attempts: 1,
    date_requested: iso(cmd.requestedAt),
    date_completed: cmd.completedAt !== undefined ? iso(cmd.completedAt) : null,
    last_pushed: iso(cmd.requestedAt),
    error_chain: [],
    metadata: {},
    request_requires_network_tether: false,
    user: null,
    priority: 0,
  };
}

export interface PageWindow {
  limit: number;
  offset: number;
}

/** DRF LimitOffset: absent or invalid limit = default; larger than max = max. */
export function pageWindow(req: SimRequest, defaultLimit: number, maxLimit = MAX_PAGE): PageWindow {
  const limit = intParam(req, 'limit');
  const offset = intParam(req, 'offset');
  return {
    limit: typeof limit === 'number' && limit > 0 ? Math.min(limit, maxLimit) : defaultLimit,
    offset: typeof offset === 'number' ? offset : 0,
  };
}

/** Style A envelope `{count, next, previous, results}` with absolute links like DRF builds them. */
export function envelope<T>(req: SimRequest, all: readonly T[], win: PageWindow, render: (t: T) => unknown, linkOrigin?: string): Record<string, unknown> {
  const { limit, offset } = win;
  const link = (newOffset: number | undefined): string => {
    const q = new URLSearchParams(req.query);
    q.set('limit', String(limit));
    if (newOffset === undefined || newOffset <= 0) q.delete('offset');
    else q.set('offset', String(newOffset));
    return `${linkOrigin ?? req.origin}${req.path}?${q.toString()}`;
  };
  return {
    count: all.length,
    next: offset + limit < all.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(offset - limit) : null,
    results: all.slice(offset, offset + limit).map(render),
  };
}

export function pageResponse<T>(req: SimRequest, all: readonly T[], win: PageWindow, render: (t: T) => unknown, linkOrigin?: string): SimResponse {
  return json(200, envelope(req, all, win, render, linkOrigin));
}
