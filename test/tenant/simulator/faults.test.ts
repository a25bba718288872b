// Fault injection: the spec syntax, and each fault kind observed over real HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFault, parseFaultSpec, sampleProfileXml } from '../../../tenant/src/simulator/index';
import { call, get, sendForm, sendJson, sim } from './simHttp';

const PROFILES = '/api/v1/library/custom-profiles';
const createParts = (name: string) => [
  { name: 'name', value: name },
  { name: 'runs_on_mac', value: 'true' },
  { name: 'file', filename: 'p.mobileconfig', data: sampleProfileXml(name) },
];

test('fault spec strings parse, describe themselves back, and reject mistakes with a reason', () => {
  const parsed = parseFaultSpec('429:retry-after=1:count=2:path=/api/v1/library/custom-profiles, store-drop, latency:ms=50:method=get, hang:ms=200:count=*, malformed:skip=1');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.faults[0], { kind: 'status', status: 429, retryAfterS: 1, count: 2, path: '/api/v1/library/custom-profiles' });
  assert.deepEqual(parsed.faults[1], { kind: 'store-then-fail', then: 'drop' });
  assert.deepEqual(parsed.faults[2], { kind: 'latency', ms: 50, method: 'GET' });
  assert.equal(parsed.faults[3]!.count, Infinity);
  assert.deepEqual(parsed.faults.map(describeFault), ['429:retry-after=1:count=2:path=/api/v1/library/custom-profiles', 'store-drop', 'latency:ms=50:method=GET', 'hang:ms=200:count=*', 'malformed:skip=1']);
  for (const [bad, why] of [['418', /unknown kind/], ['latency', /ms=N/], ['500:count=0', /count/], ['500:path=api', /path/], ['500:colour=red', /unknown key/], ['500:count', /key=value/]] as const) {
    const r = parseFaultSpec(bad);
    assert.ok(!r.ok, bad);
    assert.match(r.error, why);
  }
  assert.deepEqual(parseFaultSpec(''), { ok: true, faults: [] });
});

test('status faults answer in the vendor shape, then the next call goes through', async (t) => {
  const k = await sim(t, { vendor: 'kandji', data: 'empty', faults: '429:retry-after=2:path=/api/v1/library/*' });
  const limited = await get(k, PROFILES);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '2');
  assert.equal(limited.headers.get('ratelimit-remaining'), '0');
  assert.deepEqual(limited.body, { message: 'API rate limit exceeded' });
  assert.equal((await get(k, PROFILES)).status, 200);
  assert.equal(k.log[0]!.fault, '429:retry-after=2:path=/api/v1/library/*');
  assert.equal(k.log[1]!.fault, undefined);

  const shapes: [string, number, (a: Awaited<ReturnType<typeof get>>) => void][] = [
    ['401', 401, (a) => assert.deepEqual(a.body, { detail: 'Invalid token.' })],
    ['403', 403, (a) => assert.deepEqual(a.body, { detail: 'You do not have permission to perform this action.' })],
    ['404', 404, (a) => assert.match(a.headers.get('content-type') ?? '', /text\/html/)],
    ['415', 415, (a) => assert.match(String((a.body as { detail: string }).detail), /Unsupported media type/)],
    ['500', 500, (a) => assert.match(a.text, /Server Error \(500\)/)],
    ['502', 502, (a) => assert.ok(a.body !== undefined)],
    ['503', 503, (a) => assert.match(a.text, /Service Unavailable/)],
  ];
  for (const [spec, status, check] of shapes) {
    k.faults.add(spec);
    const a = await get(k, PROFILES);
    assert.equal(a.status, status, spec);
    check(a);
  }

  const j = await sim(t, { vendor: 'jumpcloud', data: 'empty', faults: '503:count=2, 429:retry-after=1' });
  assert.equal((await get(j, '/api/v2/policies')).status, 503);
  assert.equal((await get(j, '/api/v2/policies')).status, 503);
  const jl = await get(j, '/api/v2/policies');
  assert.equal(jl.status, 429);
  assert.equal(jl.headers.get('retry-after'), '1');
  assert.deepEqual(jl.body, { message: 'Too Many Requests' });
  j.faults.add('404');
  assert.deepEqual((await get(j, '/api/v2/policies')).body, { code: 404, message: 'Not Found', status: 'Not Found' });
  assert.equal((await get(j, '/api/v2/policies')).status, 200);
});

