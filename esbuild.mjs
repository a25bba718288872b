// Bundles the extension, the language server and the CLI into single CommonJS files, and writes the licence
// notices of every npm package that ends up inside the shipped bundles.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', metafile: true };

const shipped = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['cli/src/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
const testOnly = [
  { entryPoints: ['test/e2e/suite/index.ts'], outfile: 'client/out/test/suite/index.js', external: ['vscode', 'mocha'] },
];

const build = (entries) => Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => esbuild.build({ ...common, ...e })));
const [results] = await Promise.all([build(shipped), build(testOnly)]);
writeFileSync('THIRD_PARTY_NOTICES.txt', notices(results.flatMap((r) => Object.keys(r.metafile.inputs))));

/** Package folders (node_modules/<name> or node_modules/@scope/<name>) that the bundles took code from. */
function notices(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(match[1]);
  }
  const sections = [...packages].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\..*)?$/i.test(f));
    const text = licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : `Licence: ${manifest.license ?? 'see the package'}`;
    return `${manifest.name} ${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`;
  });
  return `Profile Studio bundles code from these npm packages; their licence notices follow.\n\n${sections.join('\n' + '-'.repeat(78) + '\n\n')}`;
}
