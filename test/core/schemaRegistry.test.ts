// Registry lookups against the committed schemas (read through the Node source) and against in-memory maps.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createSchemaRegistry, editDistance, suggest } from '../../server/src/core/schema';
import type { PayloadSchema, SchemaIndexEntry, SchemaSource } from '../../server/src/core/schema';
import { fileSchemaSource, locateSchemasDir } from '../../server/src/host/schemaSource';

const registry = createSchemaRegistry(fileSchemaSource('schemas'));

function mapSource(schemas: PayloadSchema[]): SchemaSource & { loads: string[] } {
  const loads: string[] = [];
  const index: SchemaIndexEntry[] = schemas.map((s) => ({ payloadType: s.payloadType, title: s.title, file: `${s.payloadType}.json` }));
  return {
    loads,
    index: () => index,
    load(file) {
      loads.push(file);
      return structuredClone(schemas.find((s) => `${s.payloadType}.json` === file));
    },
  };
}

test('payload types exclude the special entries and are sorted', () => {
  const types = registry.payloadTypes();
  assert.ok(types.includes('com.apple.wifi.managed'));
  assert.ok(!types.some((t) => t.startsWith('_')));
  assert.deepEqual(types, [...types].sort());
});

test('TCC: a nested privacy entry resolves through Services, the service array and its element', () => {
  const tcc = 'com.apple.TCC.configuration-profile-policy';
  const identifier = registry.keyAt(tcc, ['Services', 'SystemPolicyAllFiles', 0, 'IdentifierType']);
  assert.equal(identifier?.type, 'string');
  assert.deepEqual(identifier?.rangelist, ['bundleID', 'path']);
  const entry = registry.keyAt(tcc, ['Services', 'Camera', 3]);
  assert.equal(entry?.type, 'dictionary');
  assert.deepEqual(entry?.oneOf, [{ keys: ['Allowed', 'Authorization'], exclusive: true }]);
  assert.equal(registry.keyAt(tcc, ['Services', 'Camera', 0, 'Allowed'])?.presence, 'optional');
  assert.deepEqual(registry.keyAt(tcc, ['Services', 'Camera', 0, 'Allowed'])?.alternatives, ['Authorization']);
  assert.deepEqual(registry.keyAt(tcc, ['Services', 'Camera', 0, 'Allowed'])?.alsoAccepts, ['integer']);
  // Services is open: a service the data does not list still gets the entry schema.
  assert.equal(registry.keyAt(tcc, ['Services', 'SomeFutureService', 0, 'CodeRequirement'])?.type, 'string');
  // A string step into an array, or an index into a dictionary, finds nothing.
  assert.equal(registry.keyAt(tcc, ['Services', 'Camera', 'Identifier']), undefined);
  assert.equal(registry.keyAt(tcc, ['Services', 0]), undefined);
});

test('Wi-Fi: EAPClientConfiguration members and arrays of strings', () => {
  const wifi = 'com.apple.wifi.managed';
  const eap = registry.keyAt(wifi, ['EAPClientConfiguration']);
  assert.equal(eap?.type, 'dictionary');
  const types = registry.keyAt(wifi, ['EAPClientConfiguration', 'AcceptEAPTypes']);
  assert.equal(types?.type, 'array');
  assert.equal(registry.keyAt(wifi, ['EAPClientConfiguration', 'AcceptEAPTypes', 0])?.type, 'integer');
  assert.ok(registry.keyAt(wifi, ['EncryptionType'])?.rangelist?.includes('WPA2'));
  assert.ok(registry.membersAt(wifi, ['EAPClientConfiguration'])?.some((k) => k.key === 'UserName'));
});

test('arrays of dictionaries: home screen pages and the recursive folder structure', () => {
  const home = 'com.apple.homescreenlayout';
  assert.equal(registry.keyAt(home, ['Pages', 0, 0, 'Type'])?.type, 'string');
  // A folder's pages hold icons again: the cycle in Apple's data is linked back in memory.
  const deep = registry.keyAt(home, ['Pages', 0, 0, 'Pages', 0, 0, 'Pages', 0, 0, 'BundleID']);
  assert.equal(deep?.type, 'string');
});

test('common payload keys are found at every payload root and top-level keys under _TopLevel', () => {
  assert.equal(registry.keyAt('com.apple.dock', ['PayloadUUID'])?.type, 'string');
  assert.equal(registry.keyAt('com.apple.firstethernet.managed', ['PayloadUUID'])?.presence, 'required');
  assert.equal(registry.keyAt('com.apple.dock', ['PayloadEnabled'])?.notInAppleData, true);
  assert.equal(registry.keyAt('_TopLevel', ['PayloadEnabled'])?.type, 'boolean');
  assert.equal(registry.keyAt('_TopLevel', ['RemovalDate'])?.type, 'date');
  assert.equal(registry.keyAt('_TopLevel', ['ConsentText', 'en'])?.type, 'string');
  assert.deepEqual(registry.topLevel()?.keys.find((k) => k.key === 'PayloadVersion')?.rangelist, [1]);
  const version = registry.commonKeys().find((k) => k.key === 'PayloadVersion');
  assert.equal(version?.presence, 'optional');
  assert.equal(version?.recommended, true);
});

