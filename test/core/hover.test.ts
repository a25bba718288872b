import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlist } from '../../server/src/core/plist/parser';
import { hover } from '../../server/src/core/hover/hover';
import { cursor, profile, testSchemas, wifiHead } from './completeFixtures';

function hoverAt(marked: string) {
  const { text, offset } = cursor(marked);
  const h = hover(parsePlist(text), offset, testSchemas);
  return { h, text, covered: h ? text.slice(h.offset, h.offset + h.length) : undefined };
}

test('hover on a key: title, type, allowed values, default, platforms', () => {
  const { h, covered } = hoverAt(profile(`${wifiHead}\n\t\t\t<key>Encryp|tionType</key>\n\t\t\t<string>WPA2</string>`));
  assert.ok(h);
  assert.equal(covered, '<key>EncryptionType</key>');
  assert.match(h.contents, /\*\*Security type\*\* \(`EncryptionType`\)/);
  assert.match(h.contents, /Type: string, optional/);
  assert.match(h.contents, /Allowed: `WEP`, `WPA`, `WPA2`, `WPA3`, `Any`, `None`/);
  assert.match(h.contents, /Default: `Any`/);
  assert.match(h.contents, /iOS: since 4\.0/);
});

test('hover on a value shows its key; ranges and OS versions', () => {
  const { h, covered } = hoverAt(profile(`${wifiHead}\n\t\t\t<key>Priority</key>\n\t\t\t<integer>1|0</integer>`));
  assert.equal(covered, '<integer>10</integer>');
  assert.match(h!.contents, /Range: 0 … 100/);
  const r = hoverAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.applicationaccess</string>\n\t\t\t<key>allow|Camera</key>\n\t\t\t<false/>'));
  assert.match(r.h!.contents, /macOS: since 10\.11, deprecated in 14\.0/);
  const sup = hoverAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.applicationaccess</string>\n\t\t\t<key>allowApp|Removal</key>\n\t\t\t<false/>'));
  assert.match(sup.h!.contents, /iOS: since 4\.0, supervised only/);
});

test('hover on a PayloadType value: payload title and platforms', () => {
  const { h } = hoverAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.apple.wi|fi.managed</string>'));
  assert.match(h!.contents, /^\*\*Wi-Fi\*\* \(`com\.apple\.wifi\.managed`\)/);
  assert.match(h!.contents, /macOS: since 10\.7/);
  assert.match(h!.contents, /Required keys: `SSID_STR`/);
  const custom = hoverAt(profile('\t\t\t<key>PayloadType</key>\n\t\t\t<string>com.example.a|pp</string>'));
  assert.match(custom.h!.contents, /No schema describes/);
});

test('hover on an unknown key says so; nothing outside the plist', () => {
  const { h } = hoverAt(profile(`${wifiHead}\n\t\t\t<key>SSID_ST|RING</key>\n\t\t\t<string>x</string>`));
  assert.match(h!.contents, /Not a key the schema lists for payloads of type `com\.apple\.wifi\.managed`/);
  assert.equal(hoverAt('<?xml ver|sion="1.0"?><plist><dict/></plist>').h, undefined);
});
