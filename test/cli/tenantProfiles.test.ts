// `profile-studio profiles ...` through the built binary against the simulator, for both vendors.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { cliEnv, leaksToken, profileXml, runCli, startTenant, type CliRun } from './tenantCli';

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  describe(`profiles (${vendor})`, () => {
    let sim: Simulator;
    let cli: (args: string[], cwd?: string) => Promise<CliRun>;
    let dir: string;
    before(async () => {
      ({ sim, cli } = await startTenant(vendor));
      dir = mkdtempSync(join(tmpdir(), 'ps-cli-'));
    });
    after(async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const creates = () => sim.log.filter((e) => e.method === 'POST' && e.createdId !== undefined).length;

    test('list --json gives {id, name, active}', async () => {
      const run = await cli(['profiles', 'list', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const items = JSON.parse(run.stdout) as { id: string; name: string; active: boolean }[];
      // JumpCloud lists only policies of the macOS custom-profile template; the demo also holds an iOS-only one.
      if (vendor === 'kandji') assert.equal(items.length, sim.state.counts().profiles);
      else assert.ok(items.length > 0 && items.length <= sim.state.counts().profiles);
      for (const i of items) assert.ok(typeof i.id === 'string' && typeof i.name === 'string' && typeof i.active === 'boolean');
      assert.ok(!leaksToken(run, sim.token));
    });

    test('push creates, pushing again updates the same item (by name), never duplicates', async () => {
      const file = join(dir, 'dock.mobileconfig');
      writeFileSync(file, profileXml('CLI Dock', 'com.example.cli.dock'));
      const before = creates();
      const first = await cli(['profiles', 'push', file, '--json']);
      assert.equal(first.code, 0, first.stderr);
      const created = JSON.parse(first.stdout) as { id: string; name: string; created: boolean };
      assert.deepEqual({ name: created.name, created: created.created }, { name: 'CLI Dock', created: true });
      writeFileSync(file, profileXml('CLI Dock', 'com.example.cli.dock', '\n\t\t\t<key>autohide</key>\n\t\t\t<true/>'));
      const second = await cli(['profiles', 'push', file, '--json']);
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(JSON.parse(second.stdout), { id: created.id, name: 'CLI Dock', created: false });
      assert.equal(creates(), before + 1, 'exactly one create request');
      const list = JSON.parse((await cli(['profiles', 'list', '--json'])).stdout) as { name: string }[];
      assert.equal(list.filter((i) => i.name === 'CLI Dock').length, 1);
      // --id updates that item even under another name.
      const byId = await cli(['profiles', 'push', file, '--id', created.id, '--name', 'CLI Dock renamed', '--json']);
      assert.equal(byId.code, 0, byId.stderr);
      assert.deepEqual(JSON.parse(byId.stdout), { id: created.id, name: 'CLI Dock renamed', created: false });
    });

    test('push lints first: errors refuse (exit 1, nothing sent) unless --force', async () => {
      const file = join(dir, 'broken.mobileconfig');
      writeFileSync(file, profileXml('CLI Broken', 'com.example.cli.broken').replace('<integer>48</integer>', '<string>big</string>'));
      const before = sim.log.length;
      const refused = await cli(['profiles', 'push', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /broken\.mobileconfig:\d+:\d+ error \S+ /);
      assert.match(refused.stderr, /--force/);
      assert.equal(sim.log.length, before, 'no request reached the tenant');
      const forced = await cli(['profiles', 'push', file, '--force', '--json']);
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal((JSON.parse(forced.stdout) as { created: boolean }).created, true);
    });

    test('pull writes <name>/<name>.mobileconfig (+ info.yaml) into --out; delete needs --yes', async () => {
      const file = join(dir, 'pull.mobileconfig');
      writeFileSync(file, profileXml('CLI Pull Me', 'com.example.cli.pull'));
      const pushed = JSON.parse((await cli(['profiles', 'push', file, '--json'])).stdout) as { id: string };
      const out = join(dir, 'pulled');
      const pulled = await cli(['profiles', 'pull', pushed.id, '--out', out]);
      assert.equal(pulled.code, 0, pulled.stderr);
      assert.equal(pulled.stdout.trim(), join(out, 'CLI Pull Me', 'CLI Pull Me.mobileconfig'));
      assert.deepEqual(readdirSync(join(out, 'CLI Pull Me')).sort(), ['CLI Pull Me.mobileconfig', 'info.yaml']);
      assert.match(readFileSync(join(out, 'CLI Pull Me', 'CLI Pull Me.mobileconfig'), 'utf8'), /<key>tilesize<\/key>/);
      const refused = await cli(['profiles', 'delete', pushed.id]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /--yes/);
      const deleted = await cli(['profiles', 'delete', pushed.id, '--yes']);
      assert.equal(deleted.code, 0, deleted.stderr);
      const missing = await cli(['profiles', 'pull', pushed.id, '--out', out]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /failed/);
    });

    test('a wrong token fails with exit 1 and a hint, never printing the token', async () => {
      const wrong = vendor === 'kandji' ? 'KANDJI_API_TOKEN' : 'JUMPCLOUD_API_KEY';
      const secret = 'not-the-token-0123456789abcdef';
      const run = await runCli(['profiles', 'list'], { env: cliEnv({ ...sim.env, [wrong]: secret }) });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /token|key/i);
      assert.ok(!leaksToken(run, secret) && !leaksToken(run, sim.token));
    });
  });
}

describe('usage errors and help (no tenant needed)', () => {
  test('missing environment is a usage error naming the variable', async () => {
    const run = await runCli(['profiles', 'list'], { env: cliEnv() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /KANDJI_API_URL is not set/);
    const jc = await runCli(['profiles', 'list'], { env: cliEnv({ PROFILE_STUDIO_VENDOR: 'jumpcloud' }) });
    assert.equal(jc.code, 2);
    assert.match(jc.stderr, /JUMPCLOUD_API_KEY is not set/);
    const bad = await runCli(['profiles', 'list'], { env: cliEnv({ PROFILE_STUDIO_VENDOR: 'intune' }) });
    assert.equal(bad.code, 2);
  });

  test('--help works on every command and exits 0; unknown options and commands exit 2', async () => {
    const commands = [[], ['profiles'], ['profiles', 'list'], ['profiles', 'push'], ['profiles', 'pull'], ['profiles', 'delete'],
      ['blueprints', 'list'], ['blueprints', 'items'], ['blueprints', 'assign'], ['blueprints', 'remove'], ['devices', 'list'],
      ['devices', 'show'], ['devices', 'action'], ['sync', 'status'], ['sync', 'pull'], ['sync', 'push'], ['simulate'], ['lint']];
    const runs = await Promise.all(commands.map((words) => runCli([...words, '--help'], { env: cliEnv() })));
    runs.forEach((run, i) => {
      assert.equal(run.code, 0, `${commands[i]!.join(' ')} --help: ${run.stderr}`);
      assert.match(run.stdout, /Usage: profile-studio/, commands[i]!.join(' '));
    });
    const unknownOption = await runCli(['profiles', 'list', '--jsn'], { env: cliEnv() });
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /unknown option --jsn/);
    const unknownCommand = await runCli(['profils', 'list'], { env: cliEnv() });
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.stderr, /did you mean "profiles"/);
    // Checked before any request: port 9 on loopback is never contacted.
    const offline = cliEnv({ KANDJI_API_URL: 'http://127.0.0.1:9', KANDJI_API_TOKEN: 'unused' });
    const noRepo = await runCli(['sync', 'status', 'no/such/folder'], { env: offline });
    assert.equal(noRepo.code, 2);
    assert.match(noRepo.stderr, /no such folder/);
    const noYes = await runCli(['profiles', 'delete', 'some-id'], { env: offline });
    assert.equal(noYes.code, 2);
    const missingArg = await runCli(['profiles', 'push'], { env: cliEnv() });
    assert.equal(missingArg.code, 2);
    assert.match(missingArg.stderr, /missing <file>/);
  });
});
