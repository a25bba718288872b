// The vendor boundary: only tenant/src/api/<vendor>/ (and the simulator, which plays the vendors) may know wire
// paths and field names; the extension, the CLI and sync see domain types only (STYLE.md §2).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const repo = join(__dirname, '..', '..', '..');
const WIRE_WORDS = /library_item_id|assignment_node_id|configFieldID|configFieldName|custom_mdm_profile_darwin|\/api\/v[12]\/|applemdms|systemgroups|list-library-items/;
const ALLOWED = [/^tenant\/src\/api\//, /^tenant\/src\/simulator\//];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

test('no vendor wire names outside tenant/src/api and the simulator', () => {
  const offenders: string[] = [];
  for (const root of ['client/src', 'server/src', 'cli/src', 'tenant/src']) {
    for (const file of sources(join(repo, root))) {
      const rel = relative(repo, file).split('\\').join('/');
      if (ALLOWED.some((a) => a.test(rel))) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (WIRE_WORDS.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
  }
  assert.deepEqual(offenders, []);
});

test('the tenant layer never imports vscode', () => {
  for (const file of sources(join(repo, 'tenant/src'))) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode['"]/, relative(repo, file));
  }
});
