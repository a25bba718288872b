// One overall deadline and one cleanup path for a harness run: on timeout or Ctrl+C take a screenshot,
// close the browser, stop code-server's process group and exit (124 on timeout, like `timeout`).
import { screenshot } from './browser.mjs';

export function createSession({ timeoutS, log = console.error }) {
  const cleanups = [];
  let page;
  let shotPath;
  let finishing = false;
  let aborting; // the abort in progress: the normal path must not exit before it

  const cleanup = async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try { await fn(); } catch (e) { log(`[e2e] cleanup: ${e.message}`); }
    }
  };

  const abort = (code, why) => {
    if (finishing) return aborting;
    finishing = true;
    aborting = (async () => {
      log(`[e2e] ${why}`);
      if (page && shotPath) {
        const saved = await screenshot(page, shotPath);
        if (saved) log(`[e2e] screenshot: ${saved}`);
      }
      await cleanup();
      process.exit(code);
    })();
    return aborting;
  };

  const timer = setTimeout(() => abort(124, `timed out after ${timeoutS} s`), timeoutS * 1000);
  const onSignal = (sig) => abort(sig === 'SIGINT' ? 130 : 143, `stopped by ${sig}`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    /** Registers a cleanup (run last-in first-out on abort) and returns a function that runs it now, once. */
    track: (fn) => {
      if (aborting) throw new Error('run aborted');
      let running;
      const once = () => (running ??= Promise.resolve().then(fn));
      cleanups.push(once);
      return async () => {
        const i = cleanups.indexOf(once);
        if (i >= 0) cleanups.splice(i, 1);
        await once();
      };
    },
    /** The page (and where to save it) to screenshot if the run is aborted. */
    watchPage: (p, path) => { page = p; shotPath = path; },
    cleanup,
    /** Ends the run normally; if an abort is under way, waits for it (it exits the process). */
    finish: async (code) => {
      if (aborting) await aborting;
      finishing = true;
      clearTimeout(timer);
      await cleanup();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return code;
    },
  };
}
