// An in-process client/server pair over real JSON-RPC: two PassThrough streams, the server's
// createConnection on one end and a plain message connection acting as the editor on the other.
import { PassThrough } from 'node:stream';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { SchemaSource } from '../../server/src/core';
import { startServer } from '../../server/src/lsp/startServer';
import { testSchemaSource } from './testSchemaSource';

export interface LspPair {
  client: MessageConnection;
  initialize(initializationOptions?: unknown, capabilities?: object): Promise<InitializeResult>;
  /** Resolves with the next diagnostics for `uri` matching `pred` (subscribe before acting). */
  nextDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<void>;
  /** Sends one didChange notification (one or more changes, applied in order). */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  /** textDocument/diagnostic (the client must have announced pull support). */
  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport>;
  close(): void;
}

/** A client that asks for diagnostics (LSP 3.17 pull) and can be told to ask again. */
export const pullCapabilities = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } };

export function lspPair(schemaSource: SchemaSource = testSchemaSource, minIncrementalText?: number): LspPair {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { schemaSource, minIncrementalText });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  client.listen();
  return {
    client,
    async initialize(initializationOptions = { diagnosticDelayMs: 0 }, capabilities = {}) {
      const result = await client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities, initializationOptions });
      await client.sendNotification('initialized', {});
      return result;
    },
    nextDiagnostics(uri, pred = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async open(uri, text, version = 1) {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mobileconfig', version, text } });
    },
    async change(uri, version, changes) {
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    },
    pull(uri, previousResultId) {
      return client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
    },
    close() {
      client.dispose();
      serverConnection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
