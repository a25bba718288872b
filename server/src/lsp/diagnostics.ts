// Diagnostics, two ways, chosen by the client's capabilities:
// - pull (LSP 3.17 textDocument/diagnostic): the editor asks when it needs them and the answer costs only
//   the engine; a result id per (document version, settings) lets an unchanged document answer "unchanged".
// - push: for clients without pull support, debounced per document (diagnosticDelayMs) and published with
//   the version they were computed for.
import type { Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProfileService } from '../core';
import { binaryMessage, detectBinaryText } from './binaryText';
import { SOURCE, toDiagnostic, toRange } from './convert';
import type { DocumentStore } from './documents';
import { validateOptions, type ServerSettings } from './settings';

export interface DiagnosticsScheduler {
  /** A document changed or opened: push mode schedules a publish; pull mode waits to be asked. */
  schedule(uri: string): void;
  /** Settings that change diagnostics changed: every open document is checked again. */
  settingsChanged(): void;
  /** Computes diagnostics for the current version now. */
  compute(doc: TextDocument): Diagnostic[];
  /** The answer to textDocument/diagnostic. */
  pull(doc: TextDocument, previousResultId: string | undefined): DocumentDiagnosticReport;
  clear(uri: string): void;
  dispose(): void;
}

export interface DiagnosticsMode {
  /** The client asks with textDocument/diagnostic (we never push then). */
  pull: boolean;
  /** The client supports workspace/diagnostic/refresh. */
  refresh: boolean;
}

export function createDiagnostics(
  connection: Connection,
  store: DocumentStore,
  service: ProfileService,
  settings: () => ServerSettings,
  mode: () => DiagnosticsMode,
): DiagnosticsScheduler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Pull mode: the last answer per document, so an unchanged one can say so. */
  const answered = new Map<string, { resultId: string; version: number; generation: number }>();
  let generation = 0;
  let nextResultId = 0;

  const computeRaw = (doc: TextDocument): Diagnostic[] => {
    const text = doc.getText();
    const binary = detectBinaryText(text);
    if (binary) {
      return [{ range: toRange(doc, 0, 0), severity: DiagnosticSeverity.Information, source: SOURCE, code: 'file.binary-profile', message: binaryMessage(binary) }];
    }
    const problems = service.validate(store.parsed(doc), validateOptions(settings()));
    return problems.map((p) => toDiagnostic(doc, p));
  };

  /** Never throws: a failure becomes one note instead of stale diagnostics. */
  const compute = (doc: TextDocument): Diagnostic[] => {
    try {
      return computeRaw(doc);
    } catch (e) {
      connection.console.error(`diagnostics failed for ${doc.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return [{ range: toRange(doc, 0, 0), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'server.internal-error', message: 'Profile Studio could not check this file (see the Profile Studio log).' }];
    }
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const doc = store.get(uri);
    if (!doc) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: compute(doc) });
  };

  const schedule = (uri: string): void => {
    if (mode().pull) return;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.set(uri, setTimeout(() => publish(uri), settings().diagnosticDelayMs));
  };

  return {
    schedule,
    settingsChanged() {
      generation++;
      if (!mode().pull) {
        store.documents.all().forEach((d) => schedule(d.uri));
        return;
      }
      if (mode().refresh) {
        connection.languages.diagnostics.refresh().catch((e: unknown) => connection.console.info(`diagnostic refresh failed: ${String(e)}`));
      }
    },
    compute,
    pull(doc, previousResultId) {
      const last = answered.get(doc.uri);
      if (last && previousResultId === last.resultId && last.version === doc.version && last.generation === generation) {
        return { kind: 'unchanged', resultId: last.resultId };
      }
      const items = compute(doc);
      const resultId = String(++nextResultId);
      answered.set(doc.uri, { resultId, version: doc.version, generation });
      return { kind: 'full', resultId, items };
    },
    clear(uri) {
      const pending = timers.get(uri);
      if (pending) clearTimeout(pending);
      timers.delete(uri);
      answered.delete(uri);
      if (!mode().pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
