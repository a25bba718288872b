// Faults injected by the simulator, for both vendors: creates never duplicate, retries honour Retry-After (read
// from the simulator's request log), timeouts and dropped connections surface as typed errors, no token leaks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiError } from '../../../tenant/src/api/errors';
import { sampleProfileXml, type RequestLogEntry } from '../../../tenant/src/simulator/index';
import { assertNoToken, bytes, errorOf, tenant, unwrap } from './tenantFixture';

const VENDORS = ['kandji', 'jumpcloud'] as const;
const PROFILES = { kandji: '/api/v1/library/custom-profiles', jumpcloud: '/api/v2/policies' } as const;
const LIST_PATH = { kandji: '/api/v1/library/custom-profiles', jumpcloud: '/api/v2/policies' } as const;

const upload = (name: string) => ({ name, file: bytes(sampleProfileXml(name, 'com.example.fault')), fileName: 'f.mobileconfig', runsOn: { mac: true } });
const posts = (log: RequestLogEntry[], path: string) => log.filter((e) => e.method === 'POST' && e.path === path);
const gapMs = (a: RequestLogEntry, b: RequestLogEntry) => Date.parse(b.at) - Date.parse(a.at);
const texts = (e: ApiError) => [e.message, e.hint ?? ''];

for (const vendor of VENDORS) {
  const path = PROFILES[vendor];

  for (const then of ['store-500', 'store-502', 'store-drop'] as const) {
    test(`${vendor}: create after "${then}" returns the stored item and never posts twice`, async (t) => {
      const { sim, api, lines } = await tenant(t, vendor);
      sim.faults.add(`${then}:path=${path}`);
      const created = unwrap(await api.createProfile(upload('Once only')));
      const stored = posts(sim.log, path);
      assert.equal(stored.length, 1, 'no second POST');
      assert.equal(created.id, stored[0]!.createdId);
      const named = [...sim.state.items.values()].filter((i) => i.name === 'Once only');
      assert.equal(named.length, 1);
      assertNoToken(sim.token, lines);
    });
  }

  test(`${vendor}: create after a 503 that stored nothing re-reads, then creates once`, async (t) => {
    const { sim, api } = await tenant(t, vendor);
    sim.faults.add(`503:method=POST:path=${path}`);
    const created = unwrap(await api.createProfile(upload('Second try')));
    const stored = posts(sim.log, path);
    assert.equal(stored.length, 2);
    assert.equal(stored[0]!.status, 503);
    assert.equal(created.id, stored[1]!.createdId);
    const between = sim.log.filter((e) => e.seq > stored[0]!.seq && e.seq < stored[1]!.seq);
    assert.ok(between.some((e) => e.method === 'GET' && e.path === LIST_PATH[vendor]), 'looked before posting again');
  });

  test(`${vendor}: a create that times out is looked up, then sent again once`, async (t) => {
    const { sim, api } = await tenant(t, vendor, {}, { timeoutMs: 300 });
    sim.faults.add(`hang:ms=3000:method=POST:path=${path}`);
    const created = unwrap(await api.createProfile(upload('After a timeout')));
    const stored = posts(sim.log, path);
    assert.deepEqual(stored.map((e) => e.outcome), ['hung', 'answered']);
    assert.equal(created.id, stored[1]!.createdId);
    assert.equal([...sim.state.items.values()].filter((i) => i.name === 'After a timeout').length, 1);
  });

  test(`${vendor}: a rate-limited create waits Retry-After, looks, then creates once`, async (t) => {
    const { sim, api } = await tenant(t, vendor);
    sim.faults.add(`429:retry-after=1:method=POST:path=${path}`);
    unwrap(await api.createProfile(upload('Patient')));
    const stored = posts(sim.log, path);
    assert.equal(stored.length, 2);
    assert.ok(gapMs(stored[0]!, stored[1]!) >= 950, `waited ${gapMs(stored[0]!, stored[1]!)} ms`);
    assert.equal([...sim.state.items.values()].filter((i) => i.name === 'Patient').length, 1);
  });

  test(`${vendor}: a GET answered 429 is retried after Retry-After`, async (t) => {
    const { sim, api } = await tenant(t, vendor);
    sim.faults.add(`429:retry-after=1:method=GET:path=${LIST_PATH[vendor]}`);
    unwrap(await api.listProfiles());
    const gets = sim.log.filter((e) => e.method === 'GET' && e.path === LIST_PATH[vendor]);
    assert.equal(gets[0]!.status, 429);
    assert.equal(gets[1]!.status, 200);
    assert.ok(gapMs(gets[0]!, gets[1]!) >= 950, `retried after ${gapMs(gets[0]!, gets[1]!)} ms`);
  });

  test(`${vendor}: Retry-After is capped by maxRetryDelayMs`, async (t) => {
    const { sim, api } = await tenant(t, vendor, {}, { maxRetryDelayMs: 300 });
    sim.faults.add(`429:retry-after=60:method=GET:path=${LIST_PATH[vendor]}`);
    const started = Date.now();
    unwrap(await api.listProfiles());
    assert.ok(Date.now() - started < 5000, 'did not wait a minute');
    const gets = sim.log.filter((e) => e.method === 'GET' && e.path === LIST_PATH[vendor]);
    assert.ok(gapMs(gets[0]!, gets[1]!) >= 250);
  });

  test(`${vendor}: a GET keeps failing 429 until the retry budget is spent, then reports rate-limited`, async (t) => {
    const { sim, api, lines } = await tenant(t, vendor, {}, { retryLimit: 1, maxRetryDelayMs: 200 });
    sim.faults.add(`429:retry-after=1:count=*:method=GET:path=${LIST_PATH[vendor]}`);
    const e = errorOf(await api.listProfiles());
    assert.equal(e.kind, 'rate-limited');
    assert.ok(e.kind === 'rate-limited' && e.retryAfterS === 1);
    assert.match(e.hint ?? '', /rate limited/);
    assert.equal(sim.log.filter((x) => x.method === 'GET').length, 2);
    assert.ok(lines.some((l) => l.startsWith('retry 1/1 GET')));
  });

  test(`${vendor}: 5xx and dropped connections on GET are retried with backoff`, async (t) => {
    const { sim, api } = await tenant(t, vendor);
    sim.faults.add(`500:method=GET:path=${LIST_PATH[vendor]}`, `drop:method=GET:path=${LIST_PATH[vendor]}`);
    unwrap(await api.listProfiles());
    const gets = sim.log.filter((e) => e.method === 'GET' && e.path === LIST_PATH[vendor]);
    assert.deepEqual(gets.map((e) => e.outcome === 'dropped' ? 'dropped' : e.status), [500, 'dropped', 200]);
  });

  test(`${vendor}: a hung request times out cleanly and is not retried`, async (t) => {
    const { sim, api, lines } = await tenant(t, vendor, {}, { timeoutMs: 300 });
    sim.faults.add(`hang:ms=5000:method=GET:path=${LIST_PATH[vendor]}`);
    const started = Date.now();
    const e = errorOf(await api.listProfiles());
    assert.equal(e.kind, 'timeout');
    assert.ok(Date.now() - started < 2000);
    assert.equal(sim.log.filter((x) => x.method === 'GET').length, 1);
    assert.ok(lines.some((l) => /^GET \S+ failed \(TimeoutError\) \d+ms$/.test(l)), lines.join('\n'));
  });

  test(`${vendor}: slow answers within the timeout succeed`, async (t) => {
    const { sim, api } = await tenant(t, vendor, {}, { timeoutMs: 1000 });
    sim.faults.add(`latency:ms=200:method=GET:path=${LIST_PATH[vendor]}`);
    unwrap(await api.listProfiles());
  });

  test(`${vendor}: malformed JSON on success is a bad-response, never a crash`, async (t) => {
    const { sim, api } = await tenant(t, vendor);
    unwrap(await api.createProfile(upload('Readable')));
    sim.faults.add(`malformed:count=3:method=GET:path=${LIST_PATH[vendor]}`);
    const e = errorOf(await api.listProfiles());
    assert.equal(e.kind, 'bad-response');
    assert.match(e.message, /not valid JSON/);
  });

  test(`${vendor}: a device action is sent once even when the answer is a 500`, async (t) => {
    const { sim, api } = await tenant(t, vendor, { data: 'demo', demo: { devices: 20, profiles: 2 } });
    const mac = unwrap(await api.listDevices({ platform: 'Mac', pageSize: 1 })).items[0]!;
    sim.faults.add('500:method=POST');
    const e = errorOf(await api.runDeviceAction(mac.id, 'restart'));
    assert.equal(e.kind, 'server');
    assert.equal(sim.log.filter((x) => x.method === 'POST').length, 1);
  });

  test(`${vendor}: each HTTP error becomes its kind with the vendor's message and a hint; no token anywhere`, async (t) => {
    const { sim, api, lines } = await tenant(t, vendor, {}, { retryLimit: 0 });
    const seen: string[] = [...lines];
    const expect = async (status: number, kind: ApiError['kind'], message: RegExp, hint?: RegExp) => {
      sim.faults.add(`${status}:method=GET:path=${LIST_PATH[vendor]}`);
      const e = errorOf(await api.listProfiles());
      assert.equal(e.kind, kind, `${status}`);
      assert.match(e.message, message, `${status}`);
      if (hint) assert.match(e.hint ?? '', hint, `${status}`);
      assert.equal('status' in e ? e.status : undefined, status);
      seen.push(...texts(e));
    };
    if (vendor === 'kandji') {
      await expect(401, 'unauthorized', /^Invalid token\.$/, /check the api token/i);
      await expect(403, 'forbidden', /^You do not have permission/, /lacks permission/);
      await expect(404, 'not-found', /^Not Found$/);
      await expect(415, 'unsupported-media', /^Unsupported media type/, /content type/);
      await expect(500, 'server', /^Server Error \(500\)$/, /try again later/); // HTML page
      await expect(503, 'server', /^Service Unavailable: the upload is still being processed/); // plain text
      await expect(502, 'server', /^An invalid response was received/); // {"message"}
    } else {
      await expect(401, 'unauthorized', /^Unauthorized: api key user not found$/, /check the api token/i);
      await expect(403, 'forbidden', /./, /lacks permission/);
      await expect(404, 'not-found', /./);
      await expect(415, 'unsupported-media', /./, /content type/);
      await expect(500, 'server', /^internal error$/);
      await expect(503, 'server', /^Service Unavailable$/);
    }
    seen.push(...lines);
    assertNoToken(sim.token, seen);
    for (const l of lines) assert.match(l, /^(GET|POST|PUT|PATCH|DELETE) \/\S* (\d{3}|failed \(\w+\)) \d+ms$|^retry /);
  });
}

