// profile-studio profiles list | push | pull | delete
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { isCustomProfileItem, RUNS_ON_PLATFORMS, type LibraryItem, type RunsOn } from '../../../tenant/src/api/tenantApi';
import { getString, parsePlist } from '../../../server/src/core';
import type { ParsedArgs } from '../args';
import { apiFailure, listFailure, printJson, printTable, usageError, type TenantCommand, type TenantContext } from '../command';
import { fileProblem } from '../failure';
import { ExitCode } from '../io';
import { lintErrors } from '../pushLint';
import { checkFolder } from '../folders';
import { notFound } from './lookup';
import { infoBeside, knownRemote, pullTarget, recordRemote, type InfoFile } from './pulledInfo';

const PLATFORMS = RUNS_ON_PLATFORMS;

function runsOnList(runsOn: RunsOn): string[] {
  return PLATFORMS.filter((p) => runsOn[p]);
}

export function profileJson(item: LibraryItem): Record<string, unknown> {
  return {
    id: item.id, name: item.name, active: item.active, runsOn: runsOnList(item.runsOn),
    ...(item.mdmIdentifier ? { mdmIdentifier: item.mdmIdentifier } : {}),
    ...(item.createdAt ? { createdAt: item.createdAt } : {}),
    ...(item.updatedAt ? { updatedAt: item.updatedAt } : {}),
  };
}

export const profilesList: TenantCommand = {
  spec: {
    command: 'profiles list', summary: 'List the custom profiles in the tenant.', positionals: [],
    options: [{ name: 'json', kind: 'flag', help: 'print a JSON array of {id, name, active, runsOn, ...}' }],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const listed = await api.listProfiles();
    if (!listed.ok) return listFailure(ctx, 'Listing profiles', listed.error);
    const items = listed.value.filter(isCustomProfileItem);
    if (args.flags.has('json')) printJson(io, items.map(profileJson));
    else printTable(io, ['ID', 'ACTIVE', 'RUNS ON', 'NAME'], items.map((i) => [i.id, i.active ? 'yes' : 'no', runsOnList(i.runsOn).join(',') || '-', i.name]));
    return ExitCode.ok;
  },
};

function parseRunsOn(values: string[] | undefined): { ok: true; value?: Partial<RunsOn> } | { ok: false; message: string } {
  if (!values) return { ok: true };
  const out: Partial<RunsOn> = Object.fromEntries(PLATFORMS.map((p) => [p, false]));
  for (const v of values) {
    const p = v.toLowerCase() as keyof RunsOn;
    if (!PLATFORMS.includes(p)) return { ok: false, message: `--runs-on: unknown platform "${v}"; use ${PLATFORMS.join(',')}` };
    out[p] = true;
  }
  if (!PLATFORMS.some((p) => out[p])) return { ok: false, message: '--runs-on needs at least one platform' };
  return { ok: true, value: out };
}

function displayName(bytes: Uint8Array): string | undefined {
  const doc = parsePlist(new TextDecoder().decode(bytes));
  return doc.root?.kind === 'dict' ? getString(doc.root, 'PayloadDisplayName')?.trim() || undefined : undefined;
}

