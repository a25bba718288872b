// What a CLI command may touch of the process: output streams, environment, working folder. main.ts builds
// it from `process`; tests could build their own.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Progress lines are written only when stderr is a terminal. */
  stderrIsTTY: boolean;
}

export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

/** A file error in few words: the errno code (ENOENT, EACCES) when there is one, else the message. */
export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** A progress reporter: overwrites one stderr line on a terminal, silent otherwise. */
export function progressReporter(io: CliIo): { update(message: string): void; done(): void } {
  if (!io.stderrIsTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(message) {
      shown = true;
      io.stderr(`\r\u001b[2K${message.slice(0, 120)}`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}
