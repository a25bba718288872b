// A client that supports workspace/configuration: the server pulls `profileStudio` after initialized
// and again on an empty didChangeConfiguration.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { lspPair } from './lspPair';
import { profile, wifiHead } from '../core/completeFixtures';

const pair = lspPair();
after(() => pair.close());

test('settings pulled with workspace/configuration drive severities', async () => {
  let section: unknown = { severityOverrides: { 'payload.missing-payload-uuid': 'off' } };
  const asked: unknown[] = [];
  pair.client.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
    asked.push(params.items.map((i) => i.section));
    return params.items.map(() => section);
  });
  await pair.initialize({ diagnosticDelayMs: 0 }, { workspace: { configuration: true } });
  const uri = 'file:///config/a.mobileconfig';
  const text = profile(wifiHead);
  const quiet = pair.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'payload.missing-payload-uuid'));
  await pair.open(uri, text);
  await quiet;
  assert.deepEqual(asked[0], ['profileStudio']);
  section = { severityOverrides: { 'payload.missing-payload-uuid': 'hint' } };
  const loud = pair.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'payload.missing-payload-uuid' && d.severity === 4));
  await pair.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await loud;
});
