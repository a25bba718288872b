// docs/api.md lists every operation of operations.ts; a row added to one and not the other fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { OPERATIONS } from './operations';

test('contract: docs/api.md names every operation the client calls, with its definition operation', () => {
  const docs = readFileSync('docs/api.md', 'utf8');
  for (const [vendor, ops] of Object.entries(OPERATIONS)) {
    for (const op of ops) {
      const row = docs.split('\n').find((l) => l.startsWith(`| \`${op.method} ${op.path}\` |`));
      assert.ok(row, `${vendor}: docs/api.md has no row for ${op.method} ${op.path}`);
      assert.ok(row.includes(`\`${op.operationId}\``) && row.includes(`\`${op.spec.split('/')[1]}\``), `${vendor}: docs row of ${op.method} ${op.path} names ${op.spec} ${op.operationId}`);
    }
  }
});
