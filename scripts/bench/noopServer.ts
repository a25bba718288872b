// The baseline for `npm run bench`: a language server on the same library and transport as ours that
// keeps documents in sync (incremental), answers diagnostic pulls and completions with nothing, and
// publishes empty diagnostics to clients without pull support, without parsing anything.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let pull = false;
connection.onInitialize((params) => {
  pull = params.capabilities.textDocument?.diagnostic !== undefined;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['<', '>'] },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
  };
});
documents.onDidChangeContent((e) => {
  if (!pull) setTimeout(() => void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] }), 0);
});
connection.languages.diagnostics.on((params) => {
  // Read the text as a real server would have to before answering.
  documents.get(params.textDocument.uri)?.getText();
  return { kind: 'full', items: [] };
});
connection.onCompletion(() => ({ isIncomplete: false, items: [] }));
documents.listen(connection);
connection.listen();
