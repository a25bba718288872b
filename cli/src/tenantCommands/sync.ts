// profile-studio sync status|pull|push [DIR]: the repository layout of Kandji's sync toolkit against the tenant.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { nodeSyncFs } from '../../../tenant/src/sync/nodeSyncFs';
import { syncPull, syncPush, syncStatus, type SyncEntry, type SyncOptions, type SyncReport } from '../../../tenant/src/sync';
import type { CommandSpec, OptionSpec, ParsedArgs } from '../args';
import { printJson, printTable, usageError, type TenantCommand, type TenantContext } from '../command';
import { checkFolder } from '../folders';
import { ExitCode, progressReporter } from '../io';
import { lintErrors } from '../pushLint';

const dirArg = { name: 'DIR', required: false, help: 'repository folder holding profiles/ (default: the current folder)' };
const common: OptionSpec[] = [
  { name: 'dry-run', kind: 'flag', help: 'show what would happen; change nothing' },
  { name: 'force', kind: 'flag', help: 'resolve conflicts in this direction (push: also despite lint errors)' },
  { name: 'clean', kind: 'flag', help: 'pull: delete folders whose profile left the tenant; push: delete tenant profiles with no folder' },
  { name: 'json', kind: 'flag', help: 'print JSON' },
];
const layoutNotes = [
  'Layout: DIR/profiles/<folder>/ with one .mobileconfig and info.yaml (info.yml, info.json, info.plist are read too):',
  '  id, name, active, mdm_identifier, runs_on_mac|iphone|ipad|tv|vision, created_at, updated_at, sync_hash.',
  'States: no_changes, new_local, new_remote, updated_local, updated_remote, conflict.',
];

type Direction = 'status' | 'pull' | 'push';

/**
 * The repository folder, or why it cannot be used, before any request: a file, a missing folder (pull creates
 * one), an unwritable one (pull), or a folder with other content and no profiles/ (pull takes it with --init).
 */
async function repositoryRoot(ctx: TenantContext, spec: CommandSpec, args: ParsedArgs, direction: Direction): Promise<string | number> {
  const shown = args.positionals[0] ?? '.';
  const root = resolve(ctx.io.cwd, shown);
  const folder = await checkFolder(root, shown, { write: direction === 'pull' && !args.flags.has('dry-run'), mayCreate: direction === 'pull' });
  if (!folder.ok) return usageError(ctx.io, spec, `${folder.message}; sync works on a repository folder holding profiles/`);
  if (!folder.exists || folder.empty) {
    if (direction === 'push') return usageError(ctx.io, spec, `${shown} has no profiles/ folder: nothing to push. Start a repository with \`profile-studio sync pull ${shown}\``);
    return root;
  }
  const profiles = await stat(join(root, 'profiles')).catch(() => undefined);
  if (profiles?.isDirectory()) return root;
  if (profiles) return usageError(ctx.io, spec, `${shown}/profiles is a file; a sync repository keeps one folder per profile under profiles/`);
  if (direction === 'pull' && args.flags.has('init')) return root;
  return usageError(ctx.io, spec, `${shown} is not a sync repository (it has files but no profiles/ folder). `
    + `To start one there, run \`profile-studio sync pull ${shown} --init\`; or name the repository folder`);
}

const entryJson = (e: SyncEntry) => ({ state: e.state, name: e.name, ...(e.id !== undefined ? { id: e.id } : {}), ...(e.local ? { folder: e.local.dir } : {}), reason: e.reason });

function options(flags: Set<string>, progress: (m: string) => void): SyncOptions {
  return { dryRun: flags.has('dry-run'), force: flags.has('force'), clean: flags.has('clean'), lint: lintErrors, progress };
}

function warnProblems(ctx: TenantContext, problems: { dir: string; message: string }[]): void {
  for (const p of problems) ctx.io.stderr(`warning: profiles/${p.dir}: ${p.message} (skipped)\n`);
}

