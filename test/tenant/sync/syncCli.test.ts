// `profile-studio sync status|pull|push` through the built binary against the simulator, for both vendors.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { createTenantApi } from '../../../tenant/src/api';
import type { TenantApi } from '../../../tenant/src/api/tenantApi';
import type { Simulator } from '../../../tenant/src/simulator';
import { leaksToken, profileXml, startTenant, type CliRun } from '../../cli/tenantCli';

/** Edits add a top-level key no demo profile has (a duplicate key would be shadowed by the later one). */
interface StatusRow { state: string; name: string; id?: string; folder?: string }

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  describe(`sync (${vendor})`, () => {
    let sim: Simulator;
    let cli: (args: string[], cwd?: string) => Promise<CliRun>;
    let api: TenantApi;
    let repo: string;
    const dirs: string[] = [];

    beforeEach(async () => {
      ({ sim, cli } = await startTenant(vendor, { demo: { devices: 20, profiles: 4 } }));
      api = createTenantApi({ kind: vendor, baseUrl: sim.url, token: sim.token, ...(sim.env.JUMPCLOUD_ORG_ID ? { orgId: sim.env.JUMPCLOUD_ORG_ID } : {}) });
      repo = mkdtempSync(join(tmpdir(), 'ps-sync-'));
      dirs.push(repo);
    });
    afterEach(() => sim.stop());
    after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

    const status = async (): Promise<StatusRow[]> => {
      const run = await cli(['sync', 'status', repo, '--json']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!leaksToken(run, sim.token));
      return JSON.parse(run.stdout) as StatusRow[];
    };
    const states = async () => (await status()).map((r) => r.state).sort();
    const writes = () => sim.log.filter((e) => e.method !== 'GET').length;
    const folder = (row: StatusRow) => join(repo, 'profiles', row.folder!);
    const mobileconfig = (row: StatusRow) => join(folder(row), readdirSync(folder(row)).find((f) => f.endsWith('.mobileconfig'))!);

    test('pull into an empty folder, then everything is in sync (no phantom diff)', async () => {
      const remote = await api.listProfiles();
      assert.ok(remote.ok);
      assert.deepEqual(await states(), remote.value.map(() => 'new_remote'));
      const dry = await cli(['sync', 'pull', repo, '--dry-run']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.ok(!existsSync(join(repo, 'profiles')), 'a dry run writes nothing');
      const pulled = await cli(['sync', 'pull', repo]);
      assert.equal(pulled.code, 0, pulled.stderr);
      const rows = await status();
      assert.deepEqual(rows.map((r) => r.state), remote.value.map(() => 'no_changes'));
      const info = readFileSync(join(folder(rows[0]!), 'info.yaml'), 'utf8');
      for (const field of ['id:', 'name:', 'active:', 'runs_on_mac:', 'sync_hash: sha256:']) assert.ok(info.includes(field), field);
    });

    test('local edit -> push updates; pushing again sends nothing; a new folder is created once', async () => {
      assert.equal((await cli(['sync', 'pull', repo])).code, 0);
      const [row] = await status();
      const file = mobileconfig(row!);
      writeFileSync(file, readFileSync(file, 'utf8').replace('<key>PayloadContent</key>', '<key>TestEdit</key>\n\t<string>edited in git</string>\n\t<key>PayloadContent</key>'));
      mkdirSync(join(repo, 'profiles', 'Brand New'), { recursive: true });
      writeFileSync(join(repo, 'profiles', 'Brand New', 'Brand New.mobileconfig'), profileXml('Brand New', 'com.example.sync.new'));
      assert.deepEqual((await status()).filter((r) => r.state !== 'no_changes').map((r) => [r.state, r.name]).sort(),
        [['new_local', 'Brand New'], ['updated_local', row!.name]]);
      const pushed = await cli(['sync', 'push', repo]);
      assert.equal(pushed.code, 0, pushed.stderr);
      assert.match(pushed.stdout, /2 changed/);
      assert.ok((await states()).every((s) => s === 'no_changes'), 'in sync after push, despite the tenant rewriting the upload');
      const before = writes();
      const again = await cli(['sync', 'push', repo]);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(writes(), before, 'a second push sends no write');
      const listed = await api.listProfiles();
      assert.ok(listed.ok);
      assert.equal(listed.value.filter((p) => p.name === 'Brand New').length, 1);
      assert.match(readFileSync(join(repo, 'profiles', 'Brand New', 'info.yaml'), 'utf8'), /^id: /m);
    });

    test('tenant edit -> updated_remote -> pull; both edited -> conflict needs --force', async () => {
      assert.equal((await cli(['sync', 'pull', repo])).code, 0);
      const [row] = await status();
      const remote = await api.getProfile(row!.id!);
      assert.ok(remote.ok);
      const changed = remote.value.profile.replace('<key>PayloadContent</key>', '<key>TestEdit</key>\n\t<string>edited in the console</string>\n\t<key>PayloadContent</key>');
      const updated = await api.updateProfile(row!.id!, { file: new TextEncoder().encode(changed), fileName: 'x.mobileconfig' });
      assert.ok(updated.ok);
      assert.equal((await status()).find((r) => r.id === row!.id)?.state, 'updated_remote');
      const skippedPush = await cli(['sync', 'push', repo]);
      assert.equal(skippedPush.code, 0);
      assert.match(skippedPush.stdout, /pull first/);
      assert.equal((await cli(['sync', 'pull', repo])).code, 0);
      assert.match(readFileSync(mobileconfig(row!), 'utf8'), /edited in the console/);
      assert.equal((await status()).find((r) => r.id === row!.id)?.state, 'no_changes');

      // Both sides now.
      const file = mobileconfig(row!);
      writeFileSync(file, readFileSync(file, 'utf8').replace('edited in the console', 'edited locally'));
      const again = await api.getProfile(row!.id!);
      assert.ok(again.ok);
      assert.ok((await api.updateProfile(row!.id!, { file: new TextEncoder().encode(again.value.profile.replace('edited in the console', 'edited remotely')), fileName: 'x.mobileconfig' })).ok);
      assert.equal((await status()).find((r) => r.id === row!.id)?.state, 'conflict');
      const refused = await cli(['sync', 'push', repo]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /conflict/);
      const forced = await cli(['sync', 'push', repo, '--force']);
      assert.equal(forced.code, 0, forced.stderr);
      const now = await api.getProfile(row!.id!);
      assert.ok(now.ok && now.value.profile.includes('edited locally'));
      assert.equal((await status()).find((r) => r.id === row!.id)?.state, 'no_changes');
    });

    test('push lints first; --clean removes what the other side deleted; info.json is kept as JSON', async () => {
      mkdirSync(join(repo, 'profiles', 'Broken'), { recursive: true });
      writeFileSync(join(repo, 'profiles', 'Broken', 'b.mobileconfig'), profileXml('Broken', 'com.example.sync.broken').replace('<integer>48</integer>', '<string>big</string>'));
      const refused = await cli(['sync', 'push', repo]);
      assert.equal(refused.code, 1);
      assert.match(refused.stdout, /lint error/);
      const listed = await api.listProfiles();
      assert.ok(listed.ok && !listed.value.some((p) => p.name === 'Broken'));
      rmSync(join(repo, 'profiles', 'Broken'), { recursive: true });

      assert.equal((await cli(['sync', 'pull', repo])).code, 0);
      const [first, second] = await status();
      // info.json instead of info.yaml: read, and written back as JSON.
      const yamlPath = join(folder(first!), 'info.yaml');
      const id = /^id: (.+)$/m.exec(readFileSync(yamlPath, 'utf8'))![1]!.replace(/^"|"$/g, '');
      rmSync(yamlPath);
      writeFileSync(join(folder(first!), 'info.json'), JSON.stringify({ id, name: first!.name, active: false }));
      assert.equal((await status()).find((r) => r.id === id)?.state, 'conflict', 'no sync record: cannot tell who changed active');
      assert.equal((await cli(['sync', 'push', repo, '--force'])).code, 0);
      const info = JSON.parse(readFileSync(join(folder(first!), 'info.json'), 'utf8')) as { active: boolean; sync_hash: string };
      assert.equal(typeof info.sync_hash, 'string');
      assert.equal((await status()).find((r) => r.id === id)?.state, 'no_changes');

      // Deleted in the tenant: pull --clean removes the folder.
      assert.ok((await api.deleteProfile(second!.id!)).ok);
      assert.equal((await status()).find((r) => r.id === second!.id)?.state, 'new_local');
      const kept = await cli(['sync', 'pull', repo]);
      assert.equal(kept.code, 0);
      assert.ok(existsSync(folder(second!)), 'without --clean the folder stays');
      assert.equal((await cli(['sync', 'pull', repo, '--clean'])).code, 0);
      assert.ok(!existsSync(folder(second!)));

      // Deleted locally: push --clean deletes it in the tenant (dry run first changes nothing).
      const [third] = (await status()).filter((r) => r.state === 'no_changes');
      rmSync(folder(third!), { recursive: true });
      const before = writes();
      assert.equal((await cli(['sync', 'push', repo, '--clean', '--dry-run'])).code, 0);
      assert.equal(writes(), before, 'dry run sends no write');
      assert.equal((await cli(['sync', 'push', repo, '--clean'])).code, 0);
      const after = await api.listProfiles();
      assert.ok(after.ok && !after.value.some((p) => p.id === third!.id));
    });
  });
}
