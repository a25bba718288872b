// The CLI's error vocabulary (cli/src/failure.ts) at unit level; the built binary is covered by firstHour.test.ts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { apiMessage, didYouMean, fileProblem, statusPhrase } from '../../cli/src/failure';

test('file errors are named by what happened, never by errno', () => {
  assert.equal(fileProblem({ code: 'ENOENT' }), 'no such file or folder');
  assert.equal(fileProblem({ code: 'EISDIR' }), 'is a folder, not a file');
  assert.equal(fileProblem({ code: 'EACCES' }), 'permission denied');
  assert.equal(fileProblem({ code: 'ENOTDIR' }), 'part of the path is a file, not a folder');
  assert.equal(fileProblem(new Error('weird')), 'cannot be accessed');
});

test('a bare status phrase reads the same from every server; vendor sentences are kept', () => {
  for (const m of ['Not Found', 'Not found.', 'not found', 'NOT FOUND']) assert.equal(statusPhrase(m), m === 'NOT FOUND' ? m : 'Not found');
  assert.equal(statusPhrase('Service Unavailable'), 'Service unavailable');
  assert.equal(statusPhrase('policy not found'), 'Policy not found');
  assert.equal(statusPhrase('Must provide assignment_node_id for Assignment Map Blueprint'), 'Must provide assignment_node_id for Assignment Map Blueprint');
  assert.equal(apiMessage('Reading device x', { kind: 'not-found', message: 'Not Found', status: 404, hint: 'Check the id' }), 'Reading device x failed: Not found (HTTP 404). Check the id');
  // A vendor sentence's own period would sit before "(HTTP 400)." and the hint.
  assert.equal(apiMessage('Deleting user u', { kind: 'invalid', message: 'User still assigned to one or more devices.', status: 400 }, 'Unassign them'),
    'Deleting user u failed: User still assigned to one or more devices (HTTP 400). Unassign them');
  assert.equal(apiMessage('Pushing p', { kind: 'invalid', message: 'Wait...', status: 400 }), 'Pushing p failed: Wait... (HTTP 400)');
});

test('did-you-mean uses the core suggester', () => {
  assert.equal(didYouMean('DeviceName', ['deviceName', 'pin']), '; did you mean "deviceName"?');
  assert.equal(didYouMean('zzz', ['deviceName']), '');
});