export const syncStatusCommand: TenantCommand = {
  spec: {
    command: 'sync status', summary: 'Compare the repository with the tenant (three-way, using the sync record in each info file). Changes nothing.',
    // The transfer flags are accepted (the contract lists them for all three) and change nothing here.
    positionals: [dirArg], options: common, notes: layoutNotes,
  },
  async run(args, ctx) {
    const root = await repositoryRoot(ctx, this.spec, args, 'status');
    if (typeof root === 'number') return root;
    const progress = progressReporter(ctx.io);
    const fs = nodeSyncFs(root);
    const result = await syncStatus(fs, ctx.api, options(args.flags, progress.update));
    progress.done();
    if (!result.ok) { ctx.io.stderr(`${result.error}\n`); return ExitCode.failed; }
    warnProblems(ctx, result.value.problems);
    const entries = result.value.entries;
    if (args.flags.has('json')) printJson(ctx.io, entries.map(entryJson));
    else printTable(ctx.io, ['STATE', 'ID', 'NAME', 'DETAIL'], entries.map((e) => [e.state, e.id ?? '-', e.name, e.reason]));
    return ExitCode.ok;
  },
};

function report(ctx: TenantContext, result: SyncReport, json: boolean, dryRun: boolean): number {
  warnProblems(ctx, result.problems);
  const failed = result.outcomes.filter((o) => !o.ok);
  if (json) {
    printJson(ctx.io, result.outcomes.map((o) => ({ ...entryJson(o.entry), action: o.action, ok: o.ok, done: o.done, message: o.message })));
  } else {
    const shown = result.outcomes.filter((o) => o.action !== 'none');
    for (const o of shown) ctx.io.stdout(`${o.ok ? (o.done ? 'done   ' : o.action === 'skip' ? 'skipped' : 'plan   ') : 'FAILED '} ${o.entry.name}: ${o.message}\n`);
    const count = (pick: (o: (typeof shown)[number]) => boolean) => shown.filter(pick).length;
    const parts = [
      `${count((o) => o.done)} changed`, `${result.outcomes.length - shown.length} in sync`,
      ...(dryRun ? [`${count((o) => o.ok && !o.done && o.action !== 'skip')} planned`] : []),
      `${count((o) => o.ok && o.action === 'skip')} skipped`, `${failed.length} failed`,
    ];
    ctx.io.stdout(`${parts.join(', ')}${dryRun ? ' (dry run: nothing changed)' : ''}\n`);
  }
  for (const o of failed) ctx.io.stderr(`${o.entry.name}: ${o.message.split('\n')[0]}\n`);
  return failed.length > 0 ? ExitCode.failed : ExitCode.ok;
}

function transfer(direction: 'pull' | 'push'): TenantCommand {
  return {
    spec: {
      command: `sync ${direction}`,
      summary: direction === 'pull'
        ? 'Bring tenant changes into the repository (new and updated profiles; conflicts only with --force).'
        : 'Send repository changes to the tenant (lints first; conflicts only with --force; never duplicates).',
      positionals: [dirArg],
      options: direction === 'pull' ? [...common, { name: 'init', kind: 'flag', help: 'start a repository (profiles/) in a folder that already holds other files' }] : common,
      notes: layoutNotes,
    },
    async run(args, ctx) {
      // pull may start a new repository; push from a folder that is not one is a typo.
      const root = await repositoryRoot(ctx, this.spec, args, direction);
      if (typeof root === 'number') return root;
      const progress = progressReporter(ctx.io);
      const fs = nodeSyncFs(root);
      const run = direction === 'pull' ? syncPull : syncPush;
      const result = await run(fs, ctx.api, options(args.flags, progress.update));
      progress.done();
      if (!result.ok) { ctx.io.stderr(`${result.error}\n`); return ExitCode.failed; }
      return report(ctx, result.value, args.flags.has('json'), args.flags.has('dry-run'));
    },
  };
}

export const syncPullCommand = transfer('pull');
export const syncPushCommand = transfer('push');
