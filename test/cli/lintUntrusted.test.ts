// Lint on untrusted files (issue 14): control characters from a file never reach the terminal raw, and bytes
// that are not a property list get one clear error instead of a screenful of tag errors.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cliEnv, runCli } from './tenantCli';

const ESC = '\u001b';
const dir = mkdtempSync(join(tmpdir(), 'ps-lint-untrusted-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('lint: untrusted files', () => {
  const env = cliEnv();

  test('an ESC byte in a key name is shown escaped, never raw', async () => {
    const path = join(dir, 'esc.mobileconfig');
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n<key>Payload${ESC}[31mRed</key>\n<string>x</string>\n</dict>\n</plist>\n`);
    const run = await runCli(['lint', path], { env });
    assert.equal(run.code, 1);
    assert.ok(!run.stdout.includes(ESC) && !run.stderr.includes(ESC));
    assert.ok(run.stdout.includes('Payload\\x1b[31mRed'), run.stdout);
  });

  test('a binary file gets one "not a plist" error', async () => {
    const path = join(dir, 'random.mobileconfig');
    const bytes = Buffer.alloc(2000);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; bytes[i] = seed >> 16 & 0xff; }
    writeFileSync(path, bytes);
    const run = await runCli(['lint', path], { env });
    assert.equal(run.code, 1);
    const problems = run.stdout.split('\n').filter((l) => / error /.test(l));
    assert.equal(problems.length, 1, run.stdout);
    assert.ok(problems[0]!.includes(' error container.not-a-plist This file is not a property list'), problems[0]);
  });
});
