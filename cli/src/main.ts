// `profile-studio <command>`: the CLI entry (bundled to server/out/cli.js). Dispatches to lint, the tenant
// commands and the simulator. Exit codes: 0 ok, 1 operation failed, 2 usage or I/O error.
import { printable, suggest } from '../../server/src/core';
import { ExitCode, processIo, type CliIo } from './io';
import { runTenantCommand } from './command';
import { runLint } from './lint';
import { commandGroups, singleWordCommands, tenantCommands } from './tenantCommands';
import { runSimulate } from './tenantCommands/simulate';

const VERSION = '0.1.0';

function mainHelp(): string {
  const descriptions: Record<string, string> = {
    profiles: 'manage custom profiles', blueprints: 'blueprints and assignments',
    devices: 'devices, their details, secrets and actions', sync: 'sync a repository folder with the tenant',
    prism: 'Prism reports: <category>, count, export', ade: 'Automated Device Enrollment', tags: 'device tags', users: 'tenant users',
    threats: 'threat details and behavioral detections', vulns: 'vulnerabilities', licensing: 'license counts and limits',
  };
  const rows: [string, string][] = [
    ['lint [--format text|json|sarif] <file|dir>...', 'check .mobileconfig files'],
    ...[...commandGroups()].map(([g, subs]): [string, string] => [`${g} ${g === 'prism' ? '<category>|count|export' : subs.join('|')}`, descriptions[g] ?? '']),
    ...singleWordCommands().map((w): [string, string] => [w, descriptions[w] ?? '']),
    ['simulate --vendor kandji|jumpcloud', 'run a local tenant simulator'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return [
    'Usage: profile-studio <command> [options]',
    '',
    'Commands:',
    ...rows.map(([usage, what]) => `  ${usage.padEnd(width)}${what}`),
    '',
    'Run `profile-studio <command> --help` for the options of each command.',
    '',
  ].join('\n');
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => resolve(signal);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(mainHelp());
    return command === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (command === '--version') { io.stdout(`${VERSION}\n`); return ExitCode.ok; }
  if (command === 'lint') return runLint(rest, io);
  if (command === 'simulate') return runSimulate(rest, io, waitForSignal);
  const single = tenantCommands.get(command);
  if (single) return runTenantCommand(single, rest, io);
  const subs = commandGroups().get(command);
  if (!subs) {
    const hint = suggest(command, ['lint', 'simulate', ...commandGroups().keys(), ...singleWordCommands()], 1)[0];
    io.stderr(`profile-studio: unknown command "${command}"${hint ? `; did you mean "${hint}"?` : ''}\n\n${mainHelp()}`);
    return ExitCode.usage;
  }
  const [sub, ...args] = rest;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    const text = `Usage: profile-studio ${command} ${subs.join('|')} [options]\nRun \`profile-studio ${command} <subcommand> --help\` for details.\n`;
    if (sub === undefined) { io.stderr(text); return ExitCode.usage; }
    io.stdout(text);
    return ExitCode.ok;
  }
  const tenantCommand = tenantCommands.get(`${command} ${sub}`);
  if (!tenantCommand) {
    const hint = suggest(sub, subs, 1)[0];
    io.stderr(`profile-studio ${command}: unknown subcommand "${sub}"${hint ? `; did you mean "${hint}"?` : ''} (one of ${subs.join(', ')})\n`);
    return ExitCode.usage;
  }
  return runTenantCommand(tenantCommand, args, io);
}

if (require.main === module) {
  main(process.argv.slice(2), processIo()).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      // A bug, not a user error: say so without dumping request details.
      process.stderr.write(`profile-studio: internal error (please report it): ${printable(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = ExitCode.failed;
    },
  );
}
