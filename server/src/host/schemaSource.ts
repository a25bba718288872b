// Node side of the schema registry: reads schemas/*.json on demand (small files, read once each, then cached).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PayloadSchema, SchemaIndexEntry, SchemaSource } from '../core';

export const schemasDirEnv = 'PROFILE_STUDIO_SCHEMAS';

export function fileSchemaSource(dir: string): SchemaSource {
  return {
    index(): SchemaIndexEntry[] {
      const text = readFileSync(join(dir, 'index.json'), 'utf8');
      return JSON.parse(text) as SchemaIndexEntry[];
    },
    load(file: string): PayloadSchema | undefined {
      // Index entries are plain file names; refuse anything that could step out of the folder.
      if (file.includes('/') || file.includes('\\') || file.startsWith('..')) return undefined;
      const path = join(dir, file);
      if (!existsSync(path)) return undefined; // listed but not shipped: treated as an unknown payload type
      // A damaged file is an installation fault: JSON.parse throws and names it.
      return JSON.parse(readFileSync(path, 'utf8')) as PayloadSchema;
    },
  };
}

/**
 * The schemas folder: $PROFILE_STUDIO_SCHEMAS, else beside the bundle (server/out/../../schemas in the repo and the
 * packaged extension), else the source layout (server/src/host/../../../schemas under tsx).
 */
export function locateSchemasDir(bundleDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env[schemasDirEnv];
  if (fromEnv) return existsSync(join(fromEnv, 'index.json')) ? resolve(fromEnv) : undefined;
  const candidates = [join(bundleDir, '..', '..', 'schemas'), join(bundleDir, '..', '..', '..', 'schemas')];
  return candidates.map((c) => resolve(c)).find((c) => existsSync(join(c, 'index.json')));
}
