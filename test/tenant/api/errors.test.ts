// classify() and message extraction for every body shape the two vendors use (kandji.md §4, jumpcloud.md §3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HTTPError, TimeoutError } from 'ky';
import { classify, errorFromResponse, extractMessage, formatApiError, redact } from '../../../tenant/src/api/errors';

const headers = (h: Record<string, string> = {}) => new Headers(h);

test('messages come out of every body shape', () => {
  const cases: [string, string, string][] = [
    ['bare JSON string', '"This device is already locked."', 'This device is already locked.'],
    ['list of strings', '["Blueprint type does not match the source blueprint type"]', 'Blueprint type does not match the source blueprint type'],
    ['two strings', '["a","b"]', 'a; b'],
    ['field dict', '{"dep_account": ["Enter a valid UUID."]}', 'dep_account: Enter a valid UUID.'],
    ['detail', '{"detail": "Not found."}', 'Not found.'],
    ['jumpcloud Error', '{"code": 404, "message": "policy not found", "status": "Not Found"}', 'policy not found'],
    ['error + message', '{"error": "Unauthorized", "message": "Unauthorized: api key user not found"}', 'Unauthorized: api key user not found'],
    ['error only', '{"error": "Unauthorized"}', 'Unauthorized'],
    ['non_field_errors', '{"non_field_errors": ["At least one runs_on_* platform must be true."]}', 'At least one runs_on_* platform must be true.'],
    ['plain text', 'Assignment node not found', 'Assignment node not found'],
    ['html 404', '<!doctype html>\n<html><head><title>Not Found</title></head><body><h1>Not Found</h1><p>x</p></body></html>', 'Not Found'],
    ['html title only', '<html><head><title>Server Error (500)</title></head></html>', 'Server Error (500)'],
  ];
  for (const [what, body, message] of cases) assert.equal(extractMessage(body).message.trim(), message, what);
  assert.deepEqual(extractMessage('{"name": ["This field is required."], "file": ["No file was submitted."]}').fields, {
    name: ['This field is required.'], file: ['No file was submitted.'],
  });
  assert.deepEqual(extractMessage('{"detail": "JSON parse error - Expecting'), { message: '', malformed: true });
  assert.equal(extractMessage('').message, '');
});

test('statuses map to kinds with hints; malformed or empty bodies still give a clear message', () => {
  const e401 = errorFromResponse(401, headers(), '{"detail": "Invalid token."}');
  assert.deepEqual([e401.kind, e401.message], ['unauthorized', 'Invalid token.']);
  assert.match(e401.hint ?? '', /Check the API token/);
  assert.match(errorFromResponse(403, headers(), '').hint ?? '', /lacks permission/);
  assert.equal(errorFromResponse(403, headers(), '').message, 'Forbidden');
  assert.match(errorFromResponse(415, headers(), '{"detail":"Unsupported media type"}').hint ?? '', /content type/);
  const limited = errorFromResponse(429, headers({ 'retry-after': '7' }), '{"message":"API rate limit exceeded"}');
  assert.ok(limited.kind === 'rate-limited' && limited.retryAfterS === 7);
  assert.match(limited.hint ?? '', /retry after 7 s/);
  const byReset = errorFromResponse(429, headers({ 'ratelimit-reset': '2' }), '');
  assert.ok(byReset.kind === 'rate-limited' && byReset.retryAfterS === 2);
  const date = new Date(Date.now() + 5000).toUTCString();
  const byDate = errorFromResponse(429, headers({ 'retry-after': date }), '');
  assert.ok(byDate.kind === 'rate-limited' && byDate.retryAfterS !== undefined && byDate.retryAfterS >= 3 && byDate.retryAfterS <= 6);
  const broken = errorFromResponse(500, headers({ 'content-type': 'application/json' }), '{"detail": ');
  assert.deepEqual([broken.kind, broken.message], ['server', 'Internal server error (the error body was malformed JSON)']);
  assert.equal(errorFromResponse(409, headers(), '{"message":"association already exists"}').kind, 'conflict');
  const invalid = errorFromResponse(400, headers(), '{"file": ["Upload a valid plist."]}');
  assert.ok(invalid.kind === 'invalid' && invalid.fields?.file?.[0] === 'Upload a valid plist.');
  assert.equal(errorFromResponse(404, headers({ 'content-type': 'text/html' }), '<h1>Not Found</h1>').message, 'Not Found');
  const long = errorFromResponse(400, headers(), JSON.stringify('x'.repeat(1000)));
  assert.ok(long.message.length <= 300);
});

