// `npm run test:electron`: the same extension suite in desktop VS Code through @vscode/test-electron, for
// machines that have (or may download) a desktop build. Without one it skips with a one-line reason (exit 0),
// and it never tries the network unless downloading is asked for explicitly.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix, unpackVsix } from './vsix.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const executable = process.env.VSCODE_EXECUTABLE;
const mayDownload = process.env.PROFILE_STUDIO_ELECTRON_DOWNLOAD === '1';
if (!executable && !mayDownload) {
  console.log('test:electron skipped: no desktop VS Code on this machine and downloads are off '
    + '(set VSCODE_EXECUTABLE=/path/to/code or PROFILE_STUDIO_ELECTRON_DOWNLOAD=1); the same suite runs in code-server via npm run test:e2e');
  process.exit(0);
}

const { runTests } = await import('@vscode/test-electron');
const suite = join(repo, 'client', 'out', 'test', 'suite', 'index.js');
const run = mkdtempSync('/tmp/ps-e-');
try {
  const extension = unpackVsix(packageVsix(repo).path, join(run, 'vsix'));
  const ws = join(run, 'ws');
  cpSync(join(repo, 'samples', 'workspace'), ws, { recursive: true });
  const resultFile = join(run, 'result.json');
  const code = await runTests({
    ...(executable ? { vscodeExecutablePath: executable } : {}),
    extensionDevelopmentPath: extension,
    extensionTestsPath: suite,
    launchArgs: [ws, '--disable-extensions', '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'exts')],
    extensionTestsEnv: { RESULT_FILE: resultFile, PROFILE_STUDIO_E2E: '1', PROFILE_STUDIO_SAMPLES: ws },
  }).catch((e) => { console.error(`test:electron: ${e.message ?? e}`); return 1; });
  const r = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 0 };
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = code === 0 && r.failed === 0 && r.passed > 0 ? 0 : 1;
} finally {
  rmSync(run, { recursive: true, force: true });
}
