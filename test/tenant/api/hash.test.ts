// profileHash(): equal for what the service rewrites and for formatting, different for any real change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { normaliseProfile, profileHash } from '../../../tenant/src/api/hash';
import { sampleProfileXml } from '../../../tenant/src/simulator/index';
import { sharedMissing, sharedPath } from '../../shared';

const base = sampleProfileXml('Studio Wi-Fi', 'com.example.studio');

test('top-level identifier, display name and UUID rewrites do not change the hash', () => {
  const rewritten = base
    .replace('<string>com.example.studio</string>', '<string>com.kandji.profile.custom.7c1e4b1a-2f0d-4c55-9a61-3b7f0e2d9a10</string>')
    .replace('<string>Studio Wi-Fi</string>', '<string>Renamed in the console</string>')
    .replace('9F8E7D6C-5B4A-4392-8170-6E5D4C3B2A19', '11111111-2222-4333-8444-555555555555');
  assert.notEqual(rewritten, base);
  assert.equal(profileHash(rewritten), profileHash(base));
});

test('formatting does not change the hash: indentation, CRLF, tabs in strings, key order', () => {
  const crlf = base.replace(/\n/g, '\r\n');
  const flat = base.replace(/>\s+</g, '><');
  const deep = base.replace(/\n(\s*)</g, '\n$1$1    <');
  for (const variant of [crlf, flat, deep]) assert.equal(profileHash(variant), profileHash(base));
  const reordered = `<?xml version="1.0"?><plist version="1.0"><dict><key>B</key><string>a\tb</string><key>A</key><integer>1</integer></dict></plist>`;
  const ordered = `<?xml version="1.0"?><plist version="1.0"><dict><key>A</key><integer>1</integer><key>B</key><string>a    b</string></dict></plist>`;
  assert.equal(profileHash(reordered), profileHash(ordered));
  assert.equal(profileHash(new TextEncoder().encode(base)), profileHash(base), 'bytes and text agree');
});

test('any real change changes the hash, including nested identifiers', () => {
  const cases = [
    base.replace('<string>Example</string>', '<string>Other</string>'),
    base.replace('<true/>', '<false/>'),
    base.replace('com.example.studio.wifi', 'com.example.other.wifi'),
    base.replace('<integer>1</integer>', '<integer>2</integer>'),
    base.replace('<key>AutoJoin</key>', '<key>AutoJoin2</key>'),
  ];
  for (const c of cases) {
    assert.notEqual(c, base);
    assert.notEqual(profileHash(c), profileHash(base), c);
  }
  assert.match(profileHash(base), /^sha256:[0-9a-f]{64}$/);
});

test('typed values keep their type; unreadable input falls back to collapsed text', () => {
  const typed = (v: string) => normaliseProfile(`<plist><dict><key>v</key>${v}</dict></plist>`);
  assert.notEqual(typed('<string>1</string>'), typed('<integer>1</integer>'));
  assert.equal(typed('<data>AAEC\n  AwQ=</data>'), typed('<data>AAECAwQ=</data>'));
  assert.equal(typed('<date>2025-02-03T10:15:00Z</date>'), '{"v":"date:2025-02-03T10:15:00.000Z"}');
  assert.equal(normaliseProfile('not   a\n plist'), 'raw:not a plist');
});

test('every well-formed unsigned profile of the shared corpus normalises as a plist', { skip: sharedMissing('corpus/index.json') }, () => {
  const root = sharedPath('corpus');
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { path: string; signed: boolean; wellFormed: boolean }[];
  const usable = index.filter((e) => !e.signed && e.wellFormed);
  assert.ok(usable.length > 50);
  for (const entry of usable) {
    const bytes = readFileSync(join(root, entry.path));
    const normal = normaliseProfile(bytes);
    assert.ok(!normal.startsWith('raw:'), entry.path);
    assert.equal(profileHash(bytes.toString('utf8').replace(/\n/g, '\r\n')), profileHash(bytes), entry.path);
  }
});
