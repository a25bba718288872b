// Deterministic demo tenant: same seed and base time, same tenant, for either vendor. Sizes follow the
// issue: 12 blueprints (maps among them), 40 custom profiles, 10,000 devices on five platforms.
import { CUSTOM_PROFILE_TEMPLATE_ID, REDISPATCH_FIELD_ID, templateByName } from './jumpcloudCatalog';
import { demoProfile } from './demoProfiles';
import { rewrite } from './kandjiRoutes';
import { hex, intBetween, newId, pick, seededRandom, type Random } from './ids';
import {
  runsOnPlatform, type WirePlatform, type WireRunsOn, type SimBlueprint, type SimDevice, type SimItem, type SimStatusRow, type SimUser, type SimulatorData, type SimulatedVendor,
} from './state';

export interface DemoOptions {
  seed?: number;
  /** "Now" of the generated tenant (ms); check-ins and enrollments lie before it. */
  baseTime?: number;
  devices?: number;
  profiles?: number;
}

export const DEMO_SEED = 20261123;
export const DEMO_SIZES = { blueprints: 12, profiles: 40, devices: 10_000 } as const;

const DAY = 24 * 3600 * 1000;

interface BlueprintPlan {
  name: string;
  type: 'classic' | 'map';
  platforms: WirePlatform[];
  weight: number;
  nodes?: string[];
  description: string;
  icon: string;
  color: string;
}

const BLUEPRINTS: BlueprintPlan[] = [
  { name: 'Default Blueprint', type: 'classic', platforms: ['Mac', 'iPhone', 'iPad'], weight: 2, description: 'Catch-all for new enrollments.', icon: 'ss-files', color: 'aqua-800' },
  { name: 'Engineering Macs', type: 'map', platforms: ['Mac'], weight: 6, nodes: ['Start', 'Apple silicon', 'macOS 15 or later'], description: 'Developer laptops and build machines.', icon: 'ss-laptop', color: 'blue-700' },
  { name: 'Design Studio', type: 'classic', platforms: ['Mac', 'iPad'], weight: 3, description: 'Creative team workstations.', icon: 'ss-paintbrush', color: 'purple-600' },
  { name: 'Sales Laptops', type: 'map', platforms: ['Mac'], weight: 4, nodes: ['Start', 'Region is EMEA'], description: 'Field sales MacBooks.', icon: 'ss-briefcase', color: 'green-700' },
  { name: 'Executive Devices', type: 'classic', platforms: ['Mac', 'iPhone', 'iPad'], weight: 1, description: 'Leadership team, white-glove support.', icon: 'ss-star', color: 'yellow-600' },
  { name: 'Kiosk iPads', type: 'classic', platforms: ['iPad'], weight: 3, description: 'Single-app lobby and retail kiosks.', icon: 'ss-tablet', color: 'orange-600' },
  { name: 'Field iPhones', type: 'map', platforms: ['iPhone'], weight: 5, nodes: ['Start'], description: 'Company-owned iPhones.', icon: 'ss-phone', color: 'teal-700' },
  { name: 'Conference Rooms', type: 'classic', platforms: ['AppleTV'], weight: 1, description: 'Apple TV in meeting rooms.', icon: 'ss-tv', color: 'grey-700' },
  { name: 'Vision Pro Lab', type: 'classic', platforms: ['Vision'], weight: 1, description: 'Spatial computing pilot.', icon: 'ss-glasses', color: 'pink-600' },
  { name: 'Loaners', type: 'classic', platforms: ['Mac', 'iPad'], weight: 1, description: 'Short-term loan pool.', icon: 'ss-refresh', color: 'red-600' },
  { name: 'Staging', type: 'map', platforms: ['Mac'], weight: 1, nodes: ['Start', 'Enrolled in the last 7 days', 'Pilot serial numbers'], description: 'Pilot ring for new settings.', icon: 'ss-flask', color: 'indigo-600' },
  { name: 'Finance and Legal', type: 'classic', platforms: ['Mac', 'iPhone'], weight: 2, description: 'Regulated teams with stricter controls.', icon: 'ss-lock', color: 'navy-800' },
];

const PLATFORM_SHARE: [WirePlatform, number][] = [['Mac', 0.55], ['iPhone', 0.25], ['iPad', 0.14], ['AppleTV', 0.04], ['Vision', 0.02]];

