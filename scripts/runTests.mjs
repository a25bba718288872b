// Runs every test/**/*.test.ts (except the real-VS-Code tier) with node's test runner through tsx. Output: a dot
// per test, failures in full, a per-tier table and "N passed, N failed" (scripts/testReporter.mjs).
// TEST_REPORTER=spec (or tap) gives node's own reporters instead.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const skip = new Set(['e2e', 'fixtures']);
const only = process.argv.slice(2);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.has(name) ? [] : walk(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = walk('test').filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
const reporter = process.env.TEST_REPORTER ?? './scripts/testReporter.mjs';
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-reporter=${reporter}`, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