test('open payloads and open dictionaries accept any key', () => {
  assert.equal(registry.keyAt('com.apple.firstethernet.managed', ['AnythingAtAll'])?.type, 'any');
  const prefs = 'com.apple.ManagedClient.preferences';
  assert.equal(registry.keyAt(prefs, ['PayloadContent', 'com.example.app', 'Forced', 0, 'mcx_preference_settings', 'Whatever', 'deep'])?.type, 'any');
  assert.equal(registry.keyAt(prefs, ['PayloadContent', 'com.example.app', 'Often', 0, 'mcx_data_timestamp'])?.type, 'date');
  assert.equal(registry.keyAt('com.apple.dock', ['NoSuchKey']), undefined);
  // Apple preference domains published profiles use as payload types are known and open.
  assert.equal(registry.get('com.apple.Terminal')?.notInAppleData, true);
  assert.equal(registry.keyAt('com.apple.Terminal', ['Default Window Settings'])?.type, 'any');
  assert.equal(registry.keyAt('com.apple.vpn.managed', ['VPN', 'RemoteAddress'])?.type, 'string');
  assert.equal(registry.keyAt('com.apple.not-a-payload', ['PayloadUUID']), undefined);
});

test('variant files of one payload type are merged; facet-only requirements become optional', () => {
  const sso = registry.get('com.apple.extensiblesso');
  assert.match(sso?.generatedFrom ?? '', /extensiblesso\.yaml.*extensiblesso\(kerberos\)\.yaml/);
  assert.equal(registry.keyAt('com.apple.extensiblesso', ['Realm'])?.presence, 'optional');
  assert.equal(registry.keyAt('com.apple.extensiblesso', ['Type'])?.rangelist?.includes('Redirect'), true);
  assert.equal(registry.keyAt('com.apple.extensiblesso', ['ExtensionData', 'anything'])?.type, 'any');
  const mcx = registry.get('com.apple.MCX');
  assert.ok(mcx?.keys.some((k) => k.key === 'DestroyFVKeyOnStandby') && mcx.keys.some((k) => k.key === 'timeServer'));
});

test('platform support: n/a platforms are absent and keys inherit the payload facts', () => {
  const tcc = registry.get('com.apple.TCC.configuration-profile-policy');
  assert.deepEqual(Object.keys(tcc?.supportedOS ?? {}), ['macOS']);
  const auth = registry.keyAt('com.apple.TCC.configuration-profile-policy', ['Services', 'Camera', 0, 'Authorization']);
  assert.equal(auth?.supportedOS?.macOS?.introduced, '11.0');
  assert.equal(auth?.supportedOS?.macOS?.userenrollment, 'forbidden');
});

test('schemas load lazily and once', () => {
  const source = mapSource([
    { payloadType: 'a.b', title: 'A', supportedOS: {}, keys: [{ key: 'K', type: 'string', presence: 'optional' }], generatedFrom: 'x' },
    { payloadType: '_CommonPayloadKeys', title: 'C', supportedOS: {}, keys: [{ key: 'PayloadUUID', type: 'string', presence: 'required' }], generatedFrom: 'x' },
  ]);
  const reg = createSchemaRegistry(source);
  assert.deepEqual(reg.payloadTypes(), ['a.b']);
  assert.deepEqual(source.loads, []);
  assert.equal(reg.keyAt('a.b', ['K'])?.type, 'string');
  assert.equal(reg.keyAt('a.b', ['PayloadUUID'])?.presence, 'required');
  reg.get('a.b');
  assert.deepEqual(source.loads.filter((f) => f === 'a.b.json'), ['a.b.json']);
});

test('subkeysRef links to the ancestor in memory', () => {
  const reg = createSchemaRegistry(mapSource([{
    payloadType: 'tree', title: 'T', supportedOS: {}, generatedFrom: 'x',
    keys: [{ key: 'Nodes', type: 'array', presence: 'optional', subkeys: [{ key: 'Node', type: 'dictionary', presence: 'optional', subkeys: [
      { key: 'Name', type: 'string', presence: 'required' },
      { key: 'Children', type: 'array', presence: 'optional', subkeysRef: ['Nodes'] },
    ] }] }],
  }]));
  assert.equal(reg.keyAt('tree', ['Nodes', 0, 'Children', 0, 'Children', 0, 'Name'])?.presence, 'required');
});

test('did-you-mean: transpositions, case and distance budget', () => {
  assert.equal(editDistance('allowCamera', 'allowCmaera'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'abc'), 3);
  assert.deepEqual(suggest('allowcamera', ['allowCamera', 'allowCloudBackup']), ['allowCamera']);
  assert.deepEqual(suggest('PayloadUUDI', ['PayloadUUID', 'PayloadType', 'PayloadIdentifier']), ['PayloadUUID']);
  assert.deepEqual(suggest('Zzzzzz', ['PayloadUUID', 'allowCamera']), []);
  assert.deepEqual(suggest('com.apple.wifi.manged', registry.payloadTypes()), ['com.apple.wifi.managed']);
  const ranked = suggest('Allowed', ['allowed', 'Allowd', 'AllowedX']);
  assert.equal(ranked[0], 'allowed', 'a case-only difference ranks first');
});

test('locateSchemasDir honours the environment variable and the bundle layout', () => {
  assert.ok(locateSchemasDir('server/out', {})?.endsWith('schemas'));
  assert.ok(locateSchemasDir('server/src/host', {})?.endsWith('schemas'));
  assert.equal(locateSchemasDir('server/out', { PROFILE_STUDIO_SCHEMAS: 'no/such/dir' }), undefined);
  assert.ok(locateSchemasDir('/', { PROFILE_STUDIO_SCHEMAS: 'schemas' })?.endsWith('schemas'));
});
