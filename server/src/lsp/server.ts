// Entry of the bundled language server (server/out/server.js): `--stdio` or `--node-ipc`, picked by the library.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { fileSchemaSource, locateSchemasDir, schemasDirEnv } from '../host/schemaSource';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
const dir = locateSchemasDir(__dirname);
if (!dir) {
  connection.console.error(`Profile Studio: no schemas folder found (set ${schemasDirEnv}); payload keys will not be checked.`);
}
startServer(connection, { schemaSource: dir ? fileSchemaSource(dir) : { index: () => [], load: () => undefined } });
