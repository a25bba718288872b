// profile-studio ade | tags | users | threats | vulns | licensing. Vendor records (threats, vulnerabilities)
// print with the vendor's field names under --json; our own types (tags, users, ADE) with neutral names.
import type { ApiError, Page, Result, VendorRecord } from '../../../tenant/src/api';
import type { TenantUser } from '../../../tenant/src/api/fleetApi';
import { apiFailure, printJson, printTable, streamJsonPages, usageError, type TenantCommand } from '../command';
import { ExitCode, type CliIo } from '../io';
import { notFound } from './lookup';

const json = { name: 'json', kind: 'flag' as const, help: 'print JSON' };
const str = (v: unknown): string => (v === null || v === undefined ? '-' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/** Every page: streamed as JSON, or printed as a table of the chosen vendor fields. */
async function recordList(
  io: CliIo, jsonOut: boolean, what: string, fetch: (cursor?: string) => Promise<Result<Page<VendorRecord>>>, columns: [string, string][],
): Promise<number> {
  if (jsonOut) {
    const r = await streamJsonPages(io, fetch);
    return r.ok ? ExitCode.ok : apiFailure(io, what, r.error);
  }
  const rows: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    if (!page.ok) return apiFailure(io, what, page.error);
    rows.push(...page.value.items.map((r) => columns.map(([, key]) => str(r[key]))));
    cursor = page.value.next;
  } while (cursor !== undefined);
  printTable(io, columns.map(([h]) => h), rows);
  return ExitCode.ok;
}

export const adeIntegrations: TenantCommand = {
  spec: { command: 'ade integrations', summary: 'Automated Device Enrollment integrations (ABM/ASM tokens).', positionals: [], options: [json] },
  async run(args, { io, api }) {
    const r = await api.adeIntegrations();
    if (!r.ok) return apiFailure(io, 'Listing ADE integrations', r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else printTable(io, ['ID', 'DEVICES', 'EXPIRES', 'NAME'], r.value.map((i) => [i.id, str(i.deviceCount), i.expiresAt ?? '-', i.name]));
    return ExitCode.ok;
  },
};

export const adeDevices: TenantCommand = {
  spec: { command: 'ade devices', summary: 'Devices assigned through ADE, every page.', positionals: [], options: [{ name: 'integration', kind: 'value', meta: 'ID', help: 'only this integration' }, json] },
  async run(args, { io, api }) {
    const integration = args.values.get('integration');
    const fetch = (c?: string) => api.adeDevices(integration, c);
    if (args.flags.has('json')) {
      const r = await streamJsonPages(io, fetch);
      return r.ok ? ExitCode.ok : apiFailure(io, 'Listing ADE devices', r.error);
    }
    const rows: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await fetch(cursor);
      if (!page.ok) return apiFailure(io, 'Listing ADE devices', page.error);
      rows.push(...page.value.items.map((d) => [d.id, d.serial, d.family ?? '-', d.blueprintName ?? '-', d.model ?? '-']));
      cursor = page.value.next;
    } while (cursor !== undefined);
    printTable(io, ['ID', 'SERIAL', 'FAMILY', 'BLUEPRINT', 'MODEL'], rows);
    return ExitCode.ok;
  },
};

export const adeDevice: TenantCommand = {
  spec: { command: 'ade device', summary: 'One ADE device.', positionals: [{ name: 'ade-device-id', required: true }], options: [json] },
  async run(args, { io, api }) {
    const r = await api.adeDevice(args.positionals[0]!);
    if (!r.ok) return apiFailure(io, `Reading ADE device ${args.positionals[0]}`, r.error);
    if (args.flags.has('json')) { printJson(io, r.value); return ExitCode.ok; }
    printTable(io, ['FIELD', 'VALUE'], Object.entries(r.value).map(([k, v]) => [k, str(v)]));
    return ExitCode.ok;
  },
};