test('kandji: a PATCH is retried on 429 but not after a 502 (it may have been applied)', async (t) => {
  const { sim, api } = await tenant(t, 'kandji');
  const item = unwrap(await api.createProfile(upload('Patched')));
  sim.faults.add('429:retry-after=1:method=PATCH');
  unwrap(await api.setActive(item.id, true));
  assert.equal(sim.log.filter((e) => e.method === 'PATCH').length, 2);
  sim.faults.add('502:method=PATCH');
  const e = errorOf(await api.setActive(item.id, false));
  assert.equal(e.kind, 'server');
  assert.equal(e.message, 'An invalid response was received from the upstream server');
  assert.equal(sim.log.filter((x) => x.method === 'PATCH').length, 3);
});

test('kandji: validation errors keep their field dict', async (t) => {
  const { api } = await tenant(t, 'kandji');
  const e = errorOf(await api.createProfile({ ...upload(''), file: bytes('not a plist') }));
  assert.equal(e.kind, 'invalid');
  assert.ok(e.kind === 'invalid' && e.fields && 'name' in e.fields && 'file' in e.fields, JSON.stringify(e));
  assert.match(e.message, /^name: .+; file: .+/);
});

test('kandji: 120 parallel reads stay under the 50 per second limit (no 429 from an enforcing tenant)', async (t) => {
  const { sim, api } = await tenant(t, 'kandji', { kandji: { enforceRateLimit: true } }, { timeoutMs: 5000 });
  const item = unwrap(await api.createProfile(upload('Popular')));
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: 120 }, () => api.getProfile(item.id)));
  assert.ok(results.every((r) => r.ok));
  assert.equal(sim.log.filter((e) => e.status === 429).length, 0);
  assert.ok(Date.now() - started >= 2000, 'the third window waited');
});

test('kandji: time queued behind the throttle does not count toward the request timeout; a slow answer still times out', async (t) => {
  // 2 requests per window and a 400 ms timeout: the sixth read waits about 2.2 s for its slot.
  const { sim, api } = await tenant(t, 'kandji', {}, { timeoutMs: 400, maxRequestsPerSecond: 2 });
  const item = unwrap(await api.createProfile(upload('Queued')));
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: 6 }, () => api.getProfile(item.id)));
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.error.kind)), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  assert.ok(Date.now() - started >= 2000, 'the later reads waited for their slots');
  sim.faults.add('hang:ms=3000:method=GET');
  const slow = errorOf(await api.getProfile(item.id));
  assert.equal(slow.kind, 'timeout');
});
