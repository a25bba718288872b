// Fleet figures at 100,000 devices: simulator start, the tree's first device page through TenantApi, the full
// `devices list --json` stream on the built CLI (time and peak RSS), and the first Prism report page.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTenantApi } from '../../tenant/src/api/index';
import { startSimulator } from '../../tenant/src/simulator/index';

export interface FleetFigures {
  rows: string[][];
}

const TREE_PAGE = 100;

/** VmHWM of a live process, in MB (Linux); undefined elsewhere or once it has exited. */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI with stdout counted (not kept), sampling its peak RSS until it exits. */
function streamDevices(cli: string, env: Record<string, string>): Promise<{ ms: number; bytes: number; devices: number; peakMb?: number; code: number | null }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'devices', 'list', '--json'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let devices = 0;
    let peak: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf('"id"'); i !== -1; i = chunk.indexOf('"id"', i + 4)) devices++;
    });
    child.stderr.resume();
    const sampler = setInterval(() => {
      const v = child.pid ? peakRssMb(child.pid) : undefined;
      if (v !== undefined) peak = Math.max(peak ?? 0, v);
    }, 25);
    child.on('error', (e) => { clearInterval(sampler); fail(e); });
    child.on('close', (code) => {
      clearInterval(sampler);
      done({ ms: performance.now() - started, bytes, devices, code, ...(peak !== undefined ? { peakMb: peak } : {}) });
    });
  });
}

const ms = (v: number): string => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export async function fleetBench(root: string, deviceCount = 100_000): Promise<FleetFigures> {
  const rows: string[][] = [];
  for (const vendor of ['kandji', 'jumpcloud'] as const) {
    const t0 = performance.now();
    const sim = await startSimulator({ vendor, data: 'demo', demo: { devices: deviceCount } });
    const startMs = performance.now() - t0;
    rows.push([vendor, 'simulator start (demo data generated)', ms(startMs), '']);
    try {
      const api = createTenantApi({ kind: vendor, baseUrl: sim.url, token: sim.token });
      const firsts: number[] = [];
      for (let i = 0; i < 7; i++) {
        const a = performance.now();
        const page = await api.listDevices({ pageSize: TREE_PAGE });
        firsts.push(performance.now() - a);
        if (!page.ok) throw new Error(`listDevices: ${page.error.message}`);
      }
      const first = median(firsts);
      rows.push([vendor, `first device page (${TREE_PAGE}) through TenantApi, median of 7`, ms(first), `< 300 ms: ${first < 300 ? 'met' : 'NOT met'}`]);
      if (vendor === 'kandji') {
        const a = performance.now();
        const report = await api.reportPage('device_information', { pageSize: 100 });
        const reportMs = performance.now() - a;
        if (!report.ok) throw new Error(`reportPage: ${report.error.message}`);
        rows.push([vendor, `Prism device_information first page (100 of ${report.value.total})`, ms(reportMs), '']);
        const b = performance.now();
        const count = await api.reportCount('apps');
        rows.push([vendor, `Prism count apps (${count.ok ? count.value : 'failed'})`, ms(performance.now() - b), '']);
      }
      const cli = join(root, 'server', 'out', 'cli.js');
      if (!existsSync(cli)) rows.push([vendor, 'devices list --json', 'skipped: run `npm run build` first', '']);
      else {
        const r = await streamDevices(cli, sim.env);
        rows.push([vendor, `devices list --json (${r.devices} devices, ${(r.bytes / 1e6).toFixed(1)} MB, exit ${r.code})`, `${(r.ms / 1000).toFixed(1)} s`, `every device, exit 0: ${r.devices === deviceCount && r.code === 0 ? 'met' : 'NOT met'}`]);
        rows.push([vendor, 'CLI peak RSS during the stream', r.peakMb === undefined ? 'n/a' : `${r.peakMb.toFixed(0)} MB`, `< 200 MB: ${r.peakMb !== undefined && r.peakMb < 200 ? 'met' : 'NOT met'}`]);
      }
    } finally {
      await sim.stop();
    }
  }
  return { rows };
}
