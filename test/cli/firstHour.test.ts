// The regression list of issue 14: what a newcomer's ordinary mistakes get from the built CLI. Each case names
// its cause in plain words, hints only when they apply, and exits 0 ok / 1 failed / 2 usage or I/O.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { cliEnv, profileXml, runCli, startTenant, type CliRun } from './tenantCli';

const ESC = '\u001b';
const noRawErrno = (run: CliRun) => assert.doesNotMatch(run.stderr + run.stdout, /\bE[A-Z]{3,}\b|internal error|\n\s+at /);
const json = <T>(run: CliRun): T => { assert.equal(run.code, 0, run.stderr); return JSON.parse(run.stdout) as T; };

const dir = mkdtempSync(join(tmpdir(), 'ps-first-hour-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'dock.mobileconfig');
writeFileSync(file, profileXml('First Hour Dock', 'com.example.firsthour'));

describe('Kandji: wrong input names its cause', () => {
  let sim: Simulator;
  let cli: (args: string[], cwd?: string) => Promise<CliRun>;
  let classic: string;
  let map: { id: string; name: string };
  let item: string;
  let mac: string;
  before(async () => {
    ({ sim, cli } = await startTenant('kandji'));
    const blueprints = json<{ id: string; name: string; kind: string }[]>(await cli(['blueprints', 'list', '--json']));
    classic = blueprints.find((b) => b.kind === 'classic')!.id;
    map = blueprints.find((b) => b.kind === 'map')!;
    item = json<{ id: string }[]>(await cli(['profiles', 'list', '--json']))[0]!.id;
    mac = json<{ id: string }[]>(await cli(['devices', 'list', '--platform', 'Mac', '--json']))[0]!.id;
  });
  after(() => sim.stop());

  test('assign to a classic blueprint: the item error only, no map hint', async () => {
    const run = await cli(['blueprints', 'assign', classic, 'nope-item']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Assigning nope-item/);
    assert.doesNotMatch(run.stderr, /--node|assignment map/i);
  });

  test('assign to a map without --node: the map hint, and where node ids are shown', async () => {
    const run = await cli(['blueprints', 'assign', map.id, item]);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`\`${map.name}\` is an assignment map: choose the node with --node`), run.stderr);
    assert.match(run.stderr, /hold the Option key/);
  });

  test('sync status / push / pull on a file: refused before any request, exit 2', async () => {
    const requests = sim.log.length;
    for (const args of [['sync', 'status', file], ['sync', 'push', file, '--dry-run'], ['sync', 'pull', file]]) {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /is a file, not a folder/);
      assert.equal(run.stdout, '');
      noRawErrno(run);
    }
    assert.equal(sim.log.length, requests, 'no request was made');
  });

  test('sync into a folder that is not a repository asks for --init; --init takes it', async () => {
    const other = join(dir, 'notes');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'README.txt'), 'my notes');
    const refused = await cli(['sync', 'pull', other]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not a sync repository .*no profiles\/ folder.*--init/s);
    const status = await cli(['sync', 'status', other]);
    assert.equal(status.code, 2);
    const push = await cli(['sync', 'push', join(dir, 'empty-repo-missing')]);
    assert.equal(push.code, 2);
    assert.match(push.stderr, /no such folder/);
    const init = await cli(['sync', 'pull', other, '--init', '--dry-run']);
    assert.equal(init.code, 0, init.stderr);
  });

  test('sync pull and profiles pull into an unwritable folder: permission denied, before any request', { skip: process.getuid?.() === 0 ? 'root may write anywhere' : false }, async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      const requests = sim.log.length;
      const sync = await cli(['sync', 'pull', locked]);
      assert.equal(sync.code, 2);
      assert.match(sync.stderr, /permission denied/);
      const pull = await cli(['profiles', 'pull', item, '--out', locked]);
      assert.equal(pull.code, 2);
      assert.match(pull.stderr, /permission denied/);
      assert.equal(sim.log.length, requests);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  test('profiles pull --out a file: refused, exit 2', async () => {
    const run = await cli(['profiles', 'pull', item, '--out', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is a file, not a folder/);
    noRawErrno(run);
  });

  test('device action parameters: the close match, exit 2 for unknown and missing alike', async () => {
    const wrongCase = await cli(['devices', 'action', mac, 'setname', '--param', 'DeviceName=Foo']);
    assert.equal(wrongCase.code, 2);
    assert.match(wrongCase.stderr, /setname has no parameter "DeviceName"; did you mean "deviceName"\?/);
    const unknown = await cli(['devices', 'action', mac, 'blankpush', '--param', 'Bogus=1']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /blankpush takes no parameters/);
    const missing = await cli(['devices', 'action', mac, 'setname']);
    assert.equal(missing.code, 2);
    const action = await cli(['devices', 'action', mac, 'restrat']);
    assert.equal(action.code, 2);
    assert.match(action.stderr, /did you mean "restart"\?/);
  });

  test('devices action --help lists each action with its parameters', async () => {
    const run = await cli(['devices', 'action', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /setname on .*\n\s+--param deviceName=VALUE\s+New device name \(required\)/);
    assert.match(run.stdout, /restart \(destructive: needs --yes\)/);
    const jc = await runCli(['devices', 'action', '--help'], { env: cliEnv({ PROFILE_STUDIO_VENDOR: 'jumpcloud' }) });
    assert.match(jc.stdout, /lock \(destructive: needs --yes\).*\n\s+--param pin=123456 .*\(required on Mac\)/);
  });

  test('unknown ids and filters are errors with the close match; one casing of "not found"', async () => {
    const list = await cli(['devices', 'list', '--blueprint', 'nope']);
    assert.equal(list.code, 1);
    assert.match(list.stderr, /no blueprint with id "nope" in this tenant/);
    assert.equal(list.stdout, '');
    const typo = `${item.slice(0, -1)}${item.endsWith('0') ? '1' : '0'}`;
    const pull = await cli(['profiles', 'pull', typo]);
    assert.equal(pull.code, 1);
    assert.ok(pull.stderr.includes(`Did you mean ${item}`), pull.stderr);
    const show = await cli(['devices', 'show', 'nope']);
    assert.equal(show.code, 1);
    assert.match(show.stderr, /no device with id "nope"/);
    assert.doesNotMatch(pull.stderr + show.stderr, /Not Found|Not found\.|It may have been deleted/);
    const option = await cli(['devices', 'list', '--blueprnt', 'x']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /unknown option --blueprnt; did you mean --blueprint\?/);
  });

  test('an API URL with an extra path gets a precise hint, not "it may have been deleted"', async () => {
    const run = await runCli(['profiles', 'list'], { env: cliEnv({ ...sim.env, KANDJI_API_URL: `${sim.url}/api/v1` }) });
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(`KANDJI_API_URL has a path (/api/v1); set it to the origin only: ${sim.url}`), run.stderr);
    assert.doesNotMatch(run.stderr, /deleted/);
  });

  test('push prints lint problems exactly as lint does', async () => {
    const bad = join(dir, 'bad.mobileconfig');
    writeFileSync(bad, profileXml('Bad Dock', 'com.example.bad').replace('<integer>48</integer>', '<string>big</string>'));
    const lint = await runCli(['lint', bad], { env: cliEnv() });
    const push = await cli(['profiles', 'push', bad]);
    assert.equal(push.code, 1);
    const errorLines = lint.stdout.split('\n').filter((l) => / error /.test(l));
    assert.ok(errorLines.length > 0, lint.stdout);
    for (const line of errorLines) assert.ok(push.stderr.includes(line), `${line}\n---\n${push.stderr}`);
    assert.match(push.stderr, /Not pushed: \d+ lint errors?\./);
  });

  test('a file that cannot be read is named in words, exit 2', async () => {
    const missing = await cli(['profiles', 'push', join(dir, 'missing.mobileconfig')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const folder = await cli(['profiles', 'push', dir]);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /is a folder, not a file/);
    noRawErrno(missing);
    noRawErrno(folder);
  });

  test('a profile name with control characters is shown escaped', async () => {
    const evil = join(dir, 'evil.mobileconfig');
    writeFileSync(evil, profileXml('Evil', 'com.example.evil'));
    const pushed = await cli(['profiles', 'push', evil, '--name', `Evil${ESC}]0;owned${ESC}\\`]);
    assert.equal(pushed.code, 0, pushed.stderr);
    const listed = await cli(['profiles', 'list']);
    assert.ok(!listed.stdout.includes(ESC) && !pushed.stdout.includes(ESC));
    assert.match(listed.stdout, /Evil\\x1b\]0;owned\\x1b\\/);
  });
});

