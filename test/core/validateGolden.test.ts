// Golden diagnostics for every fixture profile: valid ones lint without errors or warnings, each invalid
// one carries the defect it is named for, and its [{code, line, severity}] matches the golden beside it.
// UPDATE_GOLDEN=1 rewrites the goldens; review the diff.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesDir, goldenRows, lint, mobileconfigsIn } from './validateHelpers';

const update = process.env.UPDATE_GOLDEN === '1';

for (const file of mobileconfigsIn(join(fixturesDir, 'valid'))) {
  test(`valid fixture ${file} has no errors or warnings`, () => {
    const problems = lint(readFileSync(join(fixturesDir, 'valid', file), 'utf8'));
    const loud = problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
    assert.deepEqual(loud.map((p) => `${p.code}: ${p.message}`), []);
  });
}

for (const file of mobileconfigsIn(join(fixturesDir, 'invalid'))) {
  test(`invalid fixture ${file} matches its golden`, () => {
    const path = join(fixturesDir, 'invalid', file);
    const text = readFileSync(path, 'utf8');
    const rows = goldenRows(text, lint(text));
    // Named for its defect: `<code>.mobileconfig` or `<code>--<variant>.mobileconfig`.
    const named = file.replace(/\.mobileconfig$/, '').split('--')[0];
    assert.ok(rows.some((r) => r.code === named), `${file}: expected a ${named} diagnostic, got ${JSON.stringify(rows)}`);
    const goldenPath = path.replace(/\.mobileconfig$/, '.expected.json');
    if (update || !existsSync(goldenPath)) {
      if (!update) assert.fail(`${goldenPath} is missing: run with UPDATE_GOLDEN=1 and review it`);
      writeFileSync(goldenPath, JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    assert.deepEqual(rows, JSON.parse(readFileSync(goldenPath, 'utf8')));
  });
}
