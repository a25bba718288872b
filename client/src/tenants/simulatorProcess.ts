// Runs the built-in simulator (`profile-studio simulate`) in a child process for "Try the Demo Tenant":
// generating the demo tenant takes seconds of CPU, which must not stall the extension host. The child
// listens on 127.0.0.1 only and is stopped with its tenant or when the extension is disposed.
import { fork, type ChildProcess } from 'node:child_process';
import type { VendorKind } from '../../../tenant/src/api/tenantApi';

export interface RunningSimulator {
  url: string;
  token: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export function startSimulatorProcess(cliPath: string, vendor: VendorKind): Promise<RunningSimulator> {
  const child = fork(cliPath, ['simulate', '--vendor', vendor, '--port', '0', '--data', 'demo'], {
    silent: true,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return new Promise<RunningSimulator>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error('the simulator did not start in time')), START_TIMEOUT_MS);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const token = /(?:API token|API key): (\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ url, token, stop: () => stopChild(child) });
      }
    });
    child.on('error', (e) => fail(e));
    child.on('exit', (code) => fail(new Error(`the simulator exited (${code ?? 'signal'})${err ? `: ${err.trim().split('\n').pop()}` : ''}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
