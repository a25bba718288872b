// profile-studio devices secrets | apps | activity | commands | library-items | lost-mode | delete
import { SECRET_KINDS, SECRET_LABELS, type SecretKind } from '../../../tenant/src/api/fleetApi';
import { apiFailure, printJson, printTable, streamJsonPages, usageError, type TenantCommand } from '../command';
import { ExitCode } from '../io';

const id = { name: 'device-id', required: true };
const json = { name: 'json', kind: 'flag' as const, help: 'print JSON' };

export const devicesSecrets: TenantCommand = {
  spec: {
    command: 'devices secrets', summary: 'Print one device secret to stdout (never logged; the request log says "secret read").',
    positionals: [id, { name: 'kind', required: true, help: SECRET_KINDS.join('|') }], options: [json],
  },
  async run(args, { io, api }) {
    const [deviceId, kindArg] = args.positionals as [string, string];
    const kind = SECRET_KINDS.find((k) => k === kindArg.toLowerCase());
    if (!kind) return usageError(io, this.spec, `the secret must be one of ${SECRET_KINDS.join(', ')}, not "${kindArg}"`);
    const r = await api.deviceSecret(deviceId, kind as SecretKind);
    if (!r.ok) return apiFailure(io, `Reading the ${SECRET_LABELS[kind]} of device ${deviceId}`, r.error);
    if (args.flags.has('json')) printJson(io, { deviceId, kind, value: r.value.value });
    else io.stdout(`${r.value.value}\n`);
    return ExitCode.ok;
  },
};

export const devicesApps: TenantCommand = {
  spec: { command: 'devices apps', summary: "List a device's installed apps.", positionals: [id], options: [json] },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    const r = await api.deviceApps(deviceId);
    if (!r.ok) return apiFailure(io, `Listing the apps of device ${deviceId}`, r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else printTable(io, ['VERSION', 'BUNDLE ID', 'NAME'], r.value.map((a) => [a.version ?? '-', a.bundleId ?? '-', a.name]));
    return ExitCode.ok;
  },
};

export const devicesLibraryItems: TenantCommand = {
  spec: { command: 'devices library-items', summary: "List a device's library items with status (and log with --json).", positionals: [id], options: [json] },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    const r = await api.deviceLibraryItems(deviceId);
    if (!r.ok) return apiFailure(io, `Listing the library items of device ${deviceId}`, r.error);
    if (args.flags.has('json')) printJson(io, r.value);
    else printTable(io, ['STATUS', 'TYPE', 'REPORTED', 'NAME'], r.value.map((i) => [i.rawStatus || i.status, i.type, i.reportedAt ?? '-', i.name]));
    return ExitCode.ok;
  },
};

export const devicesActivity: TenantCommand = {
  spec: { command: 'devices activity', summary: "A device's activity history, newest first, every page.", positionals: [id], options: [json] },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    if (args.flags.has('json')) {
      const r = await streamJsonPages(io, (c) => api.deviceActivity(deviceId, c));
      return r.ok ? ExitCode.ok : apiFailure(io, `Reading the activity of device ${deviceId}`, r.error);
    }
    const rows: string[][] = [];
    for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
      const page = await api.deviceActivity(deviceId, cursor);
      if (!page.ok) return apiFailure(io, `Reading the activity of device ${deviceId}`, page.error);
      rows.push(...page.value.items.map((a) => [a.at, a.action, a.details]));
      cursor = page.value.next;
    }
    printTable(io, ['AT', 'ACTION', 'DETAILS'], rows);
    return ExitCode.ok;
  },
};

export const devicesCommands: TenantCommand = {
  spec: { command: 'devices commands', summary: "A device's MDM command history, every page.", positionals: [id], options: [json] },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    if (args.flags.has('json')) {
      const r = await streamJsonPages(io, (c) => api.deviceCommands(deviceId, c));
      return r.ok ? ExitCode.ok : apiFailure(io, `Reading the commands of device ${deviceId}`, r.error);
    }
    const rows: string[][] = [];
    for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
      const page = await api.deviceCommands(deviceId, cursor);
      if (!page.ok) return apiFailure(io, `Reading the commands of device ${deviceId}`, page.error);
      rows.push(...page.value.items.map((c) => [c.requestedAt ?? '-', c.status, c.type, c.error ?? '']));
      cursor = page.value.next;
    }
    printTable(io, ['REQUESTED', 'STATUS', 'TYPE', 'ERROR'], rows);
    return ExitCode.ok;
  },
};

export const devicesLostMode: TenantCommand = {
  spec: {
    command: 'devices lost-mode', summary: "Show a device's lost mode; --cancel --yes ends it.", positionals: [id],
    options: [{ name: 'cancel', kind: 'flag', help: 'cancel lost mode (needs --yes)' }, { name: 'yes', kind: 'flag', help: 'confirm --cancel' }, json],
  },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    if (args.flags.has('cancel')) {
      if (!args.flags.has('yes')) return usageError(io, this.spec, 'cancelling lost mode needs --yes');
      const r = await api.cancelLostMode(deviceId);
      if (!r.ok) return apiFailure(io, `Cancelling lost mode on device ${deviceId}`, r.error);
      if (args.flags.has('json')) printJson(io, { deviceId, cancelled: true });
      else io.stdout(`Lost mode cancelled on ${deviceId}\n`);
      return ExitCode.ok;
    }
    const r = await api.lostMode(deviceId);
    if (!r.ok) return apiFailure(io, `Reading the lost mode of device ${deviceId}`, r.error);
    if (args.flags.has('json')) { printJson(io, r.value); return ExitCode.ok; }
    const s = r.value;
    const rows: [string, string | undefined][] = [['Enabled', String(s.enabled)], ['Status', s.status || '-'], ['Message', s.message], ['Phone', s.phone], ['Footnote', s.footnote],
      ['Location', s.location ? `${s.location.latitude}, ${s.location.longitude}${s.location.at ? ` at ${s.location.at}` : ''}` : undefined]];
    printTable(io, ['FIELD', 'VALUE'], rows.filter((x): x is [string, string] => x[1] !== undefined));
    return ExitCode.ok;
  },
};

export const devicesDelete: TenantCommand = {
  spec: {
    command: 'devices delete', summary: 'Delete a device record from the tenant (it stops being managed). Needs --yes.', positionals: [id],
    options: [{ name: 'yes', kind: 'flag', help: 'confirm the deletion' }],
  },
  async run(args, { io, api }) {
    const deviceId = args.positionals[0]!;
    if (!api.capabilities().offered.has('delete-device')) return apiFailure(io, 'Deleting a device', { kind: 'not-offered', capability: 'delete-device', message: `delete-device is not offered by ${api.capabilities().vendorName}` });
    if (!args.flags.has('yes')) return usageError(io, this.spec, 'deleting a device needs --yes');
    const r = await api.deleteDevice(deviceId);
    if (!r.ok) return apiFailure(io, `Deleting device ${deviceId}`, r.error);
    io.stdout(`Deleted device ${deviceId}\n`);
    return ExitCode.ok;
  },
};
