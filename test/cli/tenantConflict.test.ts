// Conflict safety of `profiles pull` / `profiles push` through the built binary against the simulator: pull
// records the sync layout's info.yaml, push refuses to overwrite a tenant profile that moved on unless --force.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { createTenantApi } from '../../tenant/src/api';
import type { TenantApi } from '../../tenant/src/api/tenantApi';
import type { Simulator } from '../../tenant/src/simulator';
import { readRepo } from '../../tenant/src/sync';
import { nodeSyncFs } from '../../tenant/src/sync/nodeSyncFs';
import { profileXml, startTenant, type CliRun } from './tenantCli';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const withKey = (xml: string, key: string, value: string): string =>
  xml.replace('<key>PayloadDisplayName</key>', `<key>${key}</key>\n\t<string>${value}</string>\n\t<key>PayloadDisplayName</key>`);

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  describe(`profiles pull/push conflict safety (${vendor})`, () => {
    let sim: Simulator;
    let api: TenantApi;
    let cli: (args: string[], cwd?: string) => Promise<CliRun>;
    let dir: string;
    before(async () => {
      ({ sim, cli } = await startTenant(vendor));
      api = createTenantApi({ kind: vendor, baseUrl: sim.url, token: sim.token, ...(sim.env.JUMPCLOUD_ORG_ID ? { orgId: sim.env.JUMPCLOUD_ORG_ID } : {}) });
      dir = mkdtempSync(join(tmpdir(), 'ps-conflict-'));
    });
    after(async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Creates a profile through the CLI and pulls it into `out`; returns its id and the pulled file. */
    async function pushAndPull(name: string, identifier: string, out: string): Promise<{ id: string; file: string }> {
      const source = join(dir, `${identifier}.mobileconfig`);
      writeFileSync(source, profileXml(name, identifier));
      const pushed = await cli(['profiles', 'push', source, '--json']);
      assert.equal(pushed.code, 0, pushed.stderr);
      const { id } = JSON.parse(pushed.stdout) as { id: string };
      const pulled = await cli(['profiles', 'pull', id, '--out', out]);
      assert.equal(pulled.code, 0, pulled.stderr);
      return { id, file: pulled.stdout.trim() };
    }

    const info = (file: string): Record<string, unknown> => parse(readFileSync(join(dirname(file), 'info.yaml'), 'utf8')) as Record<string, unknown>;

    test('pull writes DIR/<name>/<name>.mobileconfig + info.yaml, readable by the sync engine', async () => {
      const out = join(dir, 'repo', 'profiles');
      const { id, file } = await pushAndPull('Conflict Layout', 'com.example.conflict.layout', out);
      assert.equal(file, join(out, 'Conflict Layout', 'Conflict Layout.mobileconfig'));
      assert.deepEqual(readdirSync(dirname(file)).sort(), ['Conflict Layout.mobileconfig', 'info.yaml']);
      const remote = await api.getProfile(id);
      assert.ok(remote.ok);
      const recorded = info(file);
      assert.equal(recorded.id, id);
      assert.equal(recorded.name, 'Conflict Layout');
      assert.equal(recorded.updated_at, remote.value.updatedAt);
      assert.equal(recorded.sync_hash, remote.value.contentHash);
      assert.equal(recorded.runs_on_mac, true);
      assert.equal(readFileSync(file, 'utf8'), remote.value.profile);
      // The sync engine reads the pulled folder as one profile of its repository.
      const repo = await readRepo(nodeSyncFs(join(dir, 'repo')));
      assert.deepEqual(repo.problems, []);
      assert.deepEqual(repo.profiles.map((p) => [p.dir, p.info.id, p.info.sync_hash]), [['Conflict Layout', id, remote.value.contentHash]]);
      // Pulling again refreshes the same folder, even after a rename in the tenant.
      assert.ok((await api.updateProfile(id, { name: 'Conflict Layout Renamed' })).ok);
      const again = await cli(['profiles', 'pull', id, '--out', out]);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout.trim(), file);
      assert.deepEqual(readdirSync(out), ['Conflict Layout']);
      assert.equal(info(file).name, 'Conflict Layout Renamed');
    });

    test('local edit + tenant edit: push refuses (exit 1, tenant unchanged); --force overwrites', async () => {
      const out = join(dir, 'conflict');
      const { id, file } = await pushAndPull('Conflict Both', 'com.example.conflict.both', out);
      const local = withKey(readFileSync(file, 'utf8'), 'ConflictTest', 'edited locally');
      writeFileSync(file, local);
      // Someone edits the profile in the tenant meanwhile.
      const current = await api.getProfile(id);
      assert.ok(current.ok);
      const edited = await api.updateProfile(id, { file: encode(withKey(current.value.profile, 'ConflictTest', 'edited in the tenant')), fileName: 'x.mobileconfig' });
      assert.ok(edited.ok);
      const recordedBefore = readFileSync(join(dirname(file), 'info.yaml'), 'utf8');

      const refused = await cli(['profiles', 'push', file]);
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /conflict/i);
      assert.match(refused.stderr, /profiles pull/);
      assert.match(refused.stderr, /--force/);
      assert.equal(refused.stdout, '');
      const after = await api.getProfile(id);
      assert.ok(after.ok);
      assert.equal(after.value.contentHash, edited.value.contentHash, 'the tenant keeps its version');
      assert.match(after.value.profile, /edited in the tenant/);
      assert.equal(readFileSync(join(dirname(file), 'info.yaml'), 'utf8'), recordedBefore, 'info.yaml untouched');

      const forced = await cli(['profiles', 'push', file, '--force', '--json']);
      assert.equal(forced.code, 0, forced.stderr);
      assert.deepEqual(JSON.parse(forced.stdout), { id, name: 'Conflict Both', created: false });
      const overwritten = await api.getProfile(id);
      assert.ok(overwritten.ok);
      assert.match(overwritten.value.profile, /edited locally/);
      assert.equal(info(file).sync_hash, overwritten.value.contentHash);
      assert.equal(info(file).updated_at, overwritten.value.updatedAt);
    });

    test('a tenant content edit alone still refuses the push of the untouched pulled file', async () => {
      const { id, file } = await pushAndPull('Conflict Remote', 'com.example.conflict.remote', join(dir, 'remote'));
      const current = await api.getProfile(id);
      assert.ok(current.ok);
      assert.ok((await api.updateProfile(id, { file: encode(withKey(current.value.profile, 'ConflictTest', 'tenant')), fileName: 'x.mobileconfig' })).ok);
      const refused = await cli(['profiles', 'push', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /conflict/i);
    });

    // JumpCloud policies carry no updated_at, so there only content changes can be detected.
    if (vendor === 'kandji') {
      test('a tenant metadata edit (updated_at moved) refuses too', async () => {
        const { id, file } = await pushAndPull('Conflict Meta', 'com.example.conflict.meta', join(dir, 'meta'));
        assert.ok((await api.updateProfile(id, { active: false })).ok);
        const refused = await cli(['profiles', 'push', file]);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /conflict/i);
        const remote = await api.getProfile(id);
        assert.ok(remote.ok && !remote.value.active);
      });
    }

    test('no tenant change: push by the recorded id succeeds, twice; info.yaml follows', async () => {
      const { id, file } = await pushAndPull('Conflict None', 'com.example.conflict.none', join(dir, 'none'));
      const creates = sim.log.filter((e) => e.method === 'POST' && e.createdId !== undefined).length;
      const pulled = readFileSync(file, 'utf8');
      for (const value of ['first', 'second']) {
        writeFileSync(file, withKey(pulled, 'ConflictTest', value));
        const run = await cli(['profiles', 'push', file, '--json']);
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(JSON.parse(run.stdout), { id, name: 'Conflict None', created: false });
        const remote = await api.getProfile(id);
        assert.ok(remote.ok);
        assert.match(remote.value.profile, new RegExp(`<string>${value}</string>`));
        assert.equal(info(file).sync_hash, remote.value.contentHash);
        assert.equal(info(file).updated_at, remote.value.updatedAt);
      }
      assert.equal(sim.log.filter((e) => e.method === 'POST' && e.createdId !== undefined).length, creates, 'no create');
    });

    test('pull into a sync repository, edit, push: `sync status` then reports it in sync', async () => {
      const root = join(dir, 'interop');
      const { id, file } = await pushAndPull('Conflict Interop', 'com.example.conflict.interop', join(root, 'profiles'));
      writeFileSync(file, withKey(readFileSync(file, 'utf8'), 'ConflictTest', 'interop'));
      const pushed = await cli(['profiles', 'push', file]);
      assert.equal(pushed.code, 0, pushed.stderr);
      const status = await cli(['sync', 'status', root, '--json']);
      assert.equal(status.code, 0, status.stderr);
      const row = (JSON.parse(status.stdout) as { id?: string; state: string }[]).find((r) => r.id === id);
      assert.equal(row?.state, 'no_changes');
    });

    test('an unreadable info file stops the push; one shared by several files is ignored with a warning', async () => {
      const { id, file } = await pushAndPull('Conflict Broken Info', 'com.example.conflict.brokeninfo', join(dir, 'broken'));
      const infoPath = join(dirname(file), 'info.yaml');
      const good = readFileSync(infoPath, 'utf8');
      writeFileSync(infoPath, 'id: [unclosed\n');
      const before = sim.log.length;
      const refused = await cli(['profiles', 'push', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /info\.yaml: not valid YAML/);
      assert.equal(sim.log.length, before, 'nothing sent');
      writeFileSync(infoPath, good);
      writeFileSync(join(dirname(file), 'other.mobileconfig'), profileXml('Other', 'com.example.conflict.other'));
      const loose = await cli(['profiles', 'push', file, '--json']);
      assert.equal(loose.code, 0, loose.stderr);
      assert.match(loose.stderr, /warning: info\.yaml is ignored: its folder holds 2 \.mobileconfig files/);
      assert.equal((JSON.parse(loose.stdout) as { id: string }).id, id, 'found by name, as without metadata');
      assert.equal(readFileSync(infoPath, 'utf8'), good, 'an ignored info file is left as it is');
    });

    test('without pulled metadata push keeps its old behaviour; --help says it cannot check', async () => {
      const { id } = await pushAndPull('Conflict Bare', 'com.example.conflict.bare', join(dir, 'bare'));
      assert.ok((await api.updateProfile(id, { name: 'Conflict Bare', active: false })).ok);
      // A file in a folder with no info file: the tenant's change is overwritten, as before.
      const loose = join(dir, 'loose.mobileconfig');
      writeFileSync(loose, profileXml('Conflict Bare', 'com.example.conflict.bare', '\n\t\t\t<key>autohide</key>\n\t\t\t<true/>'));
      const run = await cli(['profiles', 'push', loose, '--id', id, '--json']);
      assert.equal(run.code, 0, run.stderr);
      const remote = await api.getProfile(id);
      assert.ok(remote.ok);
      assert.match(remote.value.profile, /autohide/);
      const help = await cli(['profiles', 'push', '--help']);
      assert.match(help.stdout.replace(/\s+/g, ' '), /Without it, a push by id or name cannot check for remote changes/);
    });
  });
}
