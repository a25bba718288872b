// profile-studio devices list | show | action
import { DEVICE_PLATFORMS as PLATFORMS, type Device } from '../../../tenant/src/api/tenantApi';
import { apiFailure, listFailure, printJson, printTable, streamJsonPages, usageError, type TenantCommand } from '../command';
import { didYouMean } from '../failure';
import { ExitCode, progressReporter } from '../io';
import { actionHelp, unknownParam } from './deviceActions';
import { notFound } from './lookup';

export const devicesList: TenantCommand = {
  spec: {
    command: 'devices list', summary: 'List devices, every page, optionally filtered.', positionals: [],
    options: [
      { name: 'platform', kind: 'value', meta: 'Mac|iPhone|iPad|AppleTV|Vision', help: 'only this platform' },
      { name: 'blueprint', kind: 'value', meta: 'ID', help: 'only devices in this blueprint' },
      { name: 'search', kind: 'value', meta: 'TEXT', help: 'name contains TEXT (JumpCloud: name, hostname or serial)' },
      { name: 'json', kind: 'flag', help: 'print a JSON array, streamed page by page' },
    ],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const platformArg = args.values.get('platform');
    const platform = PLATFORMS.find((p) => p.toLowerCase() === platformArg?.toLowerCase());
    if (platformArg !== undefined && !platform) return usageError(io, this.spec, `--platform must be one of ${PLATFORMS.join(', ')}${didYouMean(platformArg, PLATFORMS)}`);
    const blueprintId = args.values.get('blueprint');
    const search = args.values.get('search')?.trim();
    if (search === '') return usageError(io, this.spec, '--search needs some text');
    // An unknown blueprint would filter everything out: an empty table that looks like an answer.
    if (blueprintId !== undefined) {
      const blueprints = await api.listBlueprints();
      if (!blueprints.ok) return listFailure(ctx, 'Listing blueprints', blueprints.error);
      if (!blueprints.value.some((b) => b.id.toLowerCase() === blueprintId.toLowerCase())) return notFound(ctx, 'blueprint', blueprintId, 'Listing devices');
    }
    const query = { ...(platform ? { platform } : {}), ...(blueprintId ? { blueprintId } : {}), ...(search ? { search } : {}) };
    if (args.flags.has('json')) {
      // Streamed page by page: a 100,000-device tenant never sits in memory.
      const r = await streamJsonPages(io, (cursor) => api.listDevices(query, cursor));
      return r.ok ? ExitCode.ok : apiFailure(io, 'Listing devices', r.error);
    }
    const progress = progressReporter(io);
    const devices: Device[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.listDevices(query, cursor);
      if (!page.ok) { progress.done(); return listFailure(ctx, 'Listing devices', page.error); }
      devices.push(...page.value.items);
      cursor = page.value.next;
      progress.update(`devices: ${devices.length}${page.value.total !== undefined ? ` of ${page.value.total}` : ''}`);
    } while (cursor !== undefined);
    progress.done();
    printTable(io, ['ID', 'PLATFORM', 'OS', 'SERIAL', 'NAME'], devices.map((d) => [d.id, d.platform, d.osVersion ?? '-', d.serial ?? '-', d.name]));
    return ExitCode.ok;
  },
};

export const devicesShow: TenantCommand = {
  spec: {
    command: 'devices show', summary: 'Show a device, its facts and its profile statuses.',
    positionals: [{ name: 'id', required: true }],
    options: [{ name: 'json', kind: 'flag', help: 'print JSON {device, profiles}' }],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const id = args.positionals[0]!;
    const device = await api.getDevice(id);
    if (!device.ok) return device.error.kind === 'not-found' ? notFound(ctx, 'device', id, `Reading device ${id}`) : apiFailure(io, `Reading device ${id}`, device.error);
    const profiles = await api.deviceProfiles(id);
    if (!profiles.ok) return apiFailure(io, `Reading the profile statuses of device ${id}`, profiles.error);
    if (args.flags.has('json')) { printJson(io, { device: device.value, profiles: profiles.value }); return ExitCode.ok; }
    const d = device.value;
    const rows: [string, string | undefined][] = [
      ['Name', d.name], ['ID', d.id], ['Platform', d.platform], ['Model', d.model], ['OS', d.osVersion], ['Serial', d.serial],
      ['Blueprint', d.blueprintName ?? d.blueprintId], ['User', d.user], ['Last check-in', d.lastCheckIn],
      ...Object.entries(d.facts),
    ];
    printTable(io, ['FIELD', 'VALUE'], rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== ''));
    if (profiles.value.length > 0) {
      io.stdout('\n');
      printTable(io, ['STATUS', 'ITEM', 'DETAIL'], profiles.value.map((p) => [p.status, p.itemName ?? p.itemId ?? '-', p.detail ?? '']));
    }
    return ExitCode.ok;
  },
};

export const devicesAction: TenantCommand = {
  spec: {
    command: 'devices action', summary: 'Send a device action (MDM command). Destructive ones need --yes.',
    positionals: [{ name: 'device-id', required: true }, { name: 'action', required: true, help: 'one of the actions below' }],
    options: [
      { name: 'param', kind: 'repeat', meta: 'name=value', help: 'action parameter (repeatable; names as listed below, case-sensitive)' },
      { name: 'yes', kind: 'flag', help: 'confirm a destructive action' },
    ],
  },
  helpNotes: actionHelp,
  async run(args, ctx) {
    const { io, api } = ctx;
    const [id, action] = args.positionals as [string, string];
    const params: Record<string, string> = {};
    for (const p of args.lists.get('param') ?? []) {
      const eq = p.indexOf('=');
      if (eq <= 0) return usageError(io, this.spec, `--param needs name=value, got "${p}"`);
      params[p.slice(0, eq)] = p.slice(eq + 1);
    }
    const device = await api.getDevice(id);
    if (!device.ok) return device.error.kind === 'not-found' ? notFound(ctx, 'device', id, `Reading device ${id}`) : apiFailure(io, `Reading device ${id}`, device.error);
    const specs = api.deviceActions(device.value);
    const spec = specs.find((s) => s.id.toLowerCase() === action.toLowerCase());
    if (!spec) return usageError(io, this.spec, `"${action}" is not an action for this ${device.value.platform}${didYouMean(action, specs.map((s) => s.id))} (one of: ${specs.map((s) => s.id).join(', ')})`);
    const unknown = unknownParam(spec, params);
    if (unknown) return usageError(io, this.spec, unknown);
    const missing = (spec.params ?? []).filter((p) => p.required && params[p.name] === undefined).map((p) => p.name);
    if (missing.length > 0) return usageError(io, this.spec, `${spec.id} needs --param ${missing.map((m) => `${m}=...`).join(' --param ')}`);
    if (spec.destructive && !args.flags.has('yes')) return usageError(io, this.spec, `${spec.id} is destructive; confirm with --yes`);
    const result = await api.runDeviceAction(id, spec.id, params);
    if (!result.ok) return apiFailure(io, `${spec.label} on ${device.value.name}`, result.error);
    io.stdout(`${spec.label}: sent to ${device.value.name}${result.value.message ? ` (${result.value.message})` : ''}\n`);
    if (result.value.pin) io.stdout(`PIN: ${result.value.pin}\n`);
    return ExitCode.ok;
  },
};
