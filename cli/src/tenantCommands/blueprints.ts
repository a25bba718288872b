// profile-studio blueprints list | items | assign | remove
import type { ApiError } from '../../../tenant/src/api';
import { apiFailure, listFailure, printJson, printTable, usageError, type TenantCommand, type TenantContext } from '../command';
import type { CommandSpec } from '../args';
import { ExitCode } from '../io';
import { notFound } from './lookup';
import { profileJson } from './profiles';

/** Where a map's node ids are: Kandji has no API listing them (docs/cli.md, "Assignment nodes"). */
export const NODE_ID_HINT = 'Kandji\'s API cannot list assignment nodes: in the Kandji web app, open the blueprint\'s assignment map and hold the Option key to show each node\'s id';

export const blueprintsList: TenantCommand = {
  spec: {
    command: 'blueprints list', summary: 'List blueprints (JumpCloud: system groups).', positionals: [],
    options: [{ name: 'json', kind: 'flag', help: 'print a JSON array of {id, name, kind, ...}' }],
  },
  async run(args, ctx) {
    const listed = await ctx.api.listBlueprints();
    if (!listed.ok) return listFailure(ctx, 'Listing blueprints', listed.error);
    if (args.flags.has('json')) printJson(ctx.io, listed.value);
    else printTable(ctx.io, ['ID', 'KIND', 'DEVICES', 'NAME'], listed.value.map((b) => [b.id, b.kind, b.deviceCount === undefined ? '-' : String(b.deviceCount), b.name]));
    return ExitCode.ok;
  },
};

export const blueprintsItems: TenantCommand = {
  spec: {
    command: 'blueprints items', summary: 'List the library items assigned to a blueprint.',
    positionals: [{ name: 'blueprint-id', required: true }],
    options: [{ name: 'json', kind: 'flag', help: 'print a JSON array' }],
  },
  async run(args, ctx) {
    const id = args.positionals[0]!;
    const items = await ctx.api.blueprintItems(id);
    if (!items.ok) return items.error.kind === 'not-found' ? notFound(ctx, 'blueprint', id, `Listing the items of blueprint ${id}`) : apiFailure(ctx.io, `Listing the items of blueprint ${id}`, items.error);
    if (args.flags.has('json')) printJson(ctx.io, items.value.map((i) => ({ ...profileJson(i), kind: i.kind ?? 'custom-profile' })));
    else printTable(ctx.io, ['ID', 'KIND', 'ACTIVE', 'NAME'], items.value.map((i) => [i.id, i.kind ?? 'custom-profile', i.active ? 'yes' : 'no', i.name]));
    return ExitCode.ok;
  },
};

const nodeOption = { name: 'node', kind: 'value' as const, meta: 'NODE', help: 'assignment node id (Kandji map blueprints with conditions need one; classic ones refuse it; JumpCloud has none)' };
const assignmentNotes = [
  'Assignment nodes: ' + NODE_ID_HINT + '.',
];

/** Why an assignment failed, with the map hint only when the blueprint is a map and no node was given. */
async function assignmentFailure(ctx: TenantContext, what: string, blueprintId: string, itemId: string, node: string | undefined, error: ApiError): Promise<number> {
  if (error.kind === 'not-found') {
    // Either id may be the unknown one: name the blueprint first when it is not there.
    const blueprints = await ctx.api.listBlueprints();
    if (blueprints.ok && !blueprints.value.some((b) => b.id.toLowerCase() === blueprintId.toLowerCase())) return notFound(ctx, 'blueprint', blueprintId, what);
    return notFound(ctx, 'profile', itemId, what);
  }
  apiFailure(ctx.io, what, error);
  if (node === undefined && error.kind === 'invalid') {
    const blueprints = await ctx.api.listBlueprints();
    const blueprint = blueprints.ok ? blueprints.value.find((b) => b.id.toLowerCase() === blueprintId.toLowerCase()) : undefined;
    if (blueprint?.kind === 'map') ctx.io.stderr(`\`${blueprint.name}\` is an assignment map: choose the node with --node <assignment node id>. ${NODE_ID_HINT}.\n`);
  }
  return ExitCode.failed;
}

function assignment(verb: 'assign' | 'remove'): TenantCommand {
  const spec: CommandSpec = {
    command: `blueprints ${verb}`,
    summary: verb === 'assign' ? 'Assign a library item to a blueprint.' : 'Remove a library item from a blueprint.',
    positionals: [{ name: 'blueprint-id', required: true }, { name: 'library-item-id', required: true }],
    options: [nodeOption],
    notes: assignmentNotes,
  };
  return {
    spec,
    async run(args, ctx) {
      const [blueprint, item] = args.positionals as [string, string];
      const node = args.values.get('node');
      if (node !== undefined && ctx.api.kind === 'jumpcloud') return usageError(ctx.io, spec, 'JumpCloud system groups have no assignment nodes; leave --node out');
      const done = verb === 'assign' ? await ctx.api.assign(blueprint, item, node) : await ctx.api.unassign(blueprint, item, node);
      const what = verb === 'assign' ? `Assigning ${item} to blueprint ${blueprint}` : `Removing ${item} from blueprint ${blueprint}`;
      if (!done.ok) return assignmentFailure(ctx, what, blueprint, item, node, done.error);
      ctx.io.stdout(verb === 'assign' ? `Assigned ${item} to blueprint ${blueprint}\n` : `Removed ${item} from blueprint ${blueprint}\n`);
      return ExitCode.ok;
    },
  };
}

export const blueprintsAssign = assignment('assign');
export const blueprintsRemove = assignment('remove');
