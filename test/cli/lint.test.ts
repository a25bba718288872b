// The `lint` command as users run it: the bundled server/out/cli.js spawned on fixture files.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

const cli = join('server', 'out', 'cli.js');
const fixtures = join('test', 'fixtures', 'profiles');
const invalid = (name: string) => join(fixtures, 'invalid', `${name}.mobileconfig`);
const container = (name: string) => join(fixtures, 'containers', `${name}.mobileconfig`);

before(() => {
  // `npm test` builds first; a lone run of this file builds the bundle when it is missing.
  if (!existsSync(cli)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' }).status, 0, 'build failed');
});

function lint(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'lint', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DIAGNOSTIC_KEYS = ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'];

test('json: exactly [{file, diagnostics: [{line, column, endLine, endColumn, severity, code, message}]}], exit 1 on errors', () => {
  const r = lint('--format', 'json', invalid('value.not-allowed'), invalid('payload.unknown-key'));
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as unknown[];
  assert.ok(Array.isArray(out));
  assert.equal(out.length, 2);
  for (const entry of out as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(entry), ['file', 'diagnostics']);
    assert.equal(typeof entry.file, 'string');
    for (const d of entry.diagnostics as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(d), DIAGNOSTIC_KEYS);
      for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(d[k]) && (d[k] as number) >= 1, k);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity as string));
    }
  }
  const [notAllowed, unknownKey] = out as { file: string; diagnostics: Record<string, unknown>[] }[];
  assert.equal(notAllowed!.file, 'test/fixtures/profiles/invalid/value.not-allowed.mobileconfig');
  // The golden's line; the value "WPA4" sits after `\t\t\t<string>` (column 12, 1-based).
  assert.deepEqual(notAllowed!.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn, d.severity]), [['value.not-allowed', 17, 12, 17, 16, 'error']]);
  assert.deepEqual(unknownKey!.diagnostics.map((d) => [d.code, d.severity]), [['payload.unknown-key', 'warning']]);
});

test('json on a folder of valid profiles: every file listed with no diagnostics, exit 0', () => {
  const r = lint('--format=json', join(fixtures, 'valid'));
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { file: string; diagnostics: unknown[] }[];
  assert.equal(out.length, 5);
  assert.ok(out.every((f) => f.file.startsWith('test/fixtures/profiles/valid/') && f.diagnostics.length === 0));
});

test('folders are walked recursively for .mobileconfig only (goldens and READMEs skipped)', () => {
  const r = lint('--format', 'json', join(fixtures, 'invalid'));
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { file: string }[];
  assert.ok(out.length > 40);
  assert.ok(out.every((f) => f.file.endsWith('.mobileconfig')));
  const nested = lint('--format', 'json', fixtures);
  assert.ok((JSON.parse(nested.stdout) as unknown[]).length > out.length, 'valid/, invalid/ and containers/ are all found');
});

test('sarif: 2.1.0 log, rules keyed by code, results with 1-based regions', () => {
  const r = lint('--format', 'sarif', invalid('value.not-allowed'), invalid('payload.missing-payload-version'), invalid('payload.custom-type'));
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'profile-studio');
  const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.deepEqual(ids, ['payload.custom-type', 'payload.missing-payload-version', 'value.not-allowed']);
  for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
  assert.equal(run.results.length, 3);
  for (const res of run.results) {
    assert.equal(ids[res.ruleIndex], res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.equal(typeof res.message.text, 'string');
    const loc = res.locations[0].physicalLocation;
    assert.match(loc.artifactLocation.uri, /^test\/fixtures\/profiles\/invalid\/[^/]+\.mobileconfig$/);
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1);
  }
  assert.deepEqual(run.results.map((x: { level: string }) => x.level).sort(), ['error', 'note', 'warning']);
});

test('text: file:line:col severity code message, then a summary', () => {
  const r = lint(invalid('payload.unknown-key'));
  assert.equal(r.code, 0, 'warnings alone exit 0');
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^test\/fixtures\/profiles\/invalid\/payload\.unknown-key\.mobileconfig:22:9 warning payload\.unknown-key Unknown key `AutoJion`.*did you mean `AutoJoin`\?$/);
  assert.equal(lines.at(-1), '1 file linted: 0 errors, 1 warning, 0 info notes, 0 hints');
});