test('faults match by method, path glob, skip and count', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'demo', demo: { devices: 5, profiles: 2 } });
  s.faults.add({ kind: 'status', status: 500, method: 'POST', path: '/api/v1/blueprints/*/assign-library-item', skip: 1, count: 2 });
  assert.equal((await get(s, '/api/v1/blueprints')).status, 200, 'GET does not match');
  const bp = [...s.state.blueprints.values()].find((b) => b.type === 'classic')!;
  const item = [...s.state.items.values()].find((i) => i.kind === 'profile' && !bp.items.some((a) => a.itemId === i.id))!;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await sendJson(s, 'POST', `/api/v1/blueprints/${bp.id}/remove-library-item`, { library_item_id: item.id })).status);
  assert.deepEqual(statuses, [400, 400, 400, 400], 'a different path does not match');
  const assign: number[] = [];
  for (let i = 0; i < 4; i++) assign.push((await sendJson(s, 'POST', `/api/v1/blueprints/${bp.id}/assign-library-item`, { library_item_id: item.id })).status);
  assert.deepEqual(assign, [200, 500, 500, 400], 'skip 1, fire twice, then the real answer (already assigned)');
  assert.deepEqual(s.faults.active(), []);
});

test('latency delays the answer; hang holds it until the client gives up; drop closes the socket', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty', faults: 'latency:ms=40' });
  const slow = await get(s, PROFILES);
  assert.equal(slow.status, 200);
  assert.ok(s.log[0]!.durationMs >= 40, `took ${s.log[0]!.durationMs} ms`);

  s.faults.add('hang:ms=5000');
  await assert.rejects(fetch(`${s.url}${PROFILES}`, { headers: { authorization: `Bearer ${s.token}` }, signal: AbortSignal.timeout(150) }), (e: Error) => e.name === 'TimeoutError');
  assert.equal(s.log.at(-1)!.outcome, 'hung');
  assert.equal(s.log.at(-1)!.status, null);

  s.faults.add('drop');
  await assert.rejects(fetch(`${s.url}${PROFILES}`, { headers: { authorization: `Bearer ${s.token}` } }), TypeError);
  assert.equal(s.log.at(-1)!.outcome, 'dropped');
  assert.equal((await get(s, PROFILES)).status, 200, 'the server keeps serving');
});

test('malformed bodies do not parse as JSON but keep the status', async (t) => {
  const s = await sim(t, { vendor: 'jumpcloud', data: 'demo', demo: { devices: 5, profiles: 2 }, faults: 'malformed:path=/api/v2/policies' });
  const a = await get(s, '/api/v2/policies');
  assert.equal(a.status, 200);
  assert.match(a.headers.get('content-type') ?? '', /application\/json/);
  assert.ok(a.text.length > 0);
  assert.throws(() => JSON.parse(a.text));
});

test('store-then-fail: the create is stored, the caller sees a 500 or a dropped connection', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty', faults: 'store-500' });
  const failed = await sendForm(s, 'POST', PROFILES, createParts('Stored anyway'));
  assert.equal(failed.status, 500);
  assert.equal(s.state.counts().profiles, 1);
  const listed = (await get(s, PROFILES)).body as { results: { id: string; name: string }[] };
  assert.deepEqual(listed.results.map((r) => r.name), ['Stored anyway']);
  assert.equal(s.log[0]!.createdId, listed.results[0]!.id, 'the log tells which object the failed call stored');

  s.faults.add('store-drop');
  await assert.rejects(() => sendForm(s, 'POST', PROFILES, createParts('Dropped but stored')));
  assert.equal(s.state.counts().profiles, 2);
  assert.equal(s.log.at(-1)!.outcome, 'dropped');
  assert.ok(s.log.at(-1)!.createdId);

  const j = await sim(t, { vendor: 'jumpcloud', data: 'empty', faults: 'store-503' });
  const body = { name: 'JC stored', template: { id: '5f21c4d3b544067fd53ba0af' }, values: [{ configFieldID: '5f21c4d3b544067fd53ba0b0', value: Buffer.from(sampleProfileXml()).toString('base64') }] };
  assert.equal((await sendJson(j, 'POST', '/api/v2/policies', body)).status, 503);
  assert.equal(((await get(j, '/api/v2/policies?filter=name:eq:JC%20stored')).body as unknown[]).length, 1);
  assert.equal((await call(j, 'GET', '/api/v2/policies')).status, 200, 'store-then-fail only touches POST');
});

test('Kandji rate limiting can be enforced at 50 requests per second', async (t) => {
  const s = await sim(t, { vendor: 'kandji', data: 'empty', kandji: { enforceRateLimit: true } });
  s.state.freeze(); // one simulated second, however slow the machine is
  const statuses: number[] = [];
  let last: Awaited<ReturnType<typeof get>> | undefined;
  for (let i = 0; i < 55; i++) {
    last = await get(s, PROFILES);
    statuses.push(last.status);
  }
  assert.deepEqual(statuses, [...Array(50).fill(200), ...Array(5).fill(429)]);
  assert.equal(last!.headers.get('retry-after'), '1');
  assert.equal(last!.headers.get('x-ratelimit-remaining-second'), '0');
  assert.deepEqual(last!.body, { message: 'API rate limit exceeded' });
  s.state.advance(1000);
  const next = await get(s, PROFILES);
  assert.equal(next.status, 200);
  assert.equal(next.headers.get('x-ratelimit-remaining-second'), '49');
  assert.equal(next.headers.get('x-ratelimit-remaining-hour'), String(10_000 - 56));
});
