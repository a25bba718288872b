// Progress goes to stderr only when stderr is a terminal: run the CLI under a pseudo-terminal (util-linux
// `script`) and without one, and compare.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { CLI, cliEnv, startTenant } from './tenantCli';

const script = '/usr/bin/script';
const noPty = existsSync(script) ? false : 'util-linux `script` (for a pseudo-terminal) is not installed';

function underPty(command: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(script, ['-qec', command, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no exit within 60 s: ${output}`)); }, 60_000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

test('devices list shows progress on a terminal and none in a pipe', { skip: noPty }, async () => {
  const { sim, cli } = await startTenant('kandji', { demo: { devices: 700, profiles: 2 } });
  try {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // stdout goes to /dev/null so only stderr reaches the terminal.
    const tty = await underPty(`${quote(process.execPath)} ${quote(CLI)} devices list > /dev/null`, cliEnv({ ...sim.env, TERM: 'dumb' }));
    assert.equal(tty.code, 0, tty.output);
    assert.match(tty.output, /devices: 300/, 'a progress line per page');
    const piped = await cli(['devices', 'list']);
    assert.equal(piped.code, 0);
    assert.equal(piped.stderr, '');
  } finally {
    await sim.stop();
  }
});
