// Wires the language features onto any Connection (stdio/IPC in production, an in-process stream pair
// in tests). Handlers are thin: find the document, reuse its parse, call the core, convert the result.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createProfileService, type ProfileService, type SchemaSource } from '../core';
import { detectBinaryText } from './binaryText';
import { fromDiagnostic, fromRange, messageText, toCompletionItem, toDocumentSymbol, toFoldingRange, toHover, toTextEdit } from './convert';
import { createDiagnostics } from './diagnostics';
import { createDocumentStore } from './documents';
import { asyncHandler, handler, listener } from './handle';
import { decodedContent } from './decoded';
import { decodedContentMethod, lintSummaryMethod, reloadManifestsMethod, type DecodedContentParams, type LintSummary, type LintSummaryParams } from './protocol';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { manifestPaths } from './manifests';

export interface ServerOptions {
  schemaSource: SchemaSource;
  /** Passed to the core: texts shorter than this are always parsed whole. */
  minIncrementalText?: number;
}

export function startServer(connection: Connection, options: ServerOptions): ProfileService {
  const service = createProfileService({ schemaSource: options.schemaSource, minIncrementalText: options.minIncrementalText });
  const store = createDocumentStore(service);
  const log = connection.console;
  let settings: ServerSettings = defaultSettings;
  let pullConfiguration = false;
  let diagnosticsMode = { pull: false, refresh: false };
  const diagnostics = createDiagnostics(connection, store, service, () => settings, () => diagnosticsMode);
  const revalidateAll = () => diagnostics.settingsChanged();
  const manifests = manifestPaths(service, (m) => log.info(m));

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions, defaultSettings);
    manifests.sync(settings.manifestPaths);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    // Clients that can ask for diagnostics (LSP 3.17 pull) get no pushes.
    diagnosticsMode = {
      pull: params.capabilities.textDocument?.diagnostic !== undefined,
      refresh: params.capabilities.workspace?.diagnostics?.refreshSupport === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['<', '>'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        foldingRangeProvider: true,
        ...(diagnosticsMode.pull ? { diagnosticProvider: { identifier: 'profile-studio', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'profile-studio' },
    };
  });

  const pullSettings = async (): Promise<void> => {
    if (!pullConfiguration) return;
    try {
      const section: unknown = await connection.workspace.getConfiguration('profileStudio');
      // A client without such a section answers null: keep what initializationOptions gave us.
      if (section && typeof section === 'object') settings = readSettings({ profileStudio: section }, settings);
      manifests.sync(settings.manifestPaths);
    } catch (e) {
      log.info(`workspace/configuration unavailable: ${String(e)}`);
    }
  };

  connection.onInitialized(() => void pullSettings().then(revalidateAll));

  connection.onDidChangeConfiguration(
    listener(log, 'didChangeConfiguration', (params) => {
      const pushed = params.settings as unknown;
      if (pushed && typeof pushed === 'object' && Object.keys(pushed).length > 0) {
        settings = readSettings(pushed, settings);
        manifests.sync(settings.manifestPaths);
        revalidateAll();
      } else void pullSettings().then(revalidateAll);
    }),
  );

  connection.onNotification(reloadManifestsMethod, listener(log, 'reloadManifests', () => {
    manifests.reload();
    revalidateAll();
  }));

  store.documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  // pull() never throws: a failing check answers with one note (see diagnostics.ts).
  connection.languages.diagnostics.on((params) => {
    const doc = store.get(params.textDocument.uri);
    return doc ? diagnostics.pull(doc, params.previousResultId) : { kind: 'full', items: [] };
  });
  store.documents.onDidClose((e) => {
    store.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  /** The open document, unless it is binary (features make no sense on it). */
  const textDoc = (uri: string) => {
    const doc = store.get(uri);
    return doc && !detectBinaryText(doc.getText()) ? doc : undefined;
  };

  connection.onCompletion(
    handler(log, 'completion', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      const items = service.complete(store.parsed(doc), doc.offsetAt(params.position));
      return { isIncomplete: false, items: items.map((c) => toCompletionItem(doc, c)) };
    }),
  );

  connection.onHover(
    handler(log, 'hover', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      const h = service.hover(store.parsed(doc), doc.offsetAt(params.position));
      return h ? toHover(doc, h) : null;
    }),
  );

  connection.onCodeAction(
    handler(log, 'codeAction', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      const parsed = store.parsed(doc);
      const actions: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        if (d.source !== 'profile-studio') continue;
        for (const fix of service.quickFixes(parsed, fromDiagnostic(doc, d))) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.preferred,
            edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(doc, e)) } },
          });
        }
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    handler(log, 'documentSymbol', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      return service.symbols(store.parsed(doc)).map((s) => toDocumentSymbol(doc, s));
    }),
  );

  connection.onDocumentFormatting(
    handler(log, 'formatting', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      const { tabSize, insertSpaces } = params.options;
      return service.format(store.parsed(doc), { tabSize, insertSpaces }).map((e) => toTextEdit(doc, e));
    }),
  );

  connection.onDocumentRangeFormatting(
    handler(log, 'rangeFormatting', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      const { tabSize, insertSpaces } = params.options;
      return service.format(store.parsed(doc), { tabSize, insertSpaces }, fromRange(doc, params.range)).map((e) => toTextEdit(doc, e));
    }),
  );

  connection.onFoldingRanges(
    handler(log, 'foldingRange', (params) => {
      const doc = textDoc(params.textDocument.uri);
      if (!doc) return null;
      return service.folding(store.parsed(doc)).flatMap((f) => toFoldingRange(doc, f) ?? []);
    }),
  );

  connection.onRequest(
    decodedContentMethod,
    asyncHandler(log, 'decodedContent', (params: DecodedContentParams) => decodedContent(params, service)),
  );

  connection.onRequest(
    lintSummaryMethod,
    handler<LintSummaryParams, LintSummary | null>(log, 'lintSummary', (params) => {
      const doc = store.get(params.uri);
      if (!doc) return null;
      const binary = detectBinaryText(doc.getText());
      const problems = binary ? [] : diagnostics.compute(doc);
      const counts = { error: 0, warning: 0, info: 0, hint: 0 };
      const names = ['error', 'error', 'warning', 'info', 'hint'] as const;
      const list = problems.map((d) => {
        const severity = names[d.severity ?? 1];
        counts[severity]++;
        return { code: String(d.code ?? ''), severity, message: messageText(d), line: d.range.start.line, character: d.range.start.character };
      });
      return { uri: doc.uri, version: doc.version, counts, problems: list, ...(binary ? { binary } : {}) };
    }),
  );

  connection.onShutdown(() => diagnostics.dispose());
  store.documents.listen(connection);
  connection.listen();
  return service;
}
