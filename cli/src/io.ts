// What a CLI command may touch of the process: output streams, environment, working folder. main.ts builds
// it from `process`; tests could build their own. Everything written to stdout/stderr passes printableBlock:
// profile names, key names and server text are untrusted, so their control characters are shown escaped.
import { printable, printableBlock } from '../../server/src/core';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Progress lines are written only when stderr is a terminal. */
  stderrIsTTY: boolean;
  /** The progress line's own channel: our cursor controls, unescaped (terminal only). */
  progress?: (text: string) => void;
}

export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(printableBlock(t)),
    stderr: (t) => void process.stderr.write(printableBlock(t)),
    progress: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** A progress reporter: overwrites one stderr line on a terminal, silent otherwise. */
export function progressReporter(io: CliIo): { update(message: string): void; done(): void } {
  const write = io.progress;
  if (!io.stderrIsTTY || !write) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(message) {
      shown = true;
      write(`\r\u001b[2K${printable(message.slice(0, 120))}`);
    },
    done() {
      if (shown) write('\r\u001b[2K');
      shown = false;
    },
  };
}
