// One isolated code-server per run: its own HOME/XDG/TMPDIR under a short /tmp dir, bound to 127.0.0.1:0,
// started in its own process group so stopping it leaves nothing behind.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'npm.fetchOnlinePackageInfo': false,
  'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false, 'editor.minimap.enabled': false, 'remote.autoForwardPorts': false,
};

/** A fresh run dir; kept short because VS Code's unix socket paths under it must fit in ~107 bytes. */
export function createRunDir(prefix = 'ps-') {
  const dir = mkdtempSync(join('/tmp', prefix));
  for (const sub of ['home', 'config', 'data', 'cache', 'tmp', 'ud/User', 'exts', 'shots']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\n');
  writeFileSync(join(dir, 'ud', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const env = {
    ...process.env, HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'), TMPDIR: join(dir, 'tmp'),
  };
  return { dir, env, shots: join(dir, 'shots'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function serverEnv(run, extraEnv) {
  return {
    ...run.env, ...extraEnv, EXTENSIONS_GALLERY: '{}',
    // Drops the `*`-activated git extensions from the server scan (saves CPU; nothing here needs git).
    VSCODE_SKIP_BUILTIN_EXTENSIONS: 'vscode.git,vscode.git-base,vscode.github',
  };
}

const baseArgs = (run) => ['--config', join(run.dir, 'config.yaml'), '--user-data-dir', join(run.dir, 'ud'), '--extensions-dir', join(run.dir, 'exts')];

/** Installs the packaged .vsix into the run's extensions dir, exactly as a user would. */
export function installVsix(install, run, vsix) {
  const r = spawnSync(install.node, [install.entry, ...baseArgs(run), '--install-extension', vsix, '--force'], { env: serverEnv(run, {}), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension failed (${r.status}): ${r.stderr || r.stdout}`);
}

/**
 * Starts code-server and resolves once it logs its port.
 * `smokeDriver` lets the workbench honour the test payload (mode A) but also hides notification toasts.
 */
export function startCodeServer(install, run, { smokeDriver = false, extraEnv = {}, idleTimeoutS = 900 } = {}) {
  const log = (text) => appendFileSync(join(run.dir, 'server.log'), text);
  const args = [install.entry, ...baseArgs(run), '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', '--idle-timeout-seconds', String(Math.max(61, idleTimeoutS))];
  if (smokeDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(install.node, args, { env: serverEnv(run, extraEnv), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const stop = async () => {
    if (!groupAlive(pgid)) return;
    signalGroup(pgid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
    const killDeadline = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
  };

  const ready = new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      log(text);
      out += text;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//.exec(out);
      if (m) resolve({ url: m[1], port: Number(m[2]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(({ code, signal }) => reject(new Error(`code-server exited early (${code ?? signal}): ${out.slice(-2000)}`)));
  });
  return ready.then(({ url, port }) => ({ url, port, pgid, exited: exitPromise, hasExited: () => exited, stop }));
}

export function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

function signalGroup(pgid, signal) {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}
