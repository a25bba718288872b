// profile-studio blueprints list | items | assign | remove
import { apiFailure, printJson, printTable, type TenantCommand } from '../command';
import { ExitCode } from '../io';
import { profileJson } from './profiles';

export const blueprintsList: TenantCommand = {
  spec: {
    command: 'blueprints list', summary: 'List blueprints (JumpCloud: system groups).', positionals: [],
    options: [{ name: 'json', kind: 'flag', help: 'print a JSON array of {id, name, kind, ...}' }],
  },
  async run(args, { io, api }) {
    const listed = await api.listBlueprints();
    if (!listed.ok) return apiFailure(io, 'Listing blueprints', listed.error);
    if (args.flags.has('json')) printJson(io, listed.value);
    else printTable(io, ['ID', 'KIND', 'DEVICES', 'NAME'], listed.value.map((b) => [b.id, b.kind, b.deviceCount === undefined ? '-' : String(b.deviceCount), b.name]));
    return ExitCode.ok;
  },
};

export const blueprintsItems: TenantCommand = {
  spec: {
    command: 'blueprints items', summary: 'List the library items assigned to a blueprint.',
    positionals: [{ name: 'blueprint-id', required: true }],
    options: [{ name: 'json', kind: 'flag', help: 'print a JSON array' }],
  },
  async run(args, { io, api }) {
    const items = await api.blueprintItems(args.positionals[0]!);
    if (!items.ok) return apiFailure(io, `Listing the items of blueprint ${args.positionals[0]}`, items.error);
    if (args.flags.has('json')) printJson(io, items.value.map((i) => ({ ...profileJson(i), kind: i.kind ?? 'custom-profile' })));
    else printTable(io, ['ID', 'KIND', 'ACTIVE', 'NAME'], items.value.map((i) => [i.id, i.kind ?? 'custom-profile', i.active ? 'yes' : 'no', i.name]));
    return ExitCode.ok;
  },
};

const nodeOption = { name: 'node', kind: 'value' as const, meta: 'NODE', help: 'assignment node id (Kandji map blueprints need one; classic ones refuse it)' };

export const blueprintsAssign: TenantCommand = {
  spec: {
    command: 'blueprints assign', summary: 'Assign a library item to a blueprint.',
    positionals: [{ name: 'blueprint-id', required: true }, { name: 'library-item-id', required: true }],
    options: [nodeOption],
  },
  async run(args, { io, api }) {
    const [blueprint, item] = args.positionals as [string, string];
    const node = args.values.get('node');
    const done = await api.assign(blueprint, item, node);
    if (!done.ok) {
      const code = apiFailure(io, `Assigning ${item} to blueprint ${blueprint}`, done.error);
      if (node === undefined && done.error.kind === 'invalid') io.stderr('Assignment-map blueprints need --node <assignment node id>.\n');
      return code;
    }
    io.stdout(`Assigned ${item} to blueprint ${blueprint}\n`);
    return ExitCode.ok;
  },
};

export const blueprintsRemove: TenantCommand = {
  spec: {
    command: 'blueprints remove', summary: 'Remove a library item from a blueprint.',
    positionals: [{ name: 'blueprint-id', required: true }, { name: 'library-item-id', required: true }],
    options: [nodeOption],
  },
  async run(args, { io, api }) {
    const [blueprint, item] = args.positionals as [string, string];
    const done = await api.unassign(blueprint, item, args.values.get('node'));
    if (!done.ok) return apiFailure(io, `Removing ${item} from blueprint ${blueprint}`, done.error);
    io.stdout(`Removed ${item} from blueprint ${blueprint}\n`);
    return ExitCode.ok;
  },
};
