// `profile-studio blueprints ...` and `devices ...` through the built binary against the simulator.
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import type { Simulator } from '../../tenant/src/simulator';
import { leaksToken, startTenant, type CliRun } from './tenantCli';

for (const vendor of ['kandji', 'jumpcloud'] as const) {
  describe(`blueprints and devices (${vendor})`, () => {
    let sim: Simulator;
    let cli: (args: string[]) => Promise<CliRun>;
    before(async () => { ({ sim, cli } = await startTenant(vendor)); });
    after(() => sim.stop());

    const json = async <T>(args: string[]): Promise<T> => {
      const run = await cli(args);
      assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
      assert.ok(!leaksToken(run, sim.token));
      return JSON.parse(run.stdout) as T;
    };

    test('blueprints list, then assign a profile, see it in items, remove it', async () => {
      const blueprints = await json<{ id: string; name: string; kind: string }[]>(['blueprints', 'list', '--json']);
      assert.equal(blueprints.length, sim.state.blueprints.size);
      const target = blueprints.find((b) => b.kind !== 'map')!;
      const profiles = await json<{ id: string }[]>(['profiles', 'list', '--json']);
      const before = await json<{ id: string }[]>(['blueprints', 'items', target.id, '--json']);
      const item = profiles.find((p) => !before.some((b) => b.id === p.id))!;
      assert.ok(item, 'a profile not yet in the blueprint');
      const assigned = await cli(['blueprints', 'assign', target.id, item.id]);
      assert.equal(assigned.code, 0, assigned.stderr);
      assert.ok((await json<{ id: string }[]>(['blueprints', 'items', target.id, '--json'])).some((i) => i.id === item.id));
      const removed = await cli(['blueprints', 'remove', target.id, item.id]);
      assert.equal(removed.code, 0, removed.stderr);
      assert.ok(!(await json<{ id: string }[]>(['blueprints', 'items', target.id, '--json'])).some((i) => i.id === item.id));
    });

    if (vendor === 'kandji') {
      test('map blueprints take an assignment node; a bad blueprint id fails with exit 1', async () => {
        const map = [...sim.state.blueprints.values()].find((b) => b.type === 'map')!;
        const profiles = await json<{ id: string }[]>(['profiles', 'list', '--json']);
        const node = map.nodes[map.nodes.length - 1]!;
        const run = await cli(['blueprints', 'assign', map.id, profiles[0]!.id, '--node', node.id]);
        assert.equal(run.code, 0, run.stderr);
        const missing = await cli(['blueprints', 'items', '00000000-0000-4000-8000-000000000000']);
        assert.equal(missing.code, 1);
        assert.match(missing.stderr, /failed/);
      });
    }

    test('devices list follows every page and filters by platform', async () => {
      const all = await json<{ id: string; platform: string }[]>(['devices', 'list', '--json']);
      assert.equal(all.length, sim.state.devices.length);
      assert.equal(new Set(all.map((d) => d.id)).size, all.length, 'no device twice across pages');
      const ipads = await json<{ platform: string }[]>(['devices', 'list', '--platform', 'ipad', '--json']);
      assert.equal(ipads.length, sim.state.devices.filter((d) => d.platform === 'iPad').length);
      assert.ok(ipads.every((d) => d.platform === 'iPad'));
      const bad = await cli(['devices', 'list', '--platform', 'Newton']);
      assert.equal(bad.code, 2);
    });

    test('devices show and actions: destructive ones need --yes', async () => {
      const mac = sim.state.devices.find((d) => d.platform === 'Mac')!;
      const shown = await json<{ device: { id: string; name: string }; profiles: unknown[] }>(['devices', 'show', mac.id, '--json']);
      assert.equal(shown.device.id, mac.id);
      const text = await cli(['devices', 'show', mac.id]);
      assert.match(text.stdout, new RegExp(mac.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const restart = await cli(['devices', 'action', mac.id, 'restart']);
      assert.equal(restart.code, 2, 'restart is destructive');
      assert.match(restart.stderr, /--yes/);
      const unknown = await cli(['devices', 'action', mac.id, 'teleport']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /not an action/);
      const safe = vendor === 'kandji' ? ['blankpush'] : ['restart', '--yes'];
      const sent = await cli(['devices', 'action', mac.id, ...safe]);
      assert.equal(sent.code, 0, sent.stderr);
      assert.match(sent.stdout, /sent to/);
    });
  });
}
