// `profile-studio lint --manifests DIR` on the built binary, with the shared ProfileManifests collection:
// Chrome and Safari payloads, directly and through managed preferences; folders repeatable; clear errors.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { payloadXml, profileWith } from '../core/validateHelpers';
import { sharedMissing, sharedPath } from '../shared';

const cli = join('server', 'out', 'cli.js');
const skip = sharedMissing('profile-manifests/Manifests');
const manifests = sharedPath('profile-manifests');

before(() => {
  if (!existsSync(cli)) assert.equal(spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' }).status, 0, 'build failed');
});

function lint(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'lint', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ps-cli-manifests-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, `${name}.mobileconfig`);
  writeFileSync(path, text);
  return path;
};
const mcx = (domain: string, settings: string) => profileWith(payloadXml('com.apple.ManagedClient.preferences',
  `<key>PayloadContent</key><dict><key>${domain}</key><dict><key>Forced</key><array><dict><key>mcx_preference_settings</key><dict>${settings}</dict></dict></array></dict></dict>`));
type Row = { file: string; diagnostics: { code: string; severity: string; message: string; line: number }[] };
const rows = (stdout: string) => (JSON.parse(stdout) as Row[]).map((f) => f.diagnostics.map((d) => `${d.severity} ${d.code}`));

describe('lint --manifests', { skip }, () => {
  const wrong = file('chrome-wrong', profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key>\n<integer>3</integer>')));
  const near = file('chrome-near', profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocatoin</key><string>x</string>')));
  const valid = file('chrome-valid', profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><string>https://example.com</string>')));
  const safari = file('safari', profileWith(payloadXml('com.apple.Safari', '<key>HomePage</key><string>https://example.com</string>')));
  const mcxWrong = file('mcx-wrong', mcx('com.google.Chrome', '<key>HomepageLocation</key><integer>3</integer>'));
  const mcxNear = file('mcx-near', mcx('com.google.Chrome', '<key>HomepageLocatoin</key><string>x</string>'));

  test('Chrome: wrong type an error at the key\'s value (exit 1), a near miss a warning with suggestion, a valid value nothing', () => {
    const r = lint('--format', 'json', '--manifests', manifests, wrong, near, valid);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(rows(r.stdout), [['error value.wrong-type'], ['warning payload.unknown-key'], []]);
    const out = JSON.parse(r.stdout) as Row[];
    assert.equal(out[0]!.diagnostics[0]!.line, profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key>\n<integer>3</integer>')).split('\n').findIndex((l) => l.startsWith('<integer>')) + 1);
    assert.match(out[1]!.diagnostics[0]!.message, /did you mean `HomepageLocation`/);
  });

  test('Safari recognised and managed preferences checked the same way; without --manifests they are not', () => {
    const r = lint('--format', 'json', '--manifests', manifests, safari, mcxWrong, mcxNear);
    assert.deepEqual(rows(r.stdout), [[], ['error value.wrong-type'], ['warning payload.unknown-key']]);
    const plain = lint('--format', 'json', safari, mcxWrong);
    assert.equal(plain.code, 0);
    assert.deepEqual(rows(plain.stdout), [['warning payload.unknown-apple-type'], []]);
  });

  test('repeatable: a second folder adds its domains; a broken manifest is named on stderr and skipped', () => {
    const extra = mkdtempSync(join(tmpdir(), 'ps-cli-extra-'));
    try {
      writeFileSync(join(extra, 'example.plist'), `<?xml version="1.0"?><plist version="1.0"><dict><key>pfm_domain</key><string>com.example.cli</string>
<key>pfm_subkeys</key><array><dict><key>pfm_name</key><string>Level</string><key>pfm_type</key><string>integer</string></dict></array></dict></plist>`);
      writeFileSync(join(extra, 'broken.plist'), '<plist><dict><key>pfm_domain</key><string>com.example.broken</string><key>pfm_subkeys</key><array>');
      const both = [file('example', profileWith(payloadXml('com.example.cli', '<key>Level</key><true/>'))), file('broken-domain', profileWith(payloadXml('com.example.broken', '')))];
      const r = lint('--format', 'json', '--manifests', manifests, '--manifests', extra, ...both);
      assert.deepEqual(rows(r.stdout), [['error value.wrong-type'], ['info payload.custom-type']]);
      assert.match(r.stderr, /profile-studio lint: manifest .*broken\.plist skipped: not a readable plist/);
      assert.equal(r.stderr.split('\n').filter((l) => l.includes('broken.plist')).length, 1);
    } finally {
      rmSync(extra, { recursive: true, force: true });
    }
  });
});

test('--manifests naming no folder is a usage error (exit 2) that says so; help lists the option', () => {
  const r = lint('--manifests', join(dir, 'no-such-folder'), join(dir, 'x.mobileconfig'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--manifests .*no-such-folder: no such folder/);
  assert.doesNotMatch(r.stderr, /ENOENT|at .*\.js/);
  const help = lint('--help');
  assert.match(help.stdout, /--manifests DIR/);
  const noValue = lint('x.mobileconfig', '--manifests');
  assert.equal(noValue.code, 2);
  assert.match(noValue.stderr, /--manifests needs a value/);
});
