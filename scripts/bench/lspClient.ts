// Drives a spawned language server over stdio for the bench, as VS Code's language client does with
// default settings: it announces pull diagnostics and asks for them after each change.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type MessageConnection,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export interface BenchServer {
  child: ChildProcess;
  connection: MessageConnection;
  peakRssMb(): number | undefined;
  stop(): Promise<void>;
}

/** What VS Code's language client announces for diagnostics. */
const clientCapabilities = { textDocument: { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } }, workspace: { diagnostics: { refreshSupport: true } } };

export async function startBenchServer(script: string, env: NodeJS.ProcessEnv = process.env): Promise<BenchServer> {
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  // Default settings: no initialization options beyond what the extension sends by default.
  await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: clientCapabilities, initializationOptions: { diagnosticDelayMs: 200, targetPlatforms: [], severityOverrides: {} } });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
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

async function pullItems(server: BenchServer, uri: string): Promise<Diagnostic[]> {
  const report = await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
}

export async function open(server: BenchServer, uri: string, text: string): Promise<Diagnostic[]> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mobileconfig', version: 1, text } });
  return pullItems(server, uri);
}

export async function close(server: BenchServer, uri: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

/** Sends one didChange and then asks for diagnostics, as the client does on typing; ms until the answer. */
export async function editThenPull(server: BenchServer, uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<{ ms: number; items: Diagnostic[] }> {
  const start = performance.now();
  void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  const items = await pullItems(server, uri);
  return { ms: performance.now() - start, items };
}

/** Sends one didChange and a completion request right after it (typing); ms until the completion answer. */
export async function editThenComplete(server: BenchServer, uri: string, version: number, changes: TextDocumentContentChangeEvent[], at: Position): Promise<{ ms: number; items: number }> {
  const start = performance.now();
  void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  const list = await server.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: at });
  return { ms: performance.now() - start, items: list?.items?.length ?? 0 };
}

export async function complete(server: BenchServer, uri: string, at: Position): Promise<{ ms: number; items: number }> {
  const start = performance.now();
  const list = await server.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: at });
  return { ms: performance.now() - start, items: list?.items?.length ?? 0 };
}