export const profilesPush: TenantCommand = {
  spec: {
    command: 'profiles push', summary: 'Create a custom profile, or update the one with --id or else the one whose name matches. Lints first.',
    positionals: [{ name: 'file', required: true, help: 'the .mobileconfig to upload' }],
    options: [
      { name: 'name', kind: 'value', meta: 'NAME', help: 'library item name (default: the profile\'s PayloadDisplayName)' },
      { name: 'id', kind: 'value', meta: 'ID', help: 'update this library item' },
      { name: 'active', kind: 'flag', help: 'make it active (Kandji only: on JumpCloud a profile is active where it is assigned to a group)' },
      { name: 'inactive', kind: 'flag', help: 'make it inactive' },
      { name: 'runs-on', kind: 'list', meta: 'mac,iphone,ipad,tv,vision', help: 'platforms (default for a new profile: mac)' },
      { name: 'force', kind: 'flag', help: 'push despite lint errors, and overwrite a tenant profile that changed since it was pulled' },
      { name: 'json', kind: 'flag', help: 'print {id, name, created}' },
    ],
    notes: [
      'When an info.yaml (or .yml/.json/.plist) from `profiles pull` or `sync` sits beside the file, push updates the',
      'profile it records (unless --id/--name say otherwise) and refuses (exit 1) if that profile changed in the tenant',
      'since it was pulled; --force overwrites. The info file is updated after a push. Without it, a push by id or',
      'name cannot check for remote changes: it overwrites whatever the tenant holds.',
      'JumpCloud has no active flag: a policy is active where it is bound to a system group. --active is refused there;',
      'assign the profile with `profile-studio blueprints assign <group-id> <id>` instead (--inactive removes every binding).',
    ],
  },
  async run(args, ctx) {
    const { io } = ctx;
    if (args.flags.has('active') && args.flags.has('inactive')) return usageError(io, this.spec, '--active and --inactive exclude each other');
    // JumpCloud would accept the flag and ignore it: refuse, and say what activates a policy there.
    if (args.flags.has('active') && ctx.api.kind === 'jumpcloud') {
      return usageError(io, this.spec, '--active has no meaning on JumpCloud: a policy is active where it is bound to a system group. '
        + 'Push without --active, then `profile-studio blueprints assign <group-id> <profile-id>` (groups: `profile-studio blueprints list`)');
    }
    const runsOn = parseRunsOn(args.lists.get('runs-on'));
    if (!runsOn.ok) return usageError(io, this.spec, runsOn.message);
    const path = resolve(io.cwd, args.positionals[0]!);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      io.stderr(`Cannot read ${args.positionals[0]}: ${fileProblem(error)}\n`);
      return ExitCode.usage;
    }
    const errors = await lintErrors(bytes, args.positionals[0]!);
    if (errors.length > 0) {
      io.stderr(`${errors.join('\n')}\n`);
      if (!args.flags.has('force')) {
        io.stderr(`Not pushed: ${errors.length} lint error${errors.length === 1 ? '' : 's'}. Fix them, or push anyway with --force.\n`);
        return ExitCode.failed;
      }
    }
    const beside = await infoBeside(path);
    if (beside.kind === 'error') { io.stderr(`${beside.message}\n`); return ExitCode.failed; }
    if (beside.kind === 'ignored') io.stderr(`warning: ${beside.reason}\n`);
    const info = beside.kind === 'found' ? beside.file : undefined;
    // A pulled profile keeps its tenant name unless --name renames it (its PayloadDisplayName may differ).
    const recorded = info && !args.values.has('id') ? info.info.name : undefined;
    const name = args.values.get('name') ?? recorded ?? displayName(bytes) ?? basename(path).replace(/\.mobileconfig$/i, '');
    const active = args.flags.has('active') ? true : args.flags.has('inactive') ? false : undefined;
    return push(ctx, args, { bytes, fileName: basename(path), name, active, runsOn: runsOn.value, info });
  },
};

/** Quotes a path for a command line the user may paste. */
const shellWord = (s: string): string => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

interface PushInput { bytes: Uint8Array; fileName: string; name: string; active: boolean | undefined; runsOn: Partial<RunsOn> | undefined; info: InfoFile | undefined }

