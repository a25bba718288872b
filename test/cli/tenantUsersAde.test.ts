// `users delete` and `ade renew` on the BUILT binary against the simulator (Kandji; JumpCloud where offered).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { leaksToken, startTenant, type CliRun } from './tenantCli';

type Tenant = { sim: Simulator; cli: (args: string[], cwd?: string) => Promise<CliRun> };
let kandji: Tenant;
let jumpcloud: Tenant;
let dir: string;
before(async () => {
  kandji = await startTenant('kandji');
  jumpcloud = await startTenant('jumpcloud');
  dir = mkdtempSync(join(tmpdir(), 'ps-ade-'));
  writeFileSync(join(dir, 'token.p7m'), 'Content-Type: application/pkcs7-mime; name=smime.p7m\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n');
});
after(async () => {
  await kandji.sim.stop();
  await jumpcloud.sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ok = (r: CliRun): CliRun => {
  assert.equal(r.code, 0, r.stderr);
  return r;
};
/** Runs a command and asserts it sent no request to the tenant. */
async function noRequest(t: Tenant, args: string[], cwd?: string): Promise<CliRun> {
  const before = t.sim.log.length;
  const r = await t.cli(args, cwd);
  assert.equal(t.sim.log.length, before, `${args.join(' ')} sent a request`);
  return r;
}
const usage = (r: CliRun, message: RegExp): void => {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, message);
  assert.equal(r.stdout, '');
};

type User = { id: string; name: string; email?: string; deviceCount?: number };
const users = async (t: Tenant): Promise<User[]> => JSON.parse(ok(await t.cli(['users', 'list', '--json'])).stdout) as User[];
const deletes = (t: Tenant): number => t.sim.log.filter((e) => e.method === 'DELETE' && /users\/[^/]+$/.test(e.path)).length;

describe('users delete', () => {
  test('without --yes: exit 2 and no request', async () => {
    const [user] = await users(kandji);
    usage(await noRequest(kandji, ['users', 'delete', user!.id]), /deleting a user needs --yes/);
  });

  test('a user without devices is deleted; the output names the user', async () => {
    const target = (await users(kandji)).at(-1)!;
    for (const d of kandji.sim.state.devices) if (d.user?.id === target.id) d.user = null;
    const r = ok(await kandji.cli(['users', 'delete', target.id, '--yes']));
    assert.equal(r.stdout, `Deleted user ${target.name} <${target.email}> (${target.id})\n`);
    assert.ok(!(await users(kandji)).some((u) => u.id === target.id));
    assert.ok(!leaksToken(r, kandji.sim.token));
  });

  test('Kandji refuses a user who still has devices: exit 1, the cause, the count and the fix', async () => {
    const target = (await users(kandji)).find((u) => (u.deviceCount ?? 0) > 0)!;
    const before = deletes(kandji);
    const r = await kandji.cli(['users', 'delete', target.id, '--yes']);
    assert.equal(r.code, 1);
    assert.equal(deletes(kandji), before + 1, 'the refusal is the tenant\'s answer, not a guess');
    assert.match(r.stderr, new RegExp(`^Deleting user ${target.name} .*failed: User still assigned to one or more devices \\(HTTP 400\\)\\. `));
    assert.match(r.stderr, new RegExp(`Kandji deletes only users who have no devices, and this one has ${target.deviceCount}: assign th(at device|ose devices) to another user \\(or none\\) in Kandji, then delete again\\n$`));
    assert.ok((await users(kandji)).some((u) => u.id === target.id));
  });

  test('an unknown id: exit 1 with the close match; an email or a name given as the id is recognised (delete and show)', async () => {
    const [user] = await users(kandji);
    const typo = `${user!.id.slice(0, -1)}${user!.id.endsWith('0') ? '1' : '0'}`;
    const r = await kandji.cli(['users', 'delete', typo, '--yes']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `Deleting user ${typo} failed: no user with id "${typo}" in this tenant. Did you mean ${user!.id} (\`${user!.name}\`)?\n`);
    const byEmail = await kandji.cli(['users', 'delete', user!.email!, '--yes']);
    assert.equal(byEmail.code, 1);
    assert.match(byEmail.stderr, new RegExp(`That is the email of user ${user!.id}; pass its id\\.\\n$`));
    const byName = await kandji.cli(['users', 'delete', user!.name, '--yes']);
    assert.match(byName.stderr, new RegExp(`That is the name of user ${user!.id}; pass its id\\.\\n$`));
    assert.match((await kandji.cli(['users', 'delete', 'zzzz-not-a-user', '--yes'])).stderr, /`profile-studio users list` shows them\.\n$/);
    const shown = await kandji.cli(['users', 'show', user!.email!]);
    assert.equal(shown.code, 1);
    assert.equal(shown.stderr, `Reading user ${user!.email} failed: no user with id "${user!.email}" in this tenant. That is the email of user ${user!.id}; pass its id.\n`);
  });

  test('JumpCloud deletes a user (its systems lose the user); without --yes it sends nothing', async () => {
    const [user] = await users(jumpcloud);
    usage(await noRequest(jumpcloud, ['users', 'delete', user!.id]), /needs --yes/);
    const r = ok(await jumpcloud.cli(['users', 'delete', user!.id, '--yes']));
    assert.match(r.stdout, new RegExp(`^Deleted user .*\\(${user!.id}\\)\\n$`));
    assert.ok(!(await users(jumpcloud)).some((u) => u.id === user!.id));
    assert.ok(!jumpcloud.sim.state.devices.some((d) => d.user?.id === user!.id));
  });
});

describe('ade renew', () => {
  const integrationId = async (): Promise<string> => (JSON.parse(ok(await kandji.cli(['ade', 'integrations', '--json'])).stdout) as { id: string }[])[0]!.id;
  const blueprint = (): { id: string; name: string } => [...kandji.sim.state.blueprints.values()].at(-1)!;
  const renew = async (id: string, extra: string[] = []): Promise<string[]> =>
    ['ade', 'renew', id, '--token', 'token.p7m', '--blueprint', blueprint().id, '--email', 'mdm@acme.example', '--phone', '+1 555 0199', ...extra];

  test('uploads the token with the contact and blueprint, and prints the new expiry (text and --json)', async () => {
    const id = await integrationId();
    const r = ok(await kandji.cli(await renew(id), dir));
    const inAYear = new Date(kandji.sim.state.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    assert.equal(r.stdout, `Renewed ADE integration Acme ABM (${id}); the server token now expires ${inAYear}\n`);
    const post = kandji.sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/renew'));
    assert.equal(post.length, 1, 'one upload, never retried');
    const renewed = JSON.parse(ok(await kandji.cli(await renew(id, ['--json']), dir)).stdout) as Record<string, unknown>;
    assert.deepEqual({ ...renewed, expiresAt: String(renewed['expiresAt']).slice(0, 10) }, {
      id, name: 'Acme ABM', serverName: 'Acme ABM', email: 'mdm@acme.example', phone: '+1 555 0199', expiresAt: inAYear,
      lastSync: renewed['lastSync'], deviceCount: renewed['deviceCount'], defaultBlueprintName: blueprint().name,
    });
    assert.ok(!leaksToken(r, kandji.sim.token));
  });

  test('missing options, a bad email or phone: exit 2 before any request, every missing option named', async () => {
    const id = await integrationId();
    usage(await noRequest(kandji, ['ade', 'renew', id], dir), /^profile-studio ade renew: needs --token FILE --blueprint ID --email ADDRESS --phone NUMBER\nUsage: profile-studio ade renew <integration-id> /);
    usage(await noRequest(kandji, ['ade', 'renew', id, '--token', 'token.p7m', '--email', 'a@b.example'], dir), /needs --blueprint ID --phone NUMBER\n/);
    usage(await noRequest(kandji, (await renew(id)).map((a) => (a === 'mdm@acme.example' ? 'mdm-at-acme' : a)), dir), /--email "mdm-at-acme" is not an email address/);
    usage(await noRequest(kandji, (await renew(id)).map((a) => (a === '+1 555 0199' ? 'call IT' : a)), dir), /--phone "call IT" is not a phone number/);
    usage(await noRequest(kandji, (await renew(id)).map((a) => (a === '+1 555 0199' ? '   ' : a)), dir), /needs --phone NUMBER/);
    usage(await noRequest(kandji, ['ade', 'renew'], dir), /missing <integration-id>/);
    usage(await noRequest(kandji, [...(await renew(id)), '--tokn', 'x'], dir), /unknown option --tokn; did you mean --token\?/);
  });

  test('a token file that is missing, a folder, empty or far too large: exit 2 in file words, nothing sent', async () => {
    const id = await integrationId();
    const withToken = async (file: string) => (await renew(id)).map((a) => (a === 'token.p7m' ? file : a));
    mkdirSync(join(dir, 'tokens'), { recursive: true });
    writeFileSync(join(dir, 'empty.p7m'), '');
    writeFileSync(join(dir, 'big.p7m'), Buffer.alloc(3 * 1024 * 1024, 65));
    const cases: [string, RegExp][] = [
      ['nope.p7m', /^profile-studio ade renew: cannot read --token nope\.p7m: no such file or folder\n$/],
      ['tokens', /^profile-studio ade renew: cannot read --token tokens: is a folder, not a file\n$/],
      ['token.p7m/x', /cannot read --token token\.p7m\/x: part of the path is a file, not a folder\n$/],
      ['empty.p7m', /^profile-studio ade renew: --token empty\.p7m is empty\n$/],
      ['big.p7m', /^profile-studio ade renew: --token big\.p7m is 3\.0 MB; a server token is a few kilobytes/],
    ];
    for (const [file, message] of cases) {
      const r = await noRequest(kandji, await withToken(file), dir);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, message, file);
      assert.doesNotMatch(r.stderr, /ENOENT|EISDIR|ENOTDIR|errno|\n {4}at /, file);
    }
  });

  test('an unreadable token file: permission denied, nothing sent', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, async () => {
    const id = await integrationId();
    writeFileSync(join(dir, 'locked.p7m'), 'x');
    chmodSync(join(dir, 'locked.p7m'), 0o000);
    const r = await noRequest(kandji, (await renew(id)).map((a) => (a === 'token.p7m' ? 'locked.p7m' : a)), dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read --token locked\.p7m: permission denied\n$/);
  });

  test('an unknown integration or blueprint: exit 1 with the close match', async () => {
    const id = await integrationId();
    const typo = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    const r = await kandji.cli(await renew(typo), dir);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `Renewing ADE integration ${typo} failed: no ADE integration with id "${typo}" in this tenant. Did you mean ${id} (\`Acme ABM\`)?\n`);
    const before = kandji.sim.log.filter((e) => e.path.endsWith('/renew')).length;
    const byName = await kandji.cli((await renew(id)).map((a) => (a === blueprint().id ? blueprint().name : a)), dir);
    assert.equal(byName.code, 1);
    assert.match(byName.stderr, new RegExp(`no blueprint with id "${blueprint().name}" in this tenant\\. That is the name of blueprint ${blueprint().id}; pass its id\\.\\n$`));
    assert.equal(kandji.sim.log.filter((e) => e.path.endsWith('/renew')).length, before, 'an unknown blueprint is caught before the upload');
  });

  test('JumpCloud has no ADE integrations: exit 2 "not offered by JumpCloud", no request, no file read', async () => {
    const r = await noRequest(jumpcloud, ['ade', 'renew', 'any', '--token', 'nope.p7m'], dir);
    usage(r, /^Renewing an ADE integration: ade is not offered by JumpCloud\n$/);
  });
});
