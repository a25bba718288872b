// Bundles the extension, the language server and the CLI into single CommonJS files.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning' };

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['test/e2e/suite/index.ts'], outfile: 'client/out/test/suite/index.js', external: ['vscode', 'mocha'] },
];

await Promise.all(
  entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => esbuild.build({ ...common, ...e })),
);
