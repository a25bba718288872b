// profile-studio simulate: a local Kandji or JumpCloud tenant on 127.0.0.1 until SIGINT/SIGTERM.
import { describeSimulator, parseFaultSpec, startSimulator } from '../../../tenant/src/simulator';
import { helpText, parseArgs, type CommandSpec } from '../args';
import { usageError } from '../command';
import { readFile } from 'node:fs/promises';
import { fileProblem } from '../failure';
import { ExitCode, type CliIo } from '../io';

const spec: CommandSpec = {
  command: 'simulate',
  summary: 'Start a local tenant simulator on 127.0.0.1 and print its URL, a token and the environment for the CLI. Runs until interrupted.',
  positionals: [],
  options: [
    { name: 'vendor', kind: 'value', meta: 'kandji|jumpcloud', help: 'which API to simulate (default: $PROFILE_STUDIO_VENDOR or kandji)' },
    { name: 'port', kind: 'value', meta: 'N', help: 'port (default: any free port)' },
    { name: 'data', kind: 'value', meta: 'demo|empty|FILE', help: 'tenant content (default: demo)' },
    { name: 'devices', kind: 'value', meta: 'N', help: 'demo tenant size in devices (default 10000; up to 200000)' },
    { name: 'faults', kind: 'value', meta: 'SPEC', help: 'fault injection, e.g. 429:count=2:retry-after=1,store-500:method=POST' },
  ],
};

export async function runSimulate(argv: readonly string[], io: CliIo, waitForStop: () => Promise<string>): Promise<number> {
  const parsed = parseArgs(argv, spec);
  if (parsed.kind === 'help') { io.stdout(helpText(spec)); return ExitCode.ok; }
  if (parsed.kind === 'error') return usageError(io, spec, parsed.message);
  const { values } = parsed.args;
  const vendor = (values.get('vendor') ?? io.env.PROFILE_STUDIO_VENDOR ?? 'kandji').toLowerCase();
  if (vendor !== 'kandji' && vendor !== 'jumpcloud') return usageError(io, spec, `--vendor must be kandji or jumpcloud, not "${vendor}"`);
  const portText = values.get('port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return usageError(io, spec, `--port must be a number from 0 to 65535, not "${portText}"`);
  const devicesText = values.get('devices');
  const devices = devicesText === undefined ? undefined : Number(devicesText);
  if (devicesText !== undefined && (!/^\d+$/.test(devicesText) || devices! > 200_000)) return usageError(io, spec, `--devices must be a number from 0 to 200000, not "${devicesText}"`);
  const faults = values.get('faults');
  if (faults !== undefined) {
    const checked = parseFaultSpec(faults);
    if (!checked.ok) return usageError(io, spec, `--faults: ${checked.error}`);
  }
  const data = values.get('data') ?? 'demo';
  if (data !== 'demo' && data !== 'empty') {
    // A data file that cannot be read is an I/O error of the command line, named before anything starts.
    const read = await readFile(data).then(() => undefined, (error: unknown) => fileProblem(error));
    if (read) return usageError(io, spec, `--data ${data}: ${read} (give demo, empty, or a JSON file)`);
  }
  let sim;
  try {
    sim = await startSimulator({ vendor, port, data, ...(devices !== undefined ? { demo: { devices } } : {}), ...(faults !== undefined ? { faults } : {}) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') return usageError(io, spec, `port ${port} is in use; choose another with --port, or leave it out for any free port`);
    if (code === 'EACCES') return usageError(io, spec, `port ${port} needs privileges; choose a port above 1023`);
    io.stderr(`Cannot start the simulator: ${code ? fileProblem(error) : (error as Error).message}\n`);
    return ExitCode.failed;
  }
  io.stdout(`${describeSimulator(sim)}\n`);
  const signal = await waitForStop();
  await sim.stop();
  io.stderr(`simulator stopped (${signal})\n`);
  return ExitCode.ok;
}
