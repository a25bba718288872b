// Entry of the bundled language server (server/out/server.js): `--stdio` or `--node-ipc`, picked by the library.
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { fileSchemaSource, locateSchemasDir, schemasDirEnv } from '../host/schemaSource';
import { startServer } from './startServer';

// Every edit of a large profile leaves its previous text (10 MB for a 10 MB profile) as garbage. V8's
// default lets the heap grow to about three times what is live before a full collection, so a 10 MB
// profile took the server to about 500 MB; growing by half at most keeps it near 300 MB at no
// measurable cost per edit (npm run bench, docs/performance.md). The flag is read at each collection,
// so setting it here, before any document arrives, is enough.
setFlagsFromString('--heap-growing-percent=50');

const connection = createConnection(ProposedFeatures.all);
const dir = locateSchemasDir(__dirname);
if (!dir) {
  connection.console.error(`Profile Studio: no schemas folder found (set ${schemasDirEnv}); payload keys will not be checked.`);
}
startServer(connection, { schemaSource: dir ? fileSchemaSource(dir) : { index: () => [], load: () => undefined } });