test('the token never survives into a message', () => {
  const token = '0f3b2c1a-9d8e-4f70-a1b2-c3d4e5f60718';
  const echoed = errorFromResponse(400, headers(), JSON.stringify({ detail: `bad header Authorization: Bearer ${token}` }), [token]);
  assert.ok(!echoed.message.includes(token));
  assert.equal(redact(`Bearer ${token} and x-api-key: abcdef123456`, []), 'Bearer *** and x-api-key: ***');
  assert.equal(redact(`key=${token}`, [token]), 'key=***');
});

test('classify: ky errors, network failures, bad JSON', async () => {
  const request = new Request('http://127.0.0.1:9/api/v1/devices');
  const response = new Response('{"detail":"Not found."}', { status: 404, headers: { 'content-type': 'application/json' } });
  const http = classify(new HTTPError(response, request, {} as never), '{"detail":"Not found."}');
  assert.deepEqual([http.kind, http.message], ['not-found', 'Not found.']);
  assert.equal(classify(new TimeoutError(request)).kind, 'timeout');
  assert.equal(classify(new SyntaxError('Unexpected end of JSON input')).kind, 'bad-response');
  const refused = classify(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
  assert.equal(refused.kind, 'network');
  assert.match(refused.message, /Connection refused/);
  const real = await fetch('http://127.0.0.1:9/').catch((e: unknown) => e);
  assert.equal(classify(real).kind, 'network');
  assert.equal(formatApiError({ kind: 'invalid', status: 0, message: 'Bad cursor' }), 'Bad cursor');
  assert.equal(formatApiError(http), 'Not found (HTTP 404). It may have been deleted, or the id belongs to another tenant');
  // The vendor's closing period goes only where something follows it; an ellipsis stays.
  assert.equal(formatApiError({ kind: 'invalid', status: 0, message: 'Bad cursor.', hint: 'Start again' }), 'Bad cursor. Start again');
  assert.equal(formatApiError({ kind: 'invalid', status: 0, message: 'Bad cursor.' }), 'Bad cursor.');
  assert.equal(formatApiError({ kind: 'invalid', status: 400, message: 'Wait...' }), 'Wait... (HTTP 400)');
});

test('property: any body, any status: classification never throws and never echoes the token', async () => {
  const fc = await import('fast-check');
  const token = '0f3b2c1a-9d8e-4f70-a1b2-c3d4e5f60718';
  const withToken = fc.string().map((s) => `${s}${token}${s}`);
  const body = fc.oneof(
    fc.string(),
    withToken.map((s) => JSON.stringify(s)),
    fc.array(withToken).map((a) => JSON.stringify(a)),
    fc.dictionary(fc.string(), fc.array(withToken)).map((d) => JSON.stringify(d)),
    withToken.map((s) => JSON.stringify({ detail: s })),
    withToken.map((s) => JSON.stringify({ code: 400, message: s, status: 'Bad Request' })),
    withToken.map((s) => `<html><h1>${s}</h1></html>`),
    withToken.map((s) => `{"detail": "${s}`),
  );
  fc.assert(
    fc.property(fc.integer({ min: 400, max: 599 }), body, (status, text) => {
      const e = errorFromResponse(status, headers(), text, [token]);
      return !e.message.includes(token) && !(e.hint ?? '').includes(token) && e.message.length <= 300;
    }),
    { seed: 20261123, numRuns: 500 },
  );
});