async function push(ctx: TenantContext, args: ParsedArgs, input: PushInput): Promise<number> {
  const { io, api } = ctx;
  const recordedId = input.info?.info.id;
  let targetId = args.values.get('id') ?? (args.values.has('name') ? undefined : recordedId);
  if (targetId === undefined) {
    const listed = await api.listProfiles();
    if (!listed.ok) return listFailure(ctx, 'Listing profiles', listed.error);
    const same = listed.value.filter((i) => isCustomProfileItem(i) && i.name === input.name);
    if (same.length > 1) {
      io.stderr(`${same.length} profiles are named \`${input.name}\` (${same.map((i) => i.id).join(', ')}); choose one with --id.\n`);
      return ExitCode.failed;
    }
    targetId = same[0]?.id;
  }
  // The info file describes the target when it records its id, or no id yet (a folder not pushed before).
  const info = input.info && (recordedId === undefined || recordedId === targetId) ? input.info : undefined;
  if (input.info && !info) io.stderr(`warning: ${input.info.path} records profile ${recordedId}, not ${targetId ?? 'a new one'}: not checking for remote changes, leaving it as is\n`);
  const known = info && recordedId !== undefined ? knownRemote(info.info) : undefined;
  const upload = { name: input.name, file: input.bytes, fileName: input.fileName };
  const result = targetId === undefined
    ? await api.createProfile({ ...upload, active: input.active ?? true, runsOn: input.runsOn ?? { mac: true } })
    : await api.updateProfile(targetId, {
      ...upload, ...(input.active !== undefined ? { active: input.active } : {}), ...(input.runsOn ? { runsOn: input.runsOn } : {}),
    }, known, args.flags.has('force'));
  if (!result.ok && result.error.kind === 'conflict' && info) {
    const again = `profile-studio profiles pull ${targetId} --out ${shellWord(relative(io.cwd, dirname(dirname(info.path))) || '.')}`;
    io.stderr(`Not pushed: conflict. ${result.error.message}.\n`
      + `Either take the tenant's version with \`${again}\` (it replaces your local file: keep a copy of your edits), `
      + 'or overwrite the tenant\'s version with `profiles push --force`.\n');
    return ExitCode.failed;
  }
  const source = info && targetId !== undefined && targetId === recordedId && !args.values.has('id') ? ` (id from ${basename(info.path)})` : '';
  if (!result.ok && result.error.kind === 'not-found' && targetId !== undefined) return notFound(ctx, 'profile', targetId, `Updating profile ${targetId}${source}`);
  if (!result.ok) return apiFailure(io, targetId === undefined ? 'Creating the profile' : `Updating profile ${targetId}${source}`, result.error);
  if (info) {
    try {
      await recordRemote(info, result.value);
    } catch (error) {
      io.stderr(`warning: pushed, but could not update ${info.path}: ${fileProblem(error)}; pull again before the next push\n`);
    }
  }
  const created = targetId === undefined;
  if (args.flags.has('json')) printJson(io, { id: result.value.id, name: result.value.name, created });
  else io.stdout(`${created ? 'Created' : 'Updated'} \`${result.value.name}\` (id ${result.value.id})\n`);
  if (created && api.kind === 'jumpcloud' && !args.flags.has('json')) {
    io.stdout(`It is inactive until bound to a system group: profile-studio blueprints assign <group-id> ${result.value.id}\n`);
  }
  return ExitCode.ok;
}

export const profilesPull: TenantCommand = {
  spec: {
    command: 'profiles pull', summary: 'Download a custom profile into DIR/<name>/ as <name>.mobileconfig plus info.yaml, and print the file\'s path.',
    positionals: [{ name: 'id', required: true, help: 'library item id' }],
    options: [{ name: 'out', kind: 'value', meta: 'DIR', help: 'folder to write into (default: the current folder)' }],
    notes: [
      'The folder is laid out like DIR/profiles/<folder>/ of `sync` (info.yaml: id, name, active, mdm_identifier,',
      'runs_on_*, created_at, updated_at, sync_hash), so `profiles push` of that file can tell whether the tenant',
      'changed since. Pulling the same id again refreshes the folder that records it.',
    ],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    const outArg = args.values.get('out') ?? '.';
    const out = resolve(io.cwd, outArg);
    // A file, or a folder we cannot write, is refused before any request.
    const folder = await checkFolder(out, outArg, { write: true, mayCreate: true });
    if (!folder.ok) return usageError(io, this.spec, `--out ${folder.message}`);
    const id = args.positionals[0]!;
    const got = await api.getProfile(id);
    if (!got.ok) return got.error.kind === 'not-found' ? notFound(ctx, 'profile', id, `Reading profile ${id}`) : apiFailure(io, `Reading profile ${id}`, got.error);
    const target = await pullTarget(out, got.value.id, got.value.name);
    if ('error' in target) { io.stderr(`${target.error}\n`); return ExitCode.failed; }
    const file = target.profilePath;
    try {
      await mkdir(target.folder, { recursive: true });
      await writeFile(file, got.value.profile);
      await recordRemote(target.info, got.value);
    } catch (error) {
      io.stderr(`Cannot write ${file}: ${fileProblem(error)}\n`);
      return ExitCode.usage;
    }
    io.stdout(`${file}\n`);
    return ExitCode.ok;
  },
};

export const profilesDelete: TenantCommand = {
  spec: {
    command: 'profiles delete', summary: 'Delete a custom profile from the tenant (asks for --yes).',
    positionals: [{ name: 'id', required: true, help: 'library item id' }],
    options: [{ name: 'yes', kind: 'flag', help: 'confirm the deletion' }],
  },
  async run(args, ctx) {
    const { io, api } = ctx;
    if (!args.flags.has('yes')) return usageError(io, this.spec, 'deleting needs --yes');
    const id = args.positionals[0]!;
    const deleted = await api.deleteProfile(id);
    if (!deleted.ok) return deleted.error.kind === 'not-found' ? notFound(ctx, 'profile', id, `Deleting profile ${id}`) : apiFailure(io, `Deleting profile ${id}`, deleted.error);
    io.stdout(`Deleted profile ${id}\n`);
    return ExitCode.ok;
  },
};
