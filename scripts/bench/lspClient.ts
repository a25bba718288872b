// Drives a spawned language server over stdio for the bench: open, edit, wait for diagnostics, complete.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

export interface BenchServer {
  child: ChildProcess;
  connection: MessageConnection;
  /** Sends `notify` and resolves when diagnostics for (uri, version) arrive; ms elapsed. */
  timed(uri: string, version: number, notify: () => Promise<void>): Promise<number>;
  peakRssMb(): number | undefined;
  stop(): Promise<void>;
}

export async function startBenchServer(script: string, env: NodeJS.ProcessEnv = process.env): Promise<BenchServer> {
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.();
    waiting.delete(key);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnosticDelayMs: 0 } });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    timed(uri, version, notify) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within 120 s`)), 120_000);
        const start = performance.now();
        waiting.set(`${uri}@${version}`, () => (clearTimeout(timer), resolve(performance.now() - start)));
        notify().catch(reject);
      });
    },
    peakRssMb() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : undefined;
      } catch {
        return undefined; // not Linux: no /proc
      }
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await exited;
      connection.dispose();
    },
  };
}

export async function open(server: BenchServer, uri: string, text: string): Promise<number> {
  return server.timed(uri, 1, () => server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mobileconfig', version: 1, text } }));
}

/** Replaces one character at `at` with `ch` (an incremental change, as an editor sends while typing). */
export function editAt(server: BenchServer, uri: string, version: number, at: Position, ch: string): Promise<number> {
  return server.timed(uri, version, () =>
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: ch }],
    }),
  );
}
