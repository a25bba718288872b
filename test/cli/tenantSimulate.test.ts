// `profile-studio simulate` as users run it: prints URL, token and environment, serves the CLI, stops on SIGTERM.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI, cliEnv, runCli } from './tenantCli';

function waitFor(pattern: RegExp, read: () => string, child: ReturnType<typeof spawn>, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { cleanup(); reject(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${read()}`)); }, timeoutMs);
    const check = () => { const m = pattern.exec(read()); if (m) { cleanup(); resolve(m); } };
    const onExit = (code: number | null) => { cleanup(); reject(new Error(`simulate exited (${code}) before printing ${pattern}`)); };
    const cleanup = () => { clearTimeout(timer); child.stdout?.off('data', check); child.off('exit', onExit); };
    child.stdout?.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  test(`simulate --vendor ${vendor} serves the CLI and stops on SIGTERM`, async () => {
    const child = spawn(process.execPath, [CLI, 'simulate', '--vendor', vendor, '--data', 'empty'], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(/environment for the CLI:\n((?:\s+export \S+=\S+\n)+)/, () => out, child, 30_000);
      assert.match(out, /listening on http:\/\/127\.0\.0\.1:\d+/);
      const env = Object.fromEntries([...out.matchAll(/export (\S+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
      assert.equal(env.PROFILE_STUDIO_VENDOR, vendor);
      const listed = await runCli(['profiles', 'list', '--json'], { env: cliEnv(env) });
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(JSON.parse(listed.stdout), []);
      assert.equal(listed.stderr, '', 'no progress noise when stderr is not a terminal');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, err);
    assert.match(err, /simulator stopped \(SIGTERM\)/);
  });
}

test('simulate rejects bad options with exit 2', async () => {
  for (const args of [['--vendor', 'intune'], ['--port', 'eighty'], ['--faults', 'teapot']]) {
    const run = await runCli(['simulate', ...args], { env: cliEnv() });
    assert.equal(run.code, 2, args.join(' '));
  }
});