export const tagsList: TenantCommand = {
  spec: { command: 'tags list', summary: 'Device tags.', positionals: [], options: [{ name: 'search', kind: 'value', meta: 'TEXT', help: 'name contains TEXT' }, json] },
  async run(args, { io, api }) {
    const r = await api.listTags(args.values.get('search'));
    if (!r.ok) return apiFailure(io, 'Listing tags', r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else printTable(io, ['ID', 'NAME'], r.value.map((t) => [t.id, t.name]));
    return ExitCode.ok;
  },
};

export const tagsCreate: TenantCommand = {
  spec: { command: 'tags create', summary: 'Create a tag.', positionals: [{ name: 'name', required: true }], options: [json] },
  async run(args, { io, api }) {
    const name = args.positionals[0]!.trim();
    if (!name) return usageError(io, this.spec, 'the tag name is empty');
    const r = await api.createTag(name);
    if (!r.ok) return apiFailure(io, `Creating tag "${name}"`, r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else io.stdout(`Created tag ${r.value.name} (${r.value.id})\n`);
    return ExitCode.ok;
  },
};

export const tagsRename: TenantCommand = {
  spec: { command: 'tags rename', summary: 'Rename a tag.', positionals: [{ name: 'id', required: true }, { name: 'name', required: true }], options: [] },
  async run(args, { io, api }) {
    const [id, name] = args.positionals as [string, string];
    if (!name.trim()) return usageError(io, this.spec, 'the new name is empty');
    const r = await api.renameTag(id, name.trim());
    if (!r.ok) return apiFailure(io, `Renaming tag ${id}`, r.error);
    io.stdout(`Renamed tag ${id} to ${r.value.name}\n`);
    return ExitCode.ok;
  },
};

export const tagsDelete: TenantCommand = {
  spec: { command: 'tags delete', summary: 'Delete a tag. Needs --yes.', positionals: [{ name: 'id', required: true }], options: [{ name: 'yes', kind: 'flag', help: 'confirm' }] },
  async run(args, { io, api }) {
    if (!api.capabilities().offered.has('tags')) return apiFailure(io, 'Deleting a tag', { kind: 'not-offered', capability: 'tags', message: `tags is not offered by ${api.capabilities().vendorName}` });
    if (!args.flags.has('yes')) return usageError(io, this.spec, 'deleting a tag needs --yes');
    const r = await api.deleteTag(args.positionals[0]!);
    if (!r.ok) return apiFailure(io, `Deleting tag ${args.positionals[0]}`, r.error);
    io.stdout(`Deleted tag ${args.positionals[0]}\n`);
    return ExitCode.ok;
  },
};

export const usersList: TenantCommand = {
  spec: { command: 'users list', summary: 'Users of the tenant, every page.', positionals: [], options: [json] },
  async run(args, { io, api }) {
    if (args.flags.has('json')) {
      const r = await streamJsonPages(io, (c) => api.listUsers(c));
      return r.ok ? ExitCode.ok : apiFailure(io, 'Listing users', r.error);
    }
    const rows: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await api.listUsers(cursor);
      if (!page.ok) return apiFailure(io, 'Listing users', page.error);
      rows.push(...page.value.items.map((u) => [u.id, u.email ?? '-', str(u.deviceCount), u.name]));
      cursor = page.value.next;
    } while (cursor !== undefined);
    printTable(io, ['ID', 'EMAIL', 'DEVICES', 'NAME'], rows);
    return ExitCode.ok;
  },
};

export const usersShow: TenantCommand = {
  spec: { command: 'users show', summary: 'One user.', positionals: [{ name: 'id', required: true }], options: [json] },
  async run(args, ctx) {
    const { io, api } = ctx;
    const id = args.positionals[0]!;
    const r = await api.getUser(id);
    if (!r.ok) return r.error.kind === 'not-found' ? notFound(ctx, 'user', id, `Reading user ${id}`) : apiFailure(io, `Reading user ${id}`, r.error);
    if (args.flags.has('json')) { printJson(io, r.value); return ExitCode.ok; }
    printTable(io, ['FIELD', 'VALUE'], Object.entries(r.value).map(([k, v]) => [k, str(v)]));
    return ExitCode.ok;
  },
};

export const usersDelete: TenantCommand = {
  spec: {
    command: 'users delete', summary: 'Delete a user from the tenant (Kandji: only a user with no devices). Needs --yes.',
    positionals: [{ name: 'id', required: true, help: 'user id (`profile-studio users list` shows them)' }],
    options: [{ name: 'yes', kind: 'flag', help: 'confirm the deletion' }],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const id = args.positionals[0]!;
    const caps = api.capabilities();
    if (!caps.offered.has('delete-user')) return apiFailure(io, 'Deleting a user', { kind: 'not-offered', capability: 'delete-user', message: `delete-user is not offered by ${caps.vendorName}` });
    if (!args.flags.has('yes')) return usageError(io, this.spec, 'deleting a user needs --yes');
    // Read first: an unknown id gets the close match, and the messages can name the user.
    const user = await api.getUser(id);
    if (!user.ok) return user.error.kind === 'not-found' ? notFound(ctx, 'user', id, `Deleting user ${id}`) : apiFailure(io, `Reading user ${id}`, user.error);
    const who = userLabel(user.value);
    const r = await api.deleteUser(id);
    if (r.ok) { io.stdout(`Deleted user ${who}\n`); return ExitCode.ok; }
    if (r.error.kind === 'not-found') return notFound(ctx, 'user', id, `Deleting user ${who}`);
    return apiFailure(io, `Deleting user ${who}`, r.error, stillAssignedHint(r.error, caps.vendorName, user.value.deviceCount));
  },
};

const userLabel = (u: TenantUser): string => `${u.name || u.id}${u.email && u.email !== u.name ? ` <${u.email}>` : ''} (${u.id})`;

/** Kandji answers 400 "User still assigned to one or more devices." for a user who has devices: say what to do. */
function stillAssignedHint(error: ApiError, vendorName: string, deviceCount: number | undefined): string | undefined {
  if (error.kind !== 'invalid' || !/assigned/i.test(error.message)) return undefined;
  const rule = `${vendorName} deletes only users who have no devices`;
  const fix = `to another user (or none) in ${vendorName}, then delete again`;
  if (!deviceCount) return `${rule}: assign this user's devices ${fix}`;
  return `${rule}, and this one has ${deviceCount}: assign ${deviceCount === 1 ? 'that device' : 'those devices'} ${fix}`;
}

export const threatsList: TenantCommand = {
  spec: { command: 'threats list', summary: 'Threat details (malware and PUP), every page; --json keeps the vendor fields.', positionals: [], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), 'Listing threats', (c) => api.threats(c),
    [['DETECTED', 'detection_date'], ['CLASS', 'classification'], ['STATUS', 'status'], ['DEVICE', 'device_name'], ['THREAT', 'threat_name']]),
};

