// Debounced diagnostics per document, published with the version they were computed for.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProfileService } from '../core';
import { binaryMessage, detectBinaryText } from './binaryText';
import { SOURCE, toDiagnostic, toRange } from './convert';
import type { DocumentStore } from './documents';
import { validateOptions, type ServerSettings } from './settings';

export interface DiagnosticsScheduler {
  schedule(uri: string): void;
  /** Computes diagnostics for the current version now. */
  compute(doc: TextDocument): Diagnostic[];
  clear(uri: string): void;
  dispose(): void;
}

export function createDiagnostics(
  connection: Connection,
  store: DocumentStore,
  service: ProfileService,
  settings: () => ServerSettings,
): DiagnosticsScheduler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const compute = (doc: TextDocument): Diagnostic[] => {
    const text = doc.getText();
    const binary = detectBinaryText(text);
    if (binary) {
      return [{ range: toRange(doc, 0, 0), severity: DiagnosticSeverity.Information, source: SOURCE, code: 'file.binary-profile', message: binaryMessage(binary) }];
    }
    const problems = service.validate(store.parsed(doc), validateOptions(settings()));
    return problems.map((p) => toDiagnostic(doc, p));
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const doc = store.get(uri);
    if (!doc) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = compute(doc);
    } catch (e) {
      // Keep the editor honest: stale diagnostics would mislead, so replace them with one note.
      connection.console.error(`diagnostics failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      diagnostics = [{ range: toRange(doc, 0, 0), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'server.internal-error', message: 'Profile Studio could not check this file (see the Profile Studio log).' }];
    }
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };

  return {
    schedule(uri) {
      const pending = timers.get(uri);
      if (pending) clearTimeout(pending);
      timers.set(uri, setTimeout(() => publish(uri), settings().diagnosticDelayMs));
    },
    compute,
    clear(uri) {
      const pending = timers.get(uri);
      if (pending) clearTimeout(pending);
      timers.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
