// Reporter for node's test runner (scripts/runTests.mjs): a dot per test, failures in full, skips with their
// reason, then a per-tier table (test/cli, test/core, ...) and the closing "N passed, N failed" line. The counts
// are also written to SUMMARY_FILE so the e2e harness can add its own rows at the end of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { inspect } from 'node:util';

export const SUMMARY_FILE = 'node_modules/.cache/profile-studio/unit-tests.json';

/** test/tenant/sync/x.test.ts -> tenant/sync; test/cli/x.test.ts -> cli */
function tierOf(file) {
  const parts = relative(process.cwd(), file ?? '').split(sep);
  if (parts[0] !== 'test') return 'other';
  const dirs = parts.slice(1, -1);
  return (dirs[0] === 'tenant' ? dirs.slice(0, 2) : dirs.slice(0, 1)).join('/') || 'test';
}

export function formatTable(rows) {
  const header = ['tier', 'passed', 'failed', 'skipped', 'time'];
  const cells = rows.map((r) => [r.tier, String(r.passed), String(r.failed), String(r.skipped), r.seconds === undefined ? '' : `${r.seconds.toFixed(1)} s`]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

export default async function* reporter(source) {
  const tiers = new Map();
  const failures = [];
  const skips = [];
  const started = Date.now();
  let column = 0;
  const tier = (file) => {
    const name = tierOf(file);
    if (!tiers.has(name)) tiers.set(name, { tier: name, passed: 0, failed: 0, skipped: 0, seconds: 0 });
    return tiers.get(name);
  };
  const mark = (c) => { column = (column + 1) % 80; return column === 0 ? `${c}\n` : c; };
  for await (const event of source) {
    const { type, data } = event;
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    // Suites are containers: their leaf tests are counted, but a suite failing in its hooks is a failure too.
    const isSuite = data.details?.type === 'suite';
    const t = tier(data.file);
    if (data.nesting === 0 && data.details?.duration_ms) t.seconds += data.details.duration_ms / 1000;
    if (type === 'test:fail') {
      const error = data.details?.error;
      const cause = error?.cause ?? error;
      if (isSuite && error?.failureType === 'subtestsFailed') continue;
      t.failed++;
      failures.push(`✖ ${relative(process.cwd(), data.file ?? '')}: ${data.name}\n${inspect(cause, { depth: 4 }).split('\n').map((l) => `    ${l}`).join('\n')}`);
      yield mark('x');
    } else if (!isSuite) {
      if (data.skip !== undefined || data.todo !== undefined) {
        t.skipped++;
        skips.push(`- ${relative(process.cwd(), data.file ?? '')}: ${data.name}${typeof data.skip === 'string' ? ` (${data.skip})` : ''}`);
        yield mark('s');
      } else {
        t.passed++;
        yield mark('.');
      }
    }
  }
  const rows = [...tiers.values()].sort((a, b) => (a.tier < b.tier ? -1 : 1));
  const total = rows.reduce((s, r) => ({ passed: s.passed + r.passed, failed: s.failed + r.failed, skipped: s.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
  let out = column === 0 ? '\n' : '\n\n';
  if (skips.length > 0) out += `Skipped:\n${skips.join('\n')}\n\n`;
  if (failures.length > 0) out += `Failed:\n${failures.join('\n\n')}\n\n`;
  out += `${formatTable([...rows, { tier: 'total', ...total, seconds: (Date.now() - started) / 1000 }])}\n`;
  out += `${total.passed} passed, ${total.failed} failed\n`;
  try {
    mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
    writeFileSync(SUMMARY_FILE, JSON.stringify({ at: new Date().toISOString(), rows }));
  } catch {
    // The summary only feeds the table at the end of `npm test`; the run itself already reported everything.
  }
  yield out;
}
