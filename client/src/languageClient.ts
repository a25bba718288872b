// Starts the Profile Studio language server (server/out/server.js) over IPC and keeps its settings in step.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { type Config, SECTION } from './config';

export const LANGUAGE_ID = 'mobileconfig';
/** Read-only decoded views of signed/binary profiles; linted like files. */
export const DECODED_SCHEME = 'profilestudio-decoded';
/** Remote profile content (Compare with Remote). */
export const REMOTE_SCHEME = 'profilestudio-remote';

export function createLanguageClient(extensionUri: vscode.Uri, config: Config): LanguageClient {
  const module = vscode.Uri.joinPath(extensionUri, 'server', 'out', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: DECODED_SCHEME },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
    ],
    initializationOptions: config.serverOptions(),
    // Every profileStudio.* change reaches the server as it happens (didChangeConfiguration); none needs a restart.
    synchronize: { configurationSection: SECTION },
    // Pull diagnostics (the server announces them): asked for on open, on each change and on save, so they
    // cost only the engine; the server's push debounce (diagnostics.delayMs) is for clients without pull.
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      provideDocumentFormattingEdits: (doc, options, token, next) => (config.formatEnabled ? next(doc, options, token) : []),
      provideDocumentRangeFormattingEdits: (doc, range, options, token, next) =>
        config.formatEnabled ? next(doc, range, options, token) : [],
    },
  };
  return new LanguageClient('profileStudio', 'Profile Studio Language Server', serverOptions, clientOptions);
}
