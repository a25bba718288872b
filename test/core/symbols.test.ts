import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import { documentSymbols, type OutlineSymbol } from '../../server/src/core/symbols/symbols';
import { profile, wifiHead } from './completeFixtures';

function shape(s: OutlineSymbol, depth: number): unknown {
  return depth === 0 || s.children.length === 0 ? `${s.kind}:${s.name}` : { [`${s.kind}:${s.name}`]: s.children.map((c) => shape(c, depth - 1)) };
}

test('outline: profile, payloads by display name or type, their keys', () => {
  const text = profile(
    `${wifiHead}\n\t\t\t<key>PayloadDisplayName</key>\n\t\t\t<string>Office Wi-Fi</string>`,
    '\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.applicationaccess</string>\n\t\t\t<key>allowCamera</key>\n\t\t\t<false/>',
  );
  const symbols = documentSymbols(parsePlist(text));
  assert.deepEqual(shape(symbols[0]!, 3), {
    'profile:com.example.test': [
      { 'key:PayloadContent': [{ 'payload:Office Wi-Fi': ['key:PayloadType', 'key:PayloadDisplayName'] }, { 'payload:com.apple.applicationaccess': ['key:PayloadType', 'key:allowCamera'] }] },
      'key:PayloadIdentifier',
      'key:PayloadType',
    ],
  });
  const wifi = symbols[0]!.children[0]!.children[0]!;
  assert.equal(wifi.detail, 'com.apple.wifi.managed');
  assert.equal(text.slice(wifi.span.offset, wifi.span.offset + wifi.span.length).endsWith('</dict>'), true);
  const camera = symbols[0]!.children[0]!.children[1]!.children[1]!;
  assert.equal(text.slice(camera.selection.offset, camera.selection.offset + camera.selection.length), '<key>allowCamera</key>');
  assert.equal(camera.detail, 'false');
});

test('outline of broken or empty documents does not throw', () => {
  assert.deepEqual(documentSymbols(parsePlist('')), []);
  for (const t of ['<plist><dict><key>a</key>', '<plist><array><string>x</array>', '<dict><key>PayloadContent</key><array><dict>']) {
    assert.ok(Array.isArray(documentSymbols(parsePlist(t))));
  }
});