test('--platform adds support notes for the targets', () => {
  const tcc = join(fixtures, 'valid', 'tcc-allowed.mobileconfig');
  assert.deepEqual((JSON.parse(lint('--format', 'json', tcc).stdout) as { diagnostics: unknown[] }[])[0]!.diagnostics, []);
  const r = lint('--format', 'json', '--platform', 'macOS,ios', tcc);
  const [file] = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] }[];
  assert.deepEqual(file!.diagnostics.map((d) => [d.code, d.severity]), [['platform.unsupported', 'info']]);
  assert.match(file!.diagnostics[0]!.message, /TCC.*not supported on iOS/);
  assert.equal(r.code, 0);
});

test('signed profiles are linted through their embedded plist and text names the signer', () => {
  const der = lint(container('signed-der-not-allowed'));
  assert.equal(der.code, 1);
  assert.match(der.stdout, /signed-der-not-allowed\.mobileconfig: signed profile \(signer: [^)]*CN=Profile Studio Test Signer[^)]*\)/);
  assert.match(der.stdout, /signed-der-not-allowed\.mobileconfig:17:12 error value\.not-allowed/);
  const pem = lint('--format', 'json', container('signed-pem-valid'));
  assert.equal(pem.code, 0);
  assert.deepEqual((JSON.parse(pem.stdout) as { diagnostics: unknown[] }[])[0]!.diagnostics, []);
});

test('binary plists are linted; unreadable containers are one error on the whole file', () => {
  const bin = lint('--format', 'json', container('binary-not-allowed'), container('binary-truncated'), container('signed-truncated'), container('signed-detached'));
  assert.equal(bin.code, 1);
  const out = JSON.parse(bin.stdout) as { diagnostics: { code: string; line: number; column: number }[] }[];
  assert.deepEqual(out.map((f) => f.diagnostics.map((d) => d.code)), [
    ['value.not-allowed'], ['container.bad-binary-plist'], ['container.unreadable-signature'], ['container.detached-signature'],
  ]);
  assert.deepEqual([out[1]!.diagnostics[0]!.line, out[1]!.diagnostics[0]!.column], [1, 1]);
});

test('exit 2: usage errors and unreadable paths', () => {
  assert.equal(lint().code, 2);
  assert.equal(lint('--format', 'xml', invalid('value.not-allowed')).code, 2);
  assert.equal(lint('--platform', 'Android', invalid('value.not-allowed')).code, 2);
  assert.equal(lint('--bogus', invalid('value.not-allowed')).code, 2);
  const missing = lint('--format', 'json', 'no/such/file.mobileconfig');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or folder/);
  const empty = mkdtempSync(join(tmpdir(), 'ps-lint-'));
  try {
    writeFileSync(join(empty, 'notes.txt'), 'not a profile');
    const r = lint(empty);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no \.mobileconfig files/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  // A missing file wins over lint errors in another file.
  assert.equal(lint(invalid('value.not-allowed'), 'no/such/file.mobileconfig').code, 2);
});

test('--help prints usage and exits 0', () => {
  const r = lint('--help');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: profile-studio lint/);
});

test('the JSON golden of a fixture matches the CLI lines', () => {
  const golden = JSON.parse(readFileSync(invalid('plist.missing-plist-element').replace(/\.mobileconfig$/, '.expected.json'), 'utf8')) as { code: string; line: number }[];
  const [file] = JSON.parse(lint('--format', 'json', invalid('plist.missing-plist-element')).stdout) as { diagnostics: { code: string; line: number }[] }[];
  assert.deepEqual(file!.diagnostics.map((d) => ({ code: d.code, line: d.line })), golden.map((g) => ({ code: g.code, line: g.line })));
});

test('json output golden (messages included; UPDATE_GOLDEN=1 rewrites it)', () => {
  const goldenPath = join('test', 'cli', 'lint-json.expected.json');
  const r = lint('--format', 'json', invalid('payload.unknown-key--nested-eap'), invalid('payload.missing-required-key--tcc-nested'), container('signed-der-not-allowed'));
  assert.equal(r.code, 1);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, r.stdout);
  assert.equal(r.stdout, readFileSync(goldenPath, 'utf8'));
});
