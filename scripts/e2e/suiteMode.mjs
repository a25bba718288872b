// Mode A: the extension's mocha suite inside code-server's extension host, loaded from the unpacked .vsix.
// extensionDevelopmentPath points at the vsix's own `extension/` folder, so the code under test is the shipped
// code; extensionTestsPath points at the suite bundle in the repo (tests are not shipped; mocha resolves there).
import { appendFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, screenshot } from './browser.mjs';
import { createRunDir, startCodeServer } from './codeServer.mjs';
import { unpackVsix } from './vsix.mjs';

/** @returns {Promise<{ passed: number, failed: number, ok: boolean }>} */
export async function runSuiteMode({ repo, install, vsix, session, timeoutS, log = console.error }) {
  const suite = join(repo, 'client', 'out', 'test', 'suite', 'index.js');
  if (!existsSync(suite)) throw new Error(`no extension test suite at ${suite} (build test/e2e/suite first)`);
  const run = createRunDir('ps-a-');
  let ok = false;
  try {
    const ext = unpackVsix(vsix, join(run.dir, 'vsix'));
    const ws = join(run.dir, 'profiles');
    cpSync(join(repo, 'samples', 'workspace'), ws, { recursive: true });
    const resultFile = join(run.dir, 'result.json');
    const server = await startCodeServer(install, run, {
      smokeDriver: true, idleTimeoutS: timeoutS + 60,
      extraEnv: { RESULT_FILE: resultFile, PROFILE_STUDIO_E2E: '1', PROFILE_STUDIO_SAMPLES: ws },
    });
    const stopServer = session.track(server.stop);
    const { browser, page } = await launchBrowser(run);
    const closeBrowser = session.track(() => browser.close());
    session.watchPage(page, join(run.shots, 'suite-timeout.png'));
    try {
      const lines = [];
      const exitCode = new Promise((resolve) => {
        page.exposeFunction('codeAutomationExit', (code) => resolve(code));
        page.exposeFunction('codeAutomationLog', (_level, args) => {
          const line = format(...(Array.isArray(args) ? args : [args]));
          lines.push(line);
          appendFileSync(join(run.dir, 'suite.log'), `${line}\n`);
          const shown = line.split('\n').filter((l) => !NOISE.some((re) => re.test(l)));
          if (shown.length > 0) log(shown.map((l) => `  ${l}`).join('\n'));
        });
        server.exited.then(() => resolve('code-server exited'));
      });
      const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
      const payload = [['extensionDevelopmentPath', remote(ext)], ['extensionTestsPath', remote(suite.replace(/\.js$/, ''))]];
      const started = Date.now();
      await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      const code = await exitCode;
      log(`[e2e] suite finished with ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const counts = readCounts(resultFile, lines);
      if (code !== 0) await screenshot(page, join(run.shots, 'suite-failed.png'));
      ok = code === 0 && counts.failed === 0 && counts.passed > 0;
      return { ...counts, ok, runDir: run.dir };
    } finally {
      await closeBrowser();
      await stopServer();
    }
  } finally {
    // A failed run keeps its dir (screenshots, logs) for a look afterwards.
    if (ok && !process.env.PROFILE_STUDIO_E2E_KEEP) run.remove();
    else log(`[e2e] run dir kept: ${run.dir}`);
  }
}

// Workbench chatter that says nothing about the suite; everything still goes to the run dir's suite.log.
const NOISE = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin/,
  /^Creation of workbench contribution/, /^\[(AgentHost|AccountPolicyGate|Service Worker|reconnection-grace-time)/,
  /authentication provider 'github'/, /^\s+at /, /^\s*$/];

/** Counts from the suite's RESULT_FILE; mocha's spec-reporter summary lines as a fallback. */
function readCounts(resultFile, lines) {
  if (existsSync(resultFile)) {
    const r = JSON.parse(readFileSync(resultFile, 'utf8'));
    return { passed: Number(r.passed) || 0, failed: Number(r.failed) || 0, failures: r.failures ?? [] };
  }
  const text = lines.join('\n');
  const passed = Number(/(\d+) passing/.exec(text)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(text)?.[1] ?? 0);
  return { passed, failed, failures: [] };
}
