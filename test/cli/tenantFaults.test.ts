// The CLI under injected faults: retries stay invisible, failures are one clear line with exit 1, and a create
// that failed after the tenant stored it is not duplicated by pushing again.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { leaksToken, profileXml, startTenant, type CliRun } from './tenantCli';

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  describe(`faults (${vendor})`, () => {
    let sim: Simulator;
    let cli: (args: string[]) => Promise<CliRun>;
    let dir: string;
    before(async () => {
      ({ sim, cli } = await startTenant(vendor, { demo: { devices: 10, profiles: 3 } }));
      dir = mkdtempSync(join(tmpdir(), 'ps-faults-'));
    });
    after(async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a 429 with Retry-After on a read is retried; the command succeeds quietly', async () => {
      sim.faults.add('429:count=1:retry-after=1:method=GET');
      const run = await cli(['blueprints', 'list', '--json']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.ok(sim.log.some((e) => e.status === 429));
    });

    test('malformed JSON and persistent 5xx end in exit 1 with one clear line and no token', async () => {
      sim.faults.add('malformed:count=1:method=GET');
      const malformed = await cli(['blueprints', 'list']);
      assert.equal(malformed.code, 1);
      assert.match(malformed.stderr, /^Listing blueprints failed: .+/);
      assert.ok(!leaksToken(malformed, sim.token));
      sim.faults.add('500:count=*:method=GET');
      try {
        const failing = await cli(['profiles', 'list']);
        assert.equal(failing.code, 1);
        assert.match(failing.stderr, /HTTP 500/);
        assert.ok(!leaksToken(failing, sim.token));
      } finally {
        sim.faults.clear();
      }
    });

    test('store-then-fail on create: pushing again updates the stored one, never duplicates', async () => {
      const file = join(dir, 'sf.mobileconfig');
      writeFileSync(file, profileXml('Stored Then Failed', 'com.example.cli.storefail'));
      sim.faults.add('store-500:count=1:method=POST');
      await cli(['profiles', 'push', file, '--json']);
      const again = await cli(['profiles', 'push', file, '--json']);
      assert.equal(again.code, 0, again.stderr);
      const list = JSON.parse((await cli(['profiles', 'list', '--json'])).stdout) as { name: string }[];
      assert.equal(list.filter((p) => p.name === 'Stored Then Failed').length, 1);
    });
  });
}
