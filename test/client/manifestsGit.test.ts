// The git side of "Get App Manifests…" (client/src/manifests/git.ts) with real git on local repositories:
// clone, update, offline keep, failed clone leaving nothing behind, cancellation, and git missing from PATH.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { cloneOrUpdate, GitError, runGit } from '../../client/src/manifests/git';

const root = mkdtempSync(join(tmpdir(), 'ps-git-'));
after(() => rmSync(root, { recursive: true, force: true }));

const repo = join(root, 'origin');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Tests', '-c', 'user.email=tests@example.invalid', ...args], { cwd: repo, stdio: 'ignore' });
execFileSync('git', ['init', '-q', repo]);
writeFileSync(join(repo, 'one.plist'), '<plist><dict/></plist>');
git('add', '-A');
git('commit', '-q', '-m', 'one');
const url = pathToFileURL(repo).href;

test('clones, then updates with pull --ff-only', async () => {
  const dest = join(root, 'clone');
  assert.deepEqual(await cloneOrUpdate(url, dest), { action: 'cloned' });
  assert.ok(existsSync(join(dest, 'one.plist')));
  assert.ok(!existsSync(`${dest}.partial`));
  writeFileSync(join(repo, 'two.plist'), '<plist><dict/></plist>');
  git('add', '-A');
  git('commit', '-q', '-m', 'two');
  assert.deepEqual(await cloneOrUpdate(url, dest), { action: 'updated' });
  assert.ok(existsSync(join(dest, 'two.plist')));
});

test('an existing copy is kept when the update fails (offline), with git\'s reason', async () => {
  const dest = join(root, 'kept');
  await cloneOrUpdate(url, dest);
  const result = await cloneOrUpdate(pathToFileURL(join(root, 'gone')).href, dest);
  assert.equal(result.action, 'kept');
  assert.match((result as { reason: string }).reason, /^git pull failed: /);
  assert.ok(existsSync(join(dest, 'one.plist')));
});

test('a failed clone is a clear error and leaves nothing behind', async () => {
  const dest = join(root, 'never');
  await assert.rejects(cloneOrUpdate(pathToFileURL(join(root, 'gone')).href, dest), (e: GitError) => e.kind === 'failed' && /^git clone failed: .+/.test(e.message));
  assert.ok(!existsSync(dest) && !existsSync(`${dest}.partial`));
});

test('cancelled before it starts: nothing runs, a cancelled error', async () => {
  const abort = new AbortController();
  abort.abort();
  await assert.rejects(cloneOrUpdate(url, join(root, 'cancelled'), { signal: abort.signal }), (e: GitError) => e.kind === 'cancelled');
  assert.ok(!existsSync(join(root, 'cancelled')));
});

test('git missing from PATH is named as such', async () => {
  const saved = process.env.PATH;
  process.env.PATH = join(root, 'empty-bin');
  try {
    await assert.rejects(runGit(['--version']), (e: GitError) => e.kind === 'missing-git' && /Git was not found/.test(e.message));
  } finally {
    process.env.PATH = saved;
  }
});