const MODELS: Record<WirePlatform, string[]> = {
  Mac: ['MacBook Pro (14-inch, M3 Pro, Nov 2023)', 'MacBook Pro (16-inch, M4 Max, 2024)', 'MacBook Air (13-inch, M2, 2022)', 'MacBook Air (15-inch, M3, 2024)', 'iMac (24-inch, M4, 2024)', 'Mac mini (M4, 2024)', 'Mac Studio (M2 Max, 2023)', 'MacBook Pro (16-inch, 2019, Intel)'],
  iPhone: ['iPhone 16 Pro', 'iPhone 16', 'iPhone 15', 'iPhone 15 Pro Max', 'iPhone 14', 'iPhone SE (3rd generation)'],
  iPad: ['iPad Pro 11-inch (M4)', 'iPad Air 13-inch (M2)', 'iPad (10th generation)', 'iPad mini (A17 Pro)'],
  AppleTV: ['Apple TV 4K (3rd generation)', 'Apple TV 4K (2nd generation)'],
  Vision: ['Apple Vision Pro'],
};

const OS_VERSIONS: Record<WirePlatform, string[]> = {
  Mac: ['15.3.1', '15.3', '15.2', '15.1.1', '14.7.4', '14.7.2', '13.7.4'],
  iPhone: ['18.3.1', '18.3', '18.2', '17.7.2'],
  iPad: ['18.3.1', '18.3', '18.2', '17.7.2'],
  AppleTV: ['18.3', '18.2'],
  Vision: ['2.3', '2.2'],
};

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Nils', 'Olu', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Vik', 'Wen', 'Xavi', 'Yara', 'Zoe'];
const LAST = ['Adler', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Tanaka', 'Urban', 'Varga', 'Weber', 'Xu', 'Young', 'Zimmer'];
const TAGS = ['Pilot', 'Remote', 'VIP', 'Loaner', 'Lab', 'Contractor'];
const SERIAL_CHARS = 'BCDFGHJKLMNPQRTVWXYZ0123456789';
const NAME_SUFFIXES = ['Lab', 'Sales', 'Executive', 'Loaners', 'Staging', 'Kiosk'];

const KANDJI_OTHER: { name: string; type: string }[] = [
  { name: 'Google Chrome', type: 'automatic-app' },
  { name: 'Slack', type: 'automatic-app' },
  { name: 'Acme VPN Installer', type: 'custom-app' },
  { name: 'Set computer name from serial', type: 'custom-script' },
  { name: 'macOS Sequoia', type: 'macos-release' },
  { name: 'Avert: Protect', type: 'threat-security-policy' },
];

const JUMPCLOUD_OTHER: { name: string; template: string; values: { name: string; value: string }[] }[] = [
  { name: 'Lock screen after 5 minutes', template: 'lock_screen_darwin', values: [{ name: 'timeout', value: '5' }] },
  { name: 'Disable guest account', template: 'disable_guest_account_darwin', values: [] },
  { name: 'Screensaver after 10 minutes', template: 'screensaver_darwin', values: [{ name: 'idleTime', value: '600' }] },
];

function serial(rnd: Random, platform: WirePlatform, model: string): string {
  let s = platform === 'Mac' && model.includes('Intel') ? 'C02' : '';
  while (s.length < (s.startsWith('C02') ? 12 : 10)) s += SERIAL_CHARS[Math.floor(rnd() * SERIAL_CHARS.length)];
  return s;
}

function udid(rnd: Random): string {
  return `0000${hex(rnd, 4)}-${hex(rnd, 16)}`.toUpperCase();
}

function weighted<T>(rnd: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

export function generateDemo(vendor: SimulatedVendor, options: DemoOptions = {}): SimulatorData {
  const seed = options.seed ?? DEMO_SEED;
  const base = options.baseTime ?? Date.UTC(2026, 10, 1);
  const rnd = seededRandom(seed);
  const id = (atMs: number): string => newId(vendor, rnd, atMs);

  // Library: custom profiles plus a few other item kinds.
  const items: SimItem[] = [];
  const names = new Set<string>();
  const profileCount = options.profiles ?? DEMO_SIZES.profiles;
  for (let i = 0; i < profileCount; i++) {
    const p = demoProfile(rnd, i);
    let name = p.name;
    for (let k = 0; names.has(name); k++) name = `${p.name} (${NAME_SUFFIXES[k % NAME_SUFFIXES.length]}${k >= NAME_SUFFIXES.length ? ` ${k}` : ''})`;
    names.add(name);
    const createdAt = base - intBetween(rnd, 30, 700) * DAY;
    const updatedAt = createdAt + intBetween(rnd, 0, 25) * DAY;
    const itemId = id(createdAt);
    const item: SimItem = { id: itemId, name, kind: 'profile', active: i % 10 !== 9, runsOn: p.runsOn, createdAt, updatedAt, profile: p.xml };
    if (vendor === 'kandji') item.profile = rewrite(p.xml, itemId, name);
    else {
      const tpl = p.runsOn.mac ? templateByName('custom_mdm_profile_darwin')! : templateByName('custom_mdm_profile_iphone')!;
      item.active = true;
      item.templateId = tpl.id;
      item.runsOn = { mac: tpl.osMetaFamily === 'darwin', iphone: tpl.osMetaFamily === 'ios', ipad: tpl.osMetaFamily === 'ios', tv: false, vision: false, android: false, windows: false };
      item.notes = 'managed by Profile Studio';
      item.values = [{ configFieldID: tpl.configFields[0]!.id, value: Buffer.from(p.xml).toString('base64') }];
      if (tpl.id === CUSTOM_PROFILE_TEMPLATE_ID) item.values.push({ configFieldID: REDISPATCH_FIELD_ID, value: 'true' });
    }
    items.push(item);
  }
  const noRuns: WireRunsOn = { mac: true, iphone: false, ipad: false, tv: false, vision: false, android: false, windows: false };
  if (vendor === 'kandji') {
    for (const o of KANDJI_OTHER) {
      const createdAt = base - intBetween(rnd, 30, 700) * DAY;
      items.push({ id: id(createdAt), name: o.name, kind: 'other', otherType: o.type, active: true, runsOn: noRuns, createdAt, updatedAt: createdAt });
    }
  } else {
    for (const o of JUMPCLOUD_OTHER) {
      const tpl = templateByName(o.template)!;
      const createdAt = base - intBetween(rnd, 30, 700) * DAY;
      const values = o.values.map((v) => ({ configFieldID: tpl.configFields.find((f) => f.name === v.name)!.id, value: v.value }));
      items.push({ id: id(createdAt), name: o.name, kind: 'other', otherType: o.template, templateId: tpl.id, active: true, runsOn: noRuns, createdAt, updatedAt: createdAt, values });
    }
  }

  // Blueprints / system groups, each with the profiles that fit its platforms.
  const blueprints: SimBlueprint[] = BLUEPRINTS.map((plan) => {
    const createdAt = base - intBetween(rnd, 200, 900) * DAY;
    const bpId = id(createdAt);
    const nodes = vendor === 'kandji' && plan.type === 'map' ? (plan.nodes ?? ['Start']).map((name) => ({ id: newId('kandji', rnd, createdAt), name })) : [];
    const fits = items.filter((it) => it.kind === 'profile' && plan.platforms.some((p) => runsOnPlatform(it.runsOn, p)));
    const chosen = fits.filter(() => rnd() < 0.3).slice(0, 10);
    if (chosen.length === 0 && fits[0]) chosen.push(fits[0]);
    const others = items.filter((it) => it.kind === 'other' && plan.platforms.includes('Mac') && rnd() < 0.5);
    const assigned = [...chosen, ...others].map((it) => (nodes.length > 0 ? { itemId: it.id, nodeId: rnd() < 0.7 ? nodes[0]!.id : pick(rnd, nodes).id } : { itemId: it.id }));
    return {
      id: bpId, name: plan.name, type: vendor === 'kandji' ? plan.type : 'group', description: plan.description, icon: plan.icon, color: plan.color,
      enrollmentCode: { code: String(intBetween(rnd, 100000, 999999)), isActive: rnd() < 0.8 }, nodes, items: assigned, createdAt,
    };
  });

  // People and devices.
  const users: SimUser[] = Array.from({ length: 2400 }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const n = Math.floor(i / (FIRST.length * LAST.length));
    const email = `${first}.${last}${n ? n + 1 : ''}@acme.example`.toLowerCase();
    return { id: newId('kandji', rnd, base), name: `${first} ${last}`, email };
  });
  const byPlatform = new Map<WirePlatform, [SimBlueprint, number][]>();
  for (const [platform] of PLATFORM_SHARE) {
    byPlatform.set(platform, BLUEPRINTS.map((plan, i) => [blueprints[i]!, plan.platforms.includes(platform) ? plan.weight : 0] as [SimBlueprint, number]).filter(([, w]) => w > 0));
  }
  const devices: SimDevice[] = [];
  const deviceCount = options.devices ?? DEMO_SIZES.devices;
  const counters = new Map<string, number>();
  for (let i = 0; i < deviceCount; i++) {
    const platform = weighted(rnd, PLATFORM_SHARE);
    const bp = weighted(rnd, byPlatform.get(platform)!);
    const model = pick(rnd, MODELS[platform]);
    const shared = platform === 'AppleTV' || platform === 'Vision' || bp.name === 'Kiosk iPads' || bp.name === 'Loaners';
    const user = shared || rnd() < 0.05 ? null : pick(rnd, users);
    const n = (counters.get(bp.name) ?? 0) + 1;
    counters.set(bp.name, n);
    const name = user
      ? `${user.name.split(' ')[0]}'s ${model.split(' (')[0]}`
      : platform === 'AppleTV' ? `Room ${100 + n}` : platform === 'Vision' ? `Vision Lab ${String(n).padStart(2, '0')}` : `${bp.name.split(' ')[0]!.toUpperCase()}-${platform.toUpperCase()}-${String(n).padStart(3, '0')}`;
    const recent = rnd() < 0.93;
    const lastCheckIn = base - (recent ? Math.floor(rnd() * DAY * 2) : intBetween(rnd, 3, 60) * DAY);
    const firstEnrollment = base - intBetween(rnd, 1, 900) * DAY + Math.floor(rnd() * DAY);
    const deviceId = id(firstEnrollment);
    devices.push({
      id: deviceId, name, platform, model, serial: serial(rnd, platform, model), osVersion: pick(rnd, OS_VERSIONS[platform]), user, groupIds: [bp.id],
      lastCheckIn, firstEnrollment, assetTag: rnd() < 0.7 ? `ACME-${String(intBetween(rnd, 10000, 99999))}` : '',
      tags: rnd() < 0.2 ? [pick(rnd, TAGS)] : [], udid: udid(rnd), agentVersion: platform === 'Mac' ? pick(rnd, ['5.1.0', '5.0.4', '4.9.2']) : '',
      ...(vendor === 'jumpcloud' ? { mdmDeviceId: id(firstEnrollment) } : {}),
    });
  }
  // A few Macs sit in a second system group on JumpCloud (groups can overlap there).
  if (vendor === 'jumpcloud') {
    const finance = blueprints.find((b) => b.name === 'Finance and Legal')!;
    for (const d of devices) if (d.platform === 'Mac' && d.groupIds[0] !== finance.id && rnd() < 0.03) d.groupIds.push(finance.id);
  }

  // One status row per (assigned active profile, device on a platform it runs on).
  const itemById = new Map(items.map((i) => [i.id, i]));
  const bpById = new Map(blueprints.map((b) => [b.id, b]));
  const statuses: SimStatusRow[] = [];
  let seq = 0;
  for (const d of devices) {
    const seen = new Set<string>();
    for (const g of d.groupIds) {
      for (const a of bpById.get(g)!.items) {
        const item = itemById.get(a.itemId)!;
        if (seen.has(item.id) || !item.active || !runsOnPlatform(item.runsOn, d.platform)) continue;
        // Kandji lists every library item per device; JumpCloud results here are for profile policies only.
        if (item.kind !== 'profile' && vendor !== 'kandji') continue;
        seen.add(item.id);
        const r = rnd();
        const status: SimStatusRow['status'] = item.kind === 'profile'
          ? (r < 0.9 ? 'success' : r < 0.96 ? 'pending' : 'failed')
          : (r < 0.8 ? 'PASS' : r < 0.88 ? 'PENDING' : r < 0.92 ? 'ERROR' : r < 0.96 ? 'EXCLUDED' : 'INCOMPATIBLE');
        const since = Math.max(item.updatedAt, d.lastCheckIn - Math.floor(rnd() * DAY));
        statuses.push({ seq: ++seq, itemId: item.id, deviceId: d.id, status, since, startedAt: since, outcome: status === 'failed' ? 'failed' : 'success' });
      }
    }
  }

  const activity = items.map((it, i) => ({ id: i + 1, itemId: it.id, time: it.createdAt, type: 'library_item_created' as const, details: null }));
  return { vendor, items, blueprints, devices, statuses, directBindings: [], commands: [], activity };
}