export const threatsBehavioral: TenantCommand = {
  spec: { command: 'threats behavioral', summary: 'Behavioral detections, every page; --json keeps the vendor fields.', positionals: [], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), 'Listing behavioral detections', (c) => api.behavioralDetections(c),
    [['DETECTED', 'detection_date'], ['CLASS', 'classification'], ['DEVICE', 'device_name'], ['FAMILY', 'malware_family']]),
};

export const vulnsList: TenantCommand = {
  spec: { command: 'vulns list', summary: 'Vulnerabilities (CVEs) found in the fleet.', positionals: [], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), 'Listing vulnerabilities', (c) => api.vulnerabilities(c),
    [['CVE', 'cve_id'], ['SEVERITY', 'severity'], ['CVSS', 'cvss_score'], ['DEVICES', 'device_count'], ['SOFTWARE', 'software']]),
};

export const vulnsDetections: TenantCommand = {
  spec: { command: 'vulns detections', summary: 'Every vulnerability detection (device × CVE), every page.', positionals: [], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), 'Listing detections', (c) => api.vulnerabilityDetections(c),
    [['CVE', 'cve_id'], ['SEVERITY', 'cvss_severity'], ['DEVICE', 'device_name'], ['SOFTWARE', 'name']]),
};

const cve = { name: 'cve-id', required: true };

export const vulnsShow: TenantCommand = {
  spec: { command: 'vulns show', summary: 'One vulnerability and its description.', positionals: [cve], options: [json] },
  async run(args, { io, api }) {
    const r = await api.vulnerability(args.positionals[0]!);
    if (!r.ok) return apiFailure(io, `Reading ${args.positionals[0]}`, r.error);
    if (args.flags.has('json')) { printJson(io, r.value); return ExitCode.ok; }
    printTable(io, ['FIELD', 'VALUE'], Object.entries(r.value).map(([k, v]) => [k, str(v)]));
    return ExitCode.ok;
  },
};

export const vulnsDevices: TenantCommand = {
  spec: { command: 'vulns devices', summary: 'Devices a vulnerability affects, every page.', positionals: [cve], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), `Listing the devices ${args.positionals[0]} affects`, (c) => api.vulnerabilityDevices(args.positionals[0]!, c),
    [['DEVICE ID', 'device_id'], ['OS', 'os_version'], ['SERIAL', 'serial_number'], ['NAME', 'name']]),
};

export const vulnsApps: TenantCommand = {
  spec: { command: 'vulns apps', summary: 'Apps a vulnerability affects.', positionals: [cve], options: [json] },
  run: (args, { io, api }) => recordList(io, args.flags.has('json'), `Listing the apps ${args.positionals[0]} affects`, (c) => api.vulnerabilityApps(args.positionals[0]!, c),
    [['DEVICES', 'num_devices'], ['BUNDLE ID', 'bundle_id'], ['NAME', 'name']]),
};

export const licensing: TenantCommand = {
  spec: { command: 'licensing', summary: 'License counts and limits.', positionals: [], options: [json] },
  async run(args, { io, api }) {
    const r = await api.licensing();
    if (!r.ok) return apiFailure(io, 'Reading licensing', r.error);
    if (args.flags.has('json')) { printJson(io, r.value.raw); return ExitCode.ok; }
    printTable(io, ['USED', 'LIMIT', 'WHAT'], r.value.counts.map((c) => [String(c.used), c.total !== undefined ? String(c.total) : '-', c.label]));
    if (r.value.tier) io.stdout(`Plan: ${r.value.tier}\n`);
    return ExitCode.ok;
  },
};
