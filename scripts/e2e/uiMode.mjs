// Mode B: the installed .vsix in code-server, driven through the UI by the scenarios in test/e2e/ui/.
// The harness starts the simulator (demo data) in this process and hands it to the extension through
// PROFILE_STUDIO_DEMO_TENANT, so scenarios can check the tenant's state after acting in the editor.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, screenshot } from './browser.mjs';
import { createRunDir, installVsix, startCodeServer } from './codeServer.mjs';
import { demoTenantEnv, startDemoSimulator } from './simulator.mjs';

/** Scenario files in the order they run; later ones build on state left by earlier ones (the pushed profile). */
export const SCENARIOS = ['openWorkspace', 'brokenProfile', 'completion', 'pushProfile', 'treeAssign', 'deviceAction', 'deviceDetails', 'reportTable', 'reportExport', 'secretReveal'];

/**
 * Brings up simulator + code-server (vsix installed) + browser on the sample workspace.
 * Used by mode B and by the demo's headless screenshots.
 */
export async function startUiEnvironment({ repo, install, vsix, session, timeoutS, prefix = 'ps-b-', withBrowser = true }) {
  const run = createRunDir(prefix);
  const sim = await startDemoSimulator(repo, 'kandji');
  const stopSim = session.track(() => sim.stop());
  installVsix(install, run, vsix);
  const ws = join(run.dir, 'profiles');
  cpSync(join(repo, 'samples', 'workspace'), ws, { recursive: true });
  const server = await startCodeServer(install, run, { idleTimeoutS: timeoutS + 60, extraEnv: demoTenantEnv(sim) });
  const stopServer = session.track(server.stop);
  const { browser, page } = withBrowser ? await launchBrowser(run) : {};
  const closeBrowser = session.track(async () => { await browser?.close(); });
  const url = `${server.url}/?folder=${encodeURIComponent(ws)}`;
  return {
    run, sim, server, page, ws, url,
    close: async () => { await closeBrowser(); await stopServer(); await stopSim(); },
  };
}

export async function runUiMode({ repo, install, vsix, session, timeoutS, log = console.error, only, shotsOut }) {
  const env = await startUiEnvironment({ repo, install, vsix, session, timeoutS });
  const { Workbench } = await import(pathToFileURL(join(repo, 'test', 'e2e', 'ui', 'workbench.mjs')).href);
  const wb = new Workbench(env.page);
  let passed = 0;
  let failed = 0;
  try {
    await env.page.goto(env.url);
    await wb.ready();
    for (const name of SCENARIOS.filter((s) => !only || only.includes(s))) {
      const shot = join(env.run.shots, `${name}.png`);
      session.watchPage(env.page, shot.replace(/\.png$/, '-timeout.png'));
      const started = Date.now();
      const scenario = await import(pathToFileURL(join(repo, 'test', 'e2e', 'ui', `${name}.mjs`)).href);
      try {
        await scenario.run({ wb, page: env.page, sim: env.sim, ws: env.ws, log });
        await screenshot(env.page, shot);
        passed++;
        log(`  ✔ ${scenario.title ?? name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        await screenshot(env.page, shot.replace(/\.png$/, '-failed.png'));
        failed++;
        log(`  ✘ ${scenario.title ?? name}: ${e.message.split('\n')[0]}`);
        // A dialog or menu left open by a failed step would block the next scenario.
        await env.page.keyboard.press('Escape').catch(() => {});
      }
    }
    if (shotsOut) {
      mkdirSync(shotsOut, { recursive: true });
      for (const name of SCENARIOS) {
        try { copyFileSync(join(env.run.shots, `${name}.png`), join(shotsOut, `${name}.png`)); } catch { /* scenario failed: no shot */ }
      }
    }
  } finally {
    await env.close();
    if (failed === 0 && passed > 0 && !process.env.PROFILE_STUDIO_E2E_KEEP) env.run.remove();
    else log(`[e2e] run dir kept: ${env.run.dir}`);
  }
  return { passed, failed, ok: failed === 0 && passed > 0 };
}
