// `npm run test:e2e`: packages the extension, then runs mode A (mocha suite in the extension host) and
// mode B (Playwright UI scenarios) against the installed .vsix in code-server. Exit 0 only if both pass.
// Usage: node scripts/e2e/run.mjs [suite|ui|all] [--timeout S] [--vsix FILE] [--only a,b] [--screenshots DIR] [--with-unit-summary]
// --with-unit-summary (used by `npm test`): end with one table of every tier, the unit tiers read from the
// summary scripts/runTests.mjs just wrote; the closing line then counts all tiers.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, ensureSystemPackages } from './install.mjs';
import { createSession } from './session.mjs';
import { runSuiteMode } from './suiteMode.mjs';
import { runUiMode } from './uiMode.mjs';
import { packageVsix } from './vsix.mjs';
import { formatTable, SUMMARY_FILE } from '../testReporter.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const mode = args.find((a) => ['suite', 'ui', 'all'].includes(a)) ?? 'all';
const timeoutS = Number(option('--timeout') ?? 600);
const log = (line) => console.error(line);

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

ensureSystemPackages(log);
const install = await ensureCodeServer(log);
const vsix = option('--vsix') ? { path: resolve(option('--vsix')) } : packageVsix(repo, log);
// The deadline bounds the tests, not a first-use install (minutes on a busy machine; .ci/run's timeout bounds it).
const session = createSession({ timeoutS, log });

/** A mode that cannot even start counts as one failure; the other mode still runs. */
async function guarded(fn) {
  try {
    return await fn();
  } catch (e) {
    log(`[e2e] ${e.stack ?? e}`);
    return { passed: 0, failed: 1, ok: false };
  }
}

const results = [];
const rows = [];
if (mode !== 'ui') {
  const t = Date.now();
  log('[e2e] mode A: extension test suite in the extension host');
  const r = await guarded(() => runSuiteMode({ repo, install, vsix: vsix.path, session, timeoutS, log }));
  log(`[e2e] mode A: ${r.passed} passed, ${r.failed} failed (${seconds(t)})`);
  results.push(r);
  rows.push({ tier: 'e2e suite (A)', passed: r.passed, failed: r.failed, skipped: 0, seconds: (Date.now() - t) / 1000 });
}
if (mode !== 'suite') {
  const t = Date.now();
  log('[e2e] mode B: UI scenarios with Playwright');
  const only = option('--only')?.split(',');
  const shotsOut = option('--screenshots') ? resolve(option('--screenshots')) : undefined;
  const r = await guarded(() => runUiMode({ repo, install, vsix: vsix.path, session, timeoutS, log, only, shotsOut }));
  log(`[e2e] mode B: ${r.passed} passed, ${r.failed} failed (${seconds(t)})`);
  results.push(r);
  rows.push({ tier: 'e2e UI (B)', passed: r.passed, failed: r.failed, skipped: 0, seconds: (Date.now() - t) / 1000 });
}

const summaryPath = resolve(repo, SUMMARY_FILE);
const unitRows = args.includes('--with-unit-summary') && existsSync(summaryPath) ? JSON.parse(readFileSync(summaryPath, 'utf8')).rows : [];
const all = [...unitRows, ...rows];
const passed = all.reduce((n, r) => n + r.passed, 0);
const failed = all.reduce((n, r) => n + r.failed, 0);
const skipped = all.reduce((n, r) => n + r.skipped, 0);
const ok = results.every((r) => r.ok);
await session.finish();
log(`[e2e] total ${seconds(started)}`);
console.log(`\n${formatTable([...all, { tier: 'total', passed, failed, skipped }])}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
