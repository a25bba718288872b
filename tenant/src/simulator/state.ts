// In-memory tenant. Storage is vendor-neutral (items, groups, devices, per-device status rows); the
// route files render it as Kandji or JumpCloud wire objects. Everything is plain data so a tenant can be
// saved as JSON and loaded again (`--data FILE`).
import { hashString, newId, seededRandom, type Random } from './ids';

// The simulator plays the remote services, so its types are the vendors' wire vocabulary, not the client's
// domain types (tenant/src/api), which it must not import: a simulator that shares the client's types
// would agree with the client by construction.

/** Which service a simulated tenant answers as. */
export type SimulatedVendor = 'kandji' | 'jumpcloud';
/** Kandji's wire values of a device's `platform` (JumpCloud devices are mapped onto them when generated). */
export type WirePlatform = 'Mac' | 'iPhone' | 'iPad' | 'AppleTV' | 'Vision';
export const WIRE_PLATFORMS: readonly WirePlatform[] = ['Mac', 'iPhone', 'iPad', 'AppleTV', 'Vision'];

/** Kandji's `runs_on_*` flags of a library item, Android and Windows included as on the wire. */
export interface WireRunsOn {
  mac: boolean;
  iphone: boolean;
  ipad: boolean;
  tv: boolean;
  vision: boolean;
  android: boolean;
  windows: boolean;
}

export const RUNS_ON_KEYS = ['mac', 'iphone', 'ipad', 'tv', 'vision', 'android', 'windows'] as const;

export function runsOnPlatform(runsOn: WireRunsOn, platform: WirePlatform): boolean {
  switch (platform) {
    case 'Mac': return runsOn.mac;
    case 'iPhone': return runsOn.iphone;
    case 'iPad': return runsOn.ipad;
    case 'AppleTV': return runsOn.tv;
    case 'Vision': return runsOn.vision;
  }
}

/** A library item: a custom profile (Kandji) / a custom-profile policy (JumpCloud), or another kind. */
export interface SimItem {
  id: string;
  name: string;
  /** 'profile' = custom configuration profile; 'other' = any other library item / policy template. */
  kind: 'profile' | 'other';
  /** Kandji library item type (`custom-app`...) or JumpCloud template name for kind 'other'. */
  otherType?: string;
  /** The stored .mobileconfig text (profiles only). */
  profile?: string;
  active: boolean;
  runsOn: WireRunsOn;
  createdAt: number;
  updatedAt: number;
  /** JumpCloud: policy notes, template id and the policy's `values` exactly as sent (payload = base64). */
  notes?: string;
  templateId?: string;
  values?: { configFieldID: string; value: string; sensitive?: boolean }[];
}

export interface SimBlueprint {
  id: string;
  name: string;
  /** Kandji classic / assignment map; JumpCloud system group. */
  type: 'classic' | 'map' | 'group';
  description: string;
  icon: string;
  color: string;
  enrollmentCode: { code: string; isActive: boolean };
  /** Assignment-map nodes; the first is the root. More than one = conditional logic, node id required. */
  nodes: { id: string; name: string }[];
  items: { itemId: string; nodeId?: string }[];
  createdAt: number;
}

export interface SimUser {
  id: string;
  name: string;
  email: string;
}

export interface SimDevice {
  id: string;
  name: string;
  platform: WirePlatform;
  model: string;
  serial: string;
  osVersion: string;
  user: SimUser | null;
  /** Kandji: exactly one blueprint; JumpCloud: any number of system groups. */
  groupIds: string[];
  lastCheckIn: number;
  firstEnrollment: number;
  assetTag: string;
  tags: string[];
  udid: string;
  /** JumpCloud Apple MDM device id (differs from the system `_id`). */
  mdmDeviceId?: string;
  locked?: boolean;
  lostMode?: boolean;
  agentVersion: string;
}

/** Profiles report lower-case states; other Kandji library items upper-case audit states (kandji.md §6.2). */
export type RowStatus = 'pending' | 'success' | 'failed' | 'PASS' | 'PENDING' | 'ERROR' | 'EXCLUDED' | 'INCOMPATIBLE';

