// `npm run schemas`: regenerate schemas/ from Apple's device-management YAML in ../shared.
// Options: --data DIR (the apple-device-management folder), --out DIR (default schemas/).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSchemaFiles } from './schemaGen/generate';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && !value) throw new Error(`${name} needs a value`);
  return resolve(value ?? fallback);
}

const dataDir = option('--data', join('..', 'shared', 'apple-device-management'));
const outDir = option('--out', 'schemas');
const files = generateSchemaFiles(dataDir);
mkdirSync(outDir, { recursive: true });
// Remove files of payload types that no longer exist, so the folder equals the generator's output.
for (const old of readdirSync(outDir)) if (!files.has(old)) rmSync(join(outDir, old));
for (const [name, text] of files) writeFileSync(join(outDir, name), text);
process.stdout.write(`wrote ${files.size} files to ${outDir}\n`);