describe('JumpCloud: active and nodes', () => {
  let sim: Simulator;
  let cli: (args: string[], cwd?: string) => Promise<CliRun>;
  before(async () => { ({ sim, cli } = await startTenant('jumpcloud')); });
  after(() => sim.stop());

  test('--active is refused with what "active" means there; nothing is created', async () => {
    const before = json<unknown[]>(await cli(['profiles', 'list', '--json'])).length;
    const run = await cli(['profiles', 'push', file, '--active']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--active has no meaning on JumpCloud: a policy is active where it is bound to a system group/);
    assert.match(run.stderr, /blueprints assign <group-id>/);
    assert.equal(json<unknown[]>(await cli(['profiles', 'list', '--json'])).length, before);
    const created = await cli(['profiles', 'push', file]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /inactive until bound to a system group/);
  });

  test('--node is a usage error (exit 2) before any request', async () => {
    const requests = sim.log.length;
    const run = await cli(['blueprints', 'assign', 'g1', 'p1', '--node', 'abc']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /JumpCloud system groups have no assignment nodes/);
    assert.equal(sim.log.length, requests);
  });
});

describe('simulate', () => {
  test('simulate --data with a missing file: exit 2, in words', async () => {
    const run = await runCli(['simulate', '--data', join(dir, 'missing.json')], { env: cliEnv() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--data .*missing\.json: no such file or folder/);
    noRawErrno(run);
  });
});
