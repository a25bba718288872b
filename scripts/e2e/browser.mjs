// Debian's Chromium driven by playwright-core (which never downloads a browser); profile and caches stay in the run dir.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.PROFILE_STUDIO_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(run) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: run.env.HOME, XDG_CONFIG_HOME: run.env.XDG_CONFIG_HOME, TMPDIR: run.env.TMPDIR },
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  return { browser, page };
}

/** Best effort: a screenshot must never hide the original failure. */
export async function screenshot(page, path) {
  try {
    await page.screenshot({ path, timeout: 10_000 });
    return path;
  } catch {
    return undefined;
  }
}
