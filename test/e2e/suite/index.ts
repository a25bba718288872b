// Entry of the extension test suite, run inside the extension host by the e2e harness (code-server):
// mocha (tdd) over the bundled *.test.ts files; counts go to RESULT_FILE as {passed, failed, failures}.
import { writeFile } from 'node:fs/promises';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.PROFILE_STUDIO_SUITE_GREP;
  if (grep) mocha.grep(grep);
  // The test files are bundled with this entry, so define the tdd globals, then evaluate them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  await import('./activation.test');
  await import('./diagnostics.test');
  await import('./tenants.test');
  await import('./tree.test');
  await import('./profileCommands.test');
  await import('./deviceActions.test');
  await import('./viewers.test');
  await import('./sync.test');
  await import('./errors.test');
  await import('./appManifests.test');
  await import('./fleet.test');
  await import('./secrets.test');
  await import('./fleetManage.test');

  const failures: { title: string; error: string }[] = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', (test, err: Error) => failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }));
  });
  const result = { passed, failed: failures.length, failures };
  if (process.env.RESULT_FILE) await writeFile(process.env.RESULT_FILE, JSON.stringify(result, null, 2));
  if (failures.length) throw new Error(`${failures.length} of ${passed + failures.length} extension tests failed`);
}
