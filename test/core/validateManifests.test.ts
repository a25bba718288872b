// Preference manifests (pfm_* keys) as a second schema source: conversion, Apple's precedence, managed
// preferences, the host's folder index (lazy, cached, broken files reported once), and the shared collection.
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createProfileService, schemaFromManifestText, type ManifestSource } from '../../server/src/core';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
import { manifestFolderSource } from '../../server/src/host/manifestSource';
import { sharedMissing, sharedPath } from '../shared';
import { payloadXml, profileWith } from './validateHelpers';

const subkey = (fields: string): string => `<dict>${fields}</dict>`;
const s = (k: string, v: string) => `<key>${k}</key><string>${v}</string>`;

/** A small manifest of our own in the ProfileManifests format. */
function manifest(domain: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
${s('pfm_domain', domain)}${s('pfm_title', 'Example App')}${s('pfm_description', 'Settings of the example app.')}
<key>pfm_platforms</key><array><string>macOS</string></array>
<key>pfm_subkeys</key><array>
${subkey(s('pfm_name', 'PayloadType') + s('pfm_type', 'string') + s('pfm_require', 'always'))}
${subkey(s('pfm_name', 'PFC_SegmentedControl_0'))}
${subkey(s('pfm_name', 'HomeURL') + s('pfm_type', 'string') + s('pfm_title', 'Home page') + s('pfm_description', 'Where the app starts.'))}
${subkey(s('pfm_name', 'RetryCount') + s('pfm_type', 'integer') + '<key>pfm_range_min</key><integer>1</integer><key>pfm_range_max</key><integer>5</integer>')}
${subkey(s('pfm_name', 'Mode') + s('pfm_type', 'string') + '<key>pfm_range_list</key><array><string>Fast</string><string>Safe</string></array>')}
${subkey(s('pfm_name', 'OldSwitch') + s('pfm_type', 'boolean') + s('pfm_macos_max', '12.0'))}
${subkey(s('pfm_name', 'Servers') + s('pfm_type', 'array') + '<key>pfm_subkeys</key><array>' + subkey(s('pfm_type', 'dictionary') + '<key>pfm_subkeys</key><array>' + subkey(s('pfm_name', 'Host') + s('pfm_type', 'string')) + '</array>') + '</array>')}
${subkey(s('pfm_name', 'Labels') + s('pfm_type', 'dictionary') + '<key>pfm_subkeys</key><array>' + subkey(s('pfm_type', 'string')) + '</array>')}
${extra}
</array></dict></plist>`;
}

const apple = fileSchemaSource('schemas');
const inMemory = (files: Record<string, string>): ManifestSource & { loads: string[] } => {
  const loads: string[] = [];
  return {
    loads,
    index: () => Object.keys(files).map((d) => ({ payloadType: d, title: d, file: d })),
    load(domain) {
      loads.push(domain);
      const r = schemaFromManifestText(files[domain]!);
      return r.ok ? r.schema : undefined;
    },
  };
};

describe('manifest conversion', () => {
  test('pfm_* facts become schema facts; payload keys and editor controls are left out', () => {
    const r = schemaFromManifestText(manifest('com.example.app'));
    assert.ok(r.ok);
    assert.equal(r.domain, 'com.example.app');
    assert.equal(r.schema.title, 'Example App');
    assert.deepEqual(r.schema.keys.map((k) => k.key), ['HomeURL', 'RetryCount', 'Mode', 'OldSwitch', 'Servers', 'Labels']);
    const [home, retry, mode, old, servers, labels] = r.schema.keys;
    assert.equal(home!.description, 'Where the app starts.');
    assert.deepEqual(retry!.range, { min: 1, max: 5 });
    assert.deepEqual(mode!.rangelist, ['Fast', 'Safe']);
    assert.equal(old!.supportedOS?.macOS?.removed, 'after 12.0');
    assert.equal(servers!.subkeys?.[0]?.subkeys?.[0]?.key, 'Host');
    assert.equal(labels!.openKeys, true);
    assert.equal(labels!.additionalKeys?.type, 'string');
    assert.deepEqual(r.schema.supportedOS, { macOS: {} });
  });

  test('files that are not manifests give a reason, never a throw', () => {
    assert.match((schemaFromManifestText('<plist><dict>') as { error: string }).error, /not a readable plist/);
    assert.match((schemaFromManifestText('<plist><array/></plist>') as { error: string }).error, /not a dictionary/);
    assert.match((schemaFromManifestText('<plist><dict/></plist>') as { error: string }).error, /no pfm_domain/);
    assert.match((schemaFromManifestText(`<plist><dict>${s('pfm_domain', 'a.b')}</dict></plist>`) as { error: string }).error, /no pfm_subkeys/);
  });
});

describe('manifests in validation, completion and hover', () => {
  const source = inMemory({ 'com.example.app': manifest('com.example.app'), 'com.apple.dock': manifest('com.apple.dock') });
  const service = createProfileService({ schemaSource: apple, manifests: source });
  const rows = (text: string) => service.validate(text).map((p) => `${p.severity} ${p.code}`);

  test('Apple\'s schema wins for an Apple payload type; the manifest is never loaded for it', () => {
    assert.equal(service.registry.get('com.apple.dock')?.fromManifest, undefined);
    assert.ok(!source.loads.includes('com.apple.dock'));
  });

  test('an app domain: wrong type is an error, a near miss a warning with did-you-mean, an unlisted name a note', () => {
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>HomeURL</key><integer>1</integer>'))), ['error value.wrong-type']);
    const near = service.validate(profileWith(payloadXml('com.example.app', '<key>HomeURl</key><string>x</string>')));
    assert.deepEqual(near.map((p) => `${p.severity} ${p.code} ${String(p.data?.suggestion)}`), ['warning payload.unknown-key HomeURL']);
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>SomethingElse</key><true/>'))), ['info payload.unlisted-preference']);
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>HomeURL</key><string>https://example.com</string><key>Mode</key><string>Safe</string>'))), []);
  });

  test('manifest facts are softer where apps are: numeric strings are a note, unlisted values a warning, case a warning', () => {
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>RetryCount</key><string>3</string>'))), ['info value.numeric-string']);
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>RetryCount</key><integer>9</integer>'))), ['error value.out-of-range']);
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>Mode</key><string>Turbo</string>'))), ['warning value.unlisted-value']);
    assert.deepEqual(rows(profileWith(payloadXml('com.example.app', '<key>Mode</key><string>safe</string>'))), ['warning value.case-mismatch']);
  });

  const mcx = (settings: string, domain = 'com.example.app') => profileWith(payloadXml('com.apple.ManagedClient.preferences',
    `<key>PayloadContent</key><dict><key>${domain}</key><dict><key>Forced</key><array><dict><key>mcx_preference_settings</key><dict>${settings}</dict></dict></array></dict></dict>`));

  test('the same checks through com.apple.ManagedClient.preferences', () => {
    assert.deepEqual(rows(mcx('<key>HomeURL</key><integer>1</integer>')), ['error value.wrong-type']);
    assert.deepEqual(rows(mcx('<key>HomeURl</key><string>x</string>')), ['warning payload.unknown-key']);
    assert.deepEqual(rows(mcx('<key>HomeURL</key><string>x</string>')), []);
    assert.deepEqual(rows(mcx('<key>Anything</key><integer>1</integer>', 'com.example.unknown')), []);
  });

  test('completion offers the domain\'s keys (at the payload and inside mcx_preference_settings); hover shows the user\'s title', () => {
    const text = profileWith(payloadXml('com.example.app', '<key>Ho</key>'));
    const labels = service.complete(text, text.indexOf('<key>Ho</key>') + 7).map((c) => c.label);
    assert.ok(labels.includes('HomeURL') && labels.includes('Mode'), labels.join(','));
    const inner = mcx('<key>Ho</key>');
    const innerLabels = service.complete(inner, inner.indexOf('<key>Ho</key>') + 7).map((c) => c.label);
    assert.ok(innerLabels.includes('HomeURL') && !innerLabels.includes('PayloadUUID'), innerLabels.join(','));
    const hovered = mcx('<key>HomeURL</key><string>x</string>');
    assert.match(service.hover(hovered, hovered.indexOf('HomeURL') + 2)?.contents ?? '', /Home page[\s\S]*Where the app starts/);
    const payloadTypes = service.complete(profileWith('<dict></dict>'), profileWith('<dict></dict>').indexOf('<dict></dict>')).map((c) => c.label);
    assert.ok(payloadTypes.some((l) => l.includes('com.example.app')), 'payload skeleton for the domain');
  });

  test('changing the manifests forgets cached schemas and results', () => {
    const svc = createProfileService({ schemaSource: apple });
    const text = profileWith(payloadXml('com.example.app', '<key>HomeURL</key><integer>1</integer>'));
    assert.deepEqual(svc.validate(text).map((p) => p.code), ['payload.custom-type']);
    svc.setManifests(inMemory({ 'com.example.app': manifest('com.example.app') }));
    assert.deepEqual(svc.validate(text).map((p) => p.code), ['value.wrong-type']);
    svc.setManifests(undefined);
    assert.deepEqual(svc.validate(text).map((p) => p.code), ['payload.custom-type']);
  });
});

describe('manifest folders (host)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-manifests-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'one.plist'), manifest('com.example.one'));
  writeFileSync(join(dir, 'a', 'b', 'two-variant.plist'), manifest('com.example.two', subkey(s('pfm_name', 'OnlyInA') + s('pfm_type', 'string'))));
  writeFileSync(join(dir, 'a', 'b', 'two-other.plist'), manifest('com.example.two', subkey(s('pfm_name', 'OnlyInB') + s('pfm_type', 'string'))));
  writeFileSync(join(dir, 'broken.plist'), `<plist><dict>${s('pfm_domain', 'com.example.broken')}<key>pfm_subkeys</key><array><dict>`);
  writeFileSync(join(dir, 'notes.txt'), 'not a manifest');

  test('searched recursively, indexed by pfm_domain, variants merged, loaded once per domain', () => {
    const logs: string[] = [];
    const source = manifestFolderSource([dir], (m) => logs.push(m));
    assert.deepEqual(source.index().map((e) => e.payloadType), ['com.example.broken', 'com.example.one', 'com.example.two']);
    const two = source.load('com.example.two');
    assert.ok(two?.keys.some((k) => k.key === 'OnlyInA') && two.keys.some((k) => k.key === 'OnlyInB'));
    assert.equal(source.load('com.example.two'), two, 'cached');
    assert.deepEqual(logs, []);
  });

  test('a broken manifest is reported once with its path and skipped; a missing folder is reported, not thrown', () => {
    const logs: string[] = [];
    const source = manifestFolderSource([dir, join(dir, 'nope')], (m) => logs.push(m));
    const service = createProfileService({ schemaSource: apple, manifests: source });
    const text = profileWith(payloadXml('com.example.broken', '<key>X</key><true/>'));
    service.validate(text);
    service.validate(text + ' ');
    assert.equal(logs.filter((l) => l.includes('broken.plist')).length, 1, logs.join('\n'));
    assert.match(logs.find((l) => l.includes('broken.plist'))!, /skipped: not a readable plist/);
    assert.ok(logs.some((l) => l.includes('nope') && /not a folder/.test(l)));
  });
});

describe('the shared ProfileManifests collection', { skip: sharedMissing('profile-manifests/Manifests') }, () => {
  const service = createProfileService({ schemaSource: apple, manifests: manifestFolderSource([sharedPath('profile-manifests')]) });
  const rows = (text: string) => service.validate(text).map((p) => `${p.severity} ${p.code} ${p.data?.suggestion ?? ''}`.trim());

  test('Chrome: wrong type an error at the key, misspelling a warning with suggestion, valid value nothing', () => {
    const wrong = profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><integer>3</integer>'));
    const [p] = service.validate(wrong);
    assert.equal(`${p?.severity} ${p?.code}`, 'error value.wrong-type');
    assert.equal(wrong.slice(p!.offset, p!.offset + p!.length), '<integer>3</integer>');
    assert.deepEqual(rows(profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocatoin</key><string>x</string>'))), ['warning payload.unknown-key HomepageLocation']);
    assert.deepEqual(rows(profileWith(payloadXml('com.google.Chrome', '<key>HomepageLocation</key><string>https://example.com</string>'))), []);
  });

  test('com.apple.Safari is recognised (its manifest file is named in lower case)', () => {
    assert.deepEqual(rows(profileWith(payloadXml('com.apple.Safari', '<key>HomePage</key><string>https://example.com</string>'))), []);
  });

  test('Apple payload types keep Apple\'s schema although the collection describes them too', () => {
    assert.notEqual(service.registry.get('com.apple.wifi.managed')?.fromManifest, true);
  });
});