export interface SimStatusRow {
  seq: number;
  itemId: string;
  deviceId: string;
  status: RowStatus;
  /** When the current status was reached (ms). */
  since: number;
  startedAt: number;
  /** Pending rows settle to `outcome` at this time; undefined = wait for the device's next check-in. */
  settleAt?: number;
  outcome: 'success' | 'failed';
}

export interface SimCommand {
  uuid: string;
  deviceId: string;
  type: string;
  /** Kandji command status: 1 pending, 2 running, 3 completed, 4 failed, 5 NotNow. */
  status: 1 | 2 | 3 | 4 | 5;
  requestedAt: number;
  completedAt?: number;
  settleAt: number;
}

export interface SimActivity {
  id: number;
  itemId: string;
  time: number;
  type: 'library_item_created' | 'library_item_edited' | 'library_item_deleted' | 'library_item_assignment_changed';
  details: string[] | null;
}

/** A whole tenant as plain JSON-able data. */
export interface SimulatorData {
  vendor: SimulatedVendor;
  items: SimItem[];
  blueprints: SimBlueprint[];
  devices: SimDevice[];
  statuses: SimStatusRow[];
  /** JumpCloud direct policy → system edges. */
  directBindings: { itemId: string; deviceId: string }[];
  commands: SimCommand[];
  activity: SimActivity[];
}

export interface StateOptions {
  /** How long a new pending status row or command takes to settle (ms). Default 3000. */
  settleMs: number;
  /** Share of newly created status rows that end failed (0..1). Default 0. */
  failRate: number;
  seed: number;
}

export function emptyData(vendor: SimulatedVendor): SimulatorData {
  return { vendor, items: [], blueprints: [], devices: [], statuses: [], directBindings: [], commands: [], activity: [] };
}

export class TenantState {
  readonly vendor: SimulatedVendor;
  readonly items = new Map<string, SimItem>();
  readonly blueprints = new Map<string, SimBlueprint>();
  /** Devices in insertion order plus an index, so pages are array slices. */
  devices: SimDevice[] = [];
  readonly deviceById = new Map<string, SimDevice>();
  readonly groupMembers = new Map<string, Set<string>>();
  /** itemId → deviceId → row. */
  readonly rows = new Map<string, Map<string, SimStatusRow>>();
  readonly directBindings = new Map<string, Set<string>>();
  readonly commands: SimCommand[] = [];
  readonly activity: SimActivity[] = [];
  private seq = 0;
  private skewMs = 0;
  private frozenAt: number | undefined;
  private readonly rnd: Random;

  constructor(data: SimulatorData, readonly options: StateOptions) {
    this.vendor = data.vendor;
    this.rnd = seededRandom(options.seed ^ 0x5eed);
    for (const item of data.items) this.items.set(item.id, item);
    for (const bp of data.blueprints) {
      this.blueprints.set(bp.id, bp);
      this.groupMembers.set(bp.id, new Set());
    }
    for (const d of data.devices) this.insertDevice(d);
    for (const row of data.statuses) {
      this.rowsOf(row.itemId).set(row.deviceId, row);
      this.seq = Math.max(this.seq, row.seq);
    }
    for (const b of data.directBindings) this.bindingsOf(b.itemId).add(b.deviceId);
    this.commands.push(...data.commands);
    this.activity.push(...data.activity);
  }

  now(): number {
    return this.frozenAt ?? Date.now() + this.skewMs;
  }

  /** Moves the simulated clock forward: tests use it to settle pending rows without waiting. */
  advance(ms: number): void {
    this.skewMs += ms;
    if (this.frozenAt !== undefined) this.frozenAt += ms;
  }

  /** Stops the simulated clock (until `unfreeze`), so timing-dependent behaviour only moves with `advance`. */
  freeze(): void {
    this.frozenAt = this.now();
  }

