// Server lifecycle and plumbing: loopback only, description for the CLI, clean stop with held requests, limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeSimulator, startSimulator } from '../../../tenant/src/simulator/index';
import { call, get, sim } from './simHttp';

test('listens on 127.0.0.1 with an ephemeral port and describes itself for the CLI', async (t) => {
  const k = await sim(t, { vendor: 'kandji', demo: { devices: 50, profiles: 4 } });
  assert.match(k.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(k.port > 0);
  assert.deepEqual(Object.keys(k.env).sort(), ['KANDJI_API_TOKEN', 'KANDJI_API_URL', 'PROFILE_STUDIO_VENDOR']);
  const text = describeSimulator(k);
  assert.ok(text.includes(k.url));
  assert.ok(text.includes(`export KANDJI_API_TOKEN=${k.token}`));
  const map = [...k.state.blueprints.values()].find((b) => b.type === 'map')!;
  assert.ok(text.includes(map.nodes[0]!.id), 'assignment-map node ids are printed');
  const j = await sim(t, { vendor: 'jumpcloud', data: 'empty', faults: '503:count=*:path=/api/systems', jumpcloud: { requireOrgId: true } });
  const jt = describeSimulator(j);
  assert.ok(jt.includes('export JUMPCLOUD_ORG_ID='));
  assert.ok(jt.includes('Apple MDM id: '));
  assert.ok(jt.includes('faults: 503:count=*:path=/api/systems'));
  await assert.rejects(() => startSimulator({ vendor: 'kandji', data: 'empty', faults: 'teapot' }), /unknown kind/);
});

test('stop() ends held and idle connections and frees the port', async () => {
  const s = await startSimulator({ vendor: 'kandji', data: 'empty', faults: 'hang' });
  const held = fetch(`${s.url}/api/v1/devices`, { headers: { authorization: `Bearer ${s.token}` } });
  const failed = assert.rejects(held);
  // The hang is in the log once the request arrived; wait for that before stopping.
  const deadline = Date.now() + 5000;
  while (s.log.length === 0) {
    if (Date.now() > deadline) throw new Error('the held request never reached the simulator');
    await new Promise((r) => setImmediate(r));
  }
  await s.stop();
  await failed;
  await assert.rejects(fetch(`${s.url}/api/v1/devices`));
});

test('request log: credentials redacted, body size, created ids; oversized bodies get 413', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'empty', maxBodyBytes: 1000, logLimit: 3 });
  await call(s, 'POST', '/api/v2/systemgroups', { body: JSON.stringify({ name: 'G' }), headers: { 'content-type': 'application/json' } });
  const entry = s.log[0]!;
  assert.equal(entry.headers['x-api-key'], '[redacted]');
  assert.equal(entry.status, 201);
  assert.ok(entry.createdId && s.state.blueprints.has(entry.createdId));
  assert.equal(entry.bodyBytes, JSON.stringify({ name: 'G' }).length);
  const big = await call(s, 'POST', '/api/v2/systemgroups', { body: JSON.stringify({ name: 'x'.repeat(2000) }), headers: { 'content-type': 'application/json' } });
  assert.equal(big.status, 413);
  for (let i = 0; i < 3; i++) await get(s, '/api/v2/systemgroups');
  assert.equal(s.log.length, 3, 'the log keeps the newest entries only');
  assert.deepEqual(s.log.map((e) => e.seq), [3, 4, 5]);
});
