// `npm run demo`: builds and packages the extension, starts the simulator (Kandji flavour, demo data) and
// code-server on 127.0.0.1 with the .vsix installed, the sample workspace open and the demo tenant connected,
// then prints the URL and runs until Ctrl+C.
// `npm run demo -- --screenshot DIR`: the same, headless; saves screenshots of the main views, then exits.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { screenshot } from './e2e/browser.mjs';
import { ensureCodeServer, ensureSystemPackages } from './e2e/install.mjs';
import { createSession } from './e2e/session.mjs';
import { startUiEnvironment } from './e2e/uiMode.mjs';
import { packageVsix } from './e2e/vsix.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const shotDir = shotIndex >= 0 ? resolve(args[shotIndex + 1] ?? 'screenshots') : undefined;
const log = (line) => console.error(line);

// Interactive: no overall deadline (Ctrl+C ends it); headless: bounded like the e2e run.
const timeoutS = shotDir ? 600 : 7 * 24 * 3600;
const session = createSession({ timeoutS, log });

ensureSystemPackages(log);
const install = await ensureCodeServer(log);
const vsix = packageVsix(repo, log);
const env = await startUiEnvironment({ repo, install, vsix: vsix.path, session, timeoutS, prefix: 'ps-demo-', withBrowser: Boolean(shotDir) });

if (!shotDir) {
  console.log(`\nProfile Studio demo is running.\n  Open: ${env.url}\n  Demo tenant (simulator, Kandji flavour): ${env.sim.url}\nPress Ctrl+C to stop.\n`);
  // The session's SIGINT handler stops code-server and the simulator and removes nothing else.
  process.on('exit', () => env.run.remove());
} else {
  mkdirSync(shotDir, { recursive: true });
  const { takeDemoScreenshots } = await import(pathToFileURL(join(repo, 'test', 'e2e', 'ui', 'demoShots.mjs')).href);
  let code = 0;
  try {
    session.watchPage(env.page, join(shotDir, 'timeout.png'));
    await env.page.goto(env.url);
    const saved = await takeDemoScreenshots({ page: env.page, sim: env.sim, dir: shotDir, screenshot, log });
    for (const path of saved) console.log(path);
  } catch (e) {
    log(`demo screenshots failed: ${e.message}`);
    await screenshot(env.page, join(shotDir, 'failed.png'));
    code = 1;
  }
  await env.close();
  env.run.remove();
  await session.finish();
  process.exit(code);
}
