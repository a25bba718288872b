// The three-way states, on plain data (no tenant): each state, the no-phantom-diff rule, info file formats.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { profileHash } from '../../../tenant/src/api/hash';
import { compareAll, compareOne, parseInfo, serializeInfo, type LocalProfile, type RemoteProfile, type SyncInfo } from '../../../tenant/src/sync';
import { folderName } from '../../../tenant/src/sync/repo';
import { profileXml } from '../../cli/tenantCli';

const base = profileXml('Dock', 'com.example.dock');
const edited = profileXml('Dock', 'com.example.dock', '\n\t\t\t<key>autohide</key>\n\t\t\t<true/>');
const encoder = new TextEncoder();
const runsOn = { mac: true, iphone: false, ipad: false, tv: false, vision: false };

function local(content: string, info: Partial<SyncInfo> = {}): LocalProfile {
  return {
    dir: 'Dock', infoPath: 'profiles/Dock/info.yaml', infoFormat: 'yaml', hasInfoFile: true, profilePath: 'profiles/Dock/Dock.mobileconfig',
    content: encoder.encode(content),
    info: { id: 'p1', name: 'Dock', active: true, runs_on_mac: true, updated_at: 't1', sync_hash: profileHash(base), extra: {}, ...info },
  };
}

function remote(content: string, extra: Partial<RemoteProfile> = {}): RemoteProfile {
  return { id: 'p1', name: 'Dock', active: true, runsOn, updatedAt: 't1', contentHash: profileHash(content), profile: content, ...extra };
}

test('each three-way state', () => {
  assert.equal(compareOne(local(base), remote(base)).state, 'no_changes');
  assert.equal(compareOne(local(edited), remote(base)).state, 'updated_local');
  assert.equal(compareOne(local(base), remote(edited, { updatedAt: 't2' })).state, 'updated_remote');
  const third = profileXml('Dock', 'com.example.dock', '\n\t\t\t<key>magnification</key>\n\t\t\t<true/>');
  assert.equal(compareOne(local(edited), remote(third, { updatedAt: 't2' })).state, 'conflict');
  assert.equal(compareOne(local(edited), remote(edited, { updatedAt: 't2' })).state, 'no_changes', 'the same change on both sides');
  const entries = compareAll([local(base, { id: undefined, sync_hash: undefined })], [remote(base, { id: 'p2' })]);
  assert.deepEqual(entries.map((e) => e.state), ['new_local', 'new_remote']);
});

test('metadata: a local edit of info is updated_local; a tenant-side change is updated_remote', () => {
  assert.equal(compareOne(local(base, { active: false }), remote(base)).state, 'updated_local');
  assert.equal(compareOne(local(base), remote(base, { active: false, updatedAt: 't2' })).state, 'updated_remote');
  assert.equal(compareOne(local(base, { runs_on_ipad: true }), remote(base)).reason, 'changed locally: runs_on');
  // A bumped updated_at alone (assignment changes and the like) is not a change of the profile.
  assert.equal(compareOne(local(base), remote(base, { updatedAt: 't9' })).state, 'no_changes');
});

test('no phantom diff: the tenant rewriting identifier and display name, or reformatting, is not a change', () => {
  const rewritten = base
    .replace('<string>com.example.dock</string>', '<string>com.kandji.profile.custom.p1</string>')
    .replace('<string>Dock</string>', '<string>Dock (renamed by the service)</string>')
    .replace(/\n\t*/g, '\r\n  ');
  assert.equal(compareOne(local(base), remote(rewritten, { updatedAt: 't2' })).state, 'no_changes');
});

test('without a sync record only equal content is in sync', () => {
  assert.equal(compareOne(local(base, { sync_hash: undefined }), remote(base)).state, 'no_changes');
  assert.equal(compareOne(local(edited, { sync_hash: undefined, updated_at: undefined }), remote(base)).state, 'conflict');
  assert.equal(compareOne(local(edited, { sync_hash: undefined }), remote(base)).state, 'updated_local', 'updated_at still matches');
});

test('a folder whose id left the tenant is new_local with a reason', () => {
  const [entry] = compareAll([local(base, { id: 'gone' })], []);
  assert.equal(entry?.state, 'new_local');
  assert.match(entry?.reason ?? '', /not in the tenant/);
});

test('info files round-trip in YAML, JSON and plist and keep unknown fields', () => {
  const info: SyncInfo = { id: '42', name: 'A & B <c>', active: false, runs_on_mac: true, runs_on_tv: false, sync_hash: 'sha256:ab', extra: { runs_on_android: false, note: 'kept' } };
  for (const format of ['yaml', 'json', 'plist'] as const) {
    const parsed = parseInfo(serializeInfo(info, format), format);
    assert.ok(parsed.ok, format);
    assert.deepEqual(parsed.info, info, format);
  }
  assert.deepEqual(parseInfo('id: 7\nactive: "true"\n', 'yaml'), { ok: true, info: { id: '7', active: true, extra: {} } });
  assert.equal(parseInfo('id: [', 'yaml').ok, false);
  assert.equal(parseInfo('{', 'json').ok, false);
  assert.equal(parseInfo('- a\n- b\n', 'yaml').ok, false);
});

test('folder names are safe and unique', () => {
  assert.equal(folderName('Wi-Fi: Corp/Guest', new Set()), 'Wi-Fi_ Corp_Guest');
  assert.equal(folderName('Dock', new Set(['dock'])), 'Dock (2)');
  assert.equal(folderName('..', new Set()), 'profile');
});