  unfreeze(): void {
    if (this.frozenAt !== undefined) this.skewMs = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  newId(): string {
    return newId(this.vendor, this.rnd, this.now());
  }

  random(): number {
    return this.rnd();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  // ---- devices and groups ----

  insertDevice(d: SimDevice): void {
    this.devices.push(d);
    this.deviceById.set(d.id, d);
    for (const g of d.groupIds) this.membersOf(g).add(d.id);
  }

  membersOf(groupId: string): Set<string> {
    let set = this.groupMembers.get(groupId);
    if (!set) this.groupMembers.set(groupId, (set = new Set()));
    return set;
  }

  setDeviceGroups(device: SimDevice, groupIds: string[]): void {
    for (const g of device.groupIds) this.membersOf(g).delete(device.id);
    device.groupIds = [...new Set(groupIds)];
    for (const g of device.groupIds) this.membersOf(g).add(device.id);
    this.reconcileDevice(device);
  }

  removeDevice(id: string): void {
    const device = this.deviceById.get(id);
    if (!device) return;
    for (const g of device.groupIds) this.membersOf(g).delete(id);
    this.deviceById.delete(id);
    this.devices = this.devices.filter((d) => d.id !== id);
    for (const rows of this.rows.values()) rows.delete(id);
    for (const set of this.directBindings.values()) set.delete(id);
  }

  removeGroup(id: string, alsoDevices: boolean): void {
    const members = [...this.membersOf(id)];
    this.blueprints.delete(id);
    this.groupMembers.delete(id);
    if (alsoDevices) {
      const gone = new Set(members);
      this.devices = this.devices.filter((d) => !gone.has(d.id));
      for (const m of members) this.deviceById.delete(m);
      for (const rows of this.rows.values()) for (const m of members) rows.delete(m);
      return;
    }
    for (const m of members) {
      const d = this.deviceById.get(m);
      if (d) this.setDeviceGroups(d, d.groupIds.filter((g) => g !== id));
    }
  }

  // ---- items ----

  removeItem(id: string): void {
    this.items.delete(id);
    this.rows.delete(id);
    this.directBindings.delete(id);
    for (const bp of this.blueprints.values()) bp.items = bp.items.filter((a) => a.itemId !== id);
  }

  bindingsOf(itemId: string): Set<string> {
    let set = this.directBindings.get(itemId);
    if (!set) this.directBindings.set(itemId, (set = new Set()));
    return set;
  }

  itemIdsOnBlueprint(bp: SimBlueprint): string[] {
    return [...new Set(bp.items.map((a) => a.itemId))];
  }

  logActivity(itemId: string, type: SimActivity['type'], details: string[] | null): void {
    this.activity.push({ id: this.nextSeq(), itemId, time: this.now(), type, details });
  }

  // ---- status rows ----

  rowsOf(itemId: string): Map<string, SimStatusRow> {
    let map = this.rows.get(itemId);
    if (!map) this.rows.set(itemId, (map = new Map()));
    return map;
  }

  /** Settles a pending row whose time has come; call before every read. */
  settle(row: SimStatusRow): SimStatusRow {
    if (row.status === 'pending' && row.settleAt !== undefined && row.settleAt <= this.now()) {
      row.status = row.outcome;
      row.since = row.settleAt;
    }
    return row;
  }

  /** A device check-in installs everything pending for it. */
  checkIn(deviceId: string): void {
    const device = this.deviceById.get(deviceId);
    if (device) device.lastCheckIn = this.now();
    for (const rows of this.rows.values()) {
      const row = rows.get(deviceId);
      if (row && row.status === 'pending') {
        row.status = row.outcome;
        row.since = this.now();
      }
    }
  }

  private wantsItem(device: SimDevice, item: SimItem): boolean {
    if (item.kind !== 'profile' || !item.active || !runsOnPlatform(item.runsOn, device.platform)) return false;
    if (this.directBindings.get(item.id)?.has(device.id)) return true;
    return device.groupIds.some((g) => this.blueprints.get(g)?.items.some((a) => a.itemId === item.id));
  }

  private newRow(itemId: string, deviceId: string): SimStatusRow {
    const now = this.now();
    const failed = hashString(`${itemId}|${deviceId}`) / 4294967296 < this.options.failRate;
    return { seq: this.nextSeq(), itemId, deviceId, status: 'pending', since: now, startedAt: now, settleAt: now + this.options.settleMs, outcome: failed ? 'failed' : 'success' };
  }

  /** Brings the rows of one item in line with its assignments; `reinstall` re-queues every row (new content). */
  reconcileItem(itemId: string, reinstall = false): void {
    const item = this.items.get(itemId);
    const rows = this.rowsOf(itemId);
    if (!item) {
      this.rows.delete(itemId);
      return;
    }
    if (item.kind !== 'profile') return;
    const wanted = new Set<string>();
    if (item.kind === 'profile' && item.active) {
      const groups = this.blueprintsWith(itemId);
      for (const g of groups) for (const d of this.membersOf(g)) wanted.add(d);
      for (const d of this.directBindings.get(itemId) ?? []) wanted.add(d);
    }
    for (const deviceId of [...rows.keys()]) if (!wanted.has(deviceId)) rows.delete(deviceId);
    for (const deviceId of wanted) {
      const device = this.deviceById.get(deviceId);
      if (!device || !runsOnPlatform(item.runsOn, device.platform)) {
        rows.delete(deviceId);
        continue;
      }
      if (!rows.has(deviceId) || reinstall) rows.set(deviceId, this.newRow(itemId, deviceId));
    }
  }

  reconcileDevice(device: SimDevice): void {
    for (const item of this.items.values()) {
      // Rows of non-profile items are demo data only: nothing installs them, so they are left as they are.
      if (item.kind !== 'profile') continue;
      const rows = this.rowsOf(item.id);
      const wants = this.wantsItem(device, item);
      if (!wants) rows.delete(device.id);
      else if (!rows.has(device.id)) rows.set(device.id, this.newRow(item.id, device.id));
    }
  }

  blueprintsWith(itemId: string): string[] {
    const out: string[] = [];
    for (const bp of this.blueprints.values()) if (bp.items.some((a) => a.itemId === itemId)) out.push(bp.id);
    return out;
  }

  rowsForDevice(deviceId: string): SimStatusRow[] {
    const out: SimStatusRow[] = [];
    for (const rows of this.rows.values()) {
      const row = rows.get(deviceId);
      if (row) out.push(this.settle(row));
    }
    return out;
  }

  // ---- commands ----

  queueCommand(deviceId: string, type: string): SimCommand {
    const now = this.now();
    const cmd: SimCommand = { uuid: newId('kandji', this.rnd, now), deviceId, type, status: 1, requestedAt: now, settleAt: now + this.options.settleMs };
    this.commands.push(cmd);
    return cmd;
  }

  settleCommand(cmd: SimCommand): SimCommand {
    if (cmd.status === 1 && cmd.settleAt <= this.now()) {
      cmd.status = 3;
      cmd.completedAt = cmd.settleAt;
    }
    return cmd;
  }

  commandsFor(deviceId: string): SimCommand[] {
    return this.commands.filter((c) => c.deviceId === deviceId).map((c) => this.settleCommand(c));
  }

  toData(): SimulatorData {
    const statuses: SimStatusRow[] = [];
    for (const rows of this.rows.values()) for (const r of rows.values()) statuses.push(this.settle(r));
    const directBindings: SimulatorData['directBindings'] = [];
    for (const [itemId, set] of this.directBindings) for (const deviceId of set) directBindings.push({ itemId, deviceId });
    return {
      vendor: this.vendor,
      items: [...this.items.values()],
      blueprints: [...this.blueprints.values()],
      devices: this.devices,
      statuses,
      directBindings,
      commands: this.commands,
      activity: this.activity,
    };
  }

  counts(): { items: number; profiles: number; blueprints: number; devices: number; statusRows: number } {
    let statusRows = 0;
    for (const rows of this.rows.values()) statusRows += rows.size;
    const profiles = [...this.items.values()].filter((i) => i.kind === 'profile').length;
    return { items: this.items.size, profiles, blueprints: this.blueprints.size, devices: this.devices.length, statusRows };
  }
}

/** Kandji-style timestamp with six fractional digits; the last three are derived from the value (stable). */
export const iso = (ms: number): string => {
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 23)}${String((Math.floor(ms) * 631) % 1000).padStart(3, '0')}Z`;
};
