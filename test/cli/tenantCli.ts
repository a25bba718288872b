// Test helpers for the tenant CLI: spawn the BUILT binary (server/out/cli.js, from `npm run build`) against a
// simulator on 127.0.0.1. The spawn is asynchronous because the simulator answers from this same process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../tenant/src/simulator';

export const CLI = resolve('server/out/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: PATH and the tenant variables only, so the caller's own settings never leak in. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...extra };
}

export function runCli(args: string[], options: { env: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: options.env, cwd: options.cwd ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); fail(new Error(`profile-studio ${args.join(' ')} did not finish in ${options.timeoutMs ?? 60_000} ms`)); }, options.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); fail(e); });
    child.on('close', (code) => { clearTimeout(timer); done({ code, stdout, stderr }); });
  });
}

/** A simulator with a small demo tenant (fast to list), plus a `cli()` bound to its environment. */
export async function startTenant(vendor: 'kandji' | 'jumpcloud', options: Partial<SimulatorOptions> = {}): Promise<{ sim: Simulator; cli: (args: string[], cwd?: string) => Promise<CliRun> }> {
  const sim = await startSimulator({ vendor, port: 0, data: 'demo', demo: { devices: 240, profiles: 6 }, settleMs: 0, ...options });
  const env = cliEnv(sim.env);
  return { sim, cli: (args, cwd) => runCli(args, { env, ...(cwd ? { cwd } : {}) }) };
}

/** Asserts helper: the token must appear in no output of a run. */
export function leaksToken(run: CliRun, token: string): boolean {
  return run.stdout.includes(token) || run.stderr.includes(token);
}

export function profileXml(displayName: string, identifier: string, extra = ''): string {
  const uuid = (n: number) => `6A3B1C2D-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const seed = [...identifier].reduce((a, c) => a + c.charCodeAt(0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>PayloadContent</key>
	<array>
		<dict>
			<key>PayloadType</key>
			<string>com.apple.dock</string>
			<key>PayloadIdentifier</key>
			<string>${identifier}.dock</string>
			<key>PayloadUUID</key>
			<string>${uuid(seed * 2)}</string>
			<key>PayloadVersion</key>
			<integer>1</integer>
			<key>tilesize</key>
			<integer>48</integer>${extra}
		</dict>
	</array>
	<key>PayloadDisplayName</key>
	<string>${displayName}</string>
	<key>PayloadIdentifier</key>
	<string>${identifier}</string>
	<key>PayloadType</key>
	<string>Configuration</string>
	<key>PayloadUUID</key>
	<string>${uuid(seed * 2 + 1)}</string>
	<key>PayloadVersion</key>
	<integer>1</integer>
</dict>
</plist>
`;
}
