// The built CLI against a simulator behind the validating proxy, for the CLI contract tests.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { startSimulator, type Simulator } from '../../../tenant/src/simulator/index';
import { cliEnv, runCli, type CliRun } from '../../cli/tenantCli';
import { startContract, type ContractProxy, type ContractVendor } from './prism';

export interface CliTenant {
  sim: Simulator;
  proxy: ContractProxy;
  dir: string;
  cli: (...args: string[]) => Promise<CliRun>;
  ok: (...args: string[]) => Promise<string>;
}

export async function cliTenant(t: TestContext, vendor: ContractVendor): Promise<CliTenant> {
  const sim = await startSimulator({ vendor, port: 0, data: 'demo', demo: { devices: 30, profiles: 3 }, settleMs: 0 });
  t.after(() => sim.stop());
  const proxy = await startContract(vendor, sim.url);
  t.after(() => proxy.close());
  const dir = mkdtempSync(join(tmpdir(), 'ps-contract-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env = cliEnv({ ...sim.env, [vendor === 'kandji' ? 'KANDJI_API_URL' : 'JUMPCLOUD_API_URL']: proxy.url });
  const cli = (...args: string[]) => runCli(args, { env, cwd: dir });
  const ok = async (...args: string[]) => {
    const run = await cli(...args);
    assert.equal(run.code, 0, `profile-studio ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  return { sim, proxy, dir, cli, ok };
}

export const mobileconfigIn = (folder: string): string => join(folder, readdirSync(folder).find((f) => f.endsWith('.mobileconfig'))!);

