// The baseline for `npm run bench`: a language server on the same library and transport as ours that
// keeps documents in sync (incremental) and publishes empty diagnostics, without parsing anything.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
documents.onDidChangeContent((e) => {
  setTimeout(() => void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] }), 0);
});
documents.listen(connection);
connection.listen();
