// The lint that guards every push: the core validator over the same schemas the linter uses. Only errors
// block a push; warnings are the author's call.
import { createProfileService, createLineIndex, readProfileBytes, type ProfileService, type SchemaSource } from '../../server/src/core';
import { fileSchemaSource, locateSchemasDir } from '../../server/src/host/schemaSource';
import { diagnosticLine } from './output/text';

let service: ProfileService | undefined;

function profileService(): ProfileService {
  if (service) return service;
  const dir = locateSchemasDir(__dirname);
  // Without the schemas folder the structural checks still run (no payload-specific rules).
  const empty: SchemaSource = { index: () => [], load: () => undefined };
  service = createProfileService({ schemaSource: dir ? fileSchemaSource(dir) : empty });
  return service;
}

/** Each error as `lint` prints it (`path:line:col error code message`); empty when the profile may be pushed. */
export async function lintErrors(bytes: Uint8Array, path: string): Promise<string[]> {
  // Signed (CMS) and binary profiles are linted on the XML they carry, as `lint` does.
  const content = readProfileBytes(bytes);
  if (content.problem) return [diagnosticLine(path, { line: 1, column: 1, severity: 'error', ...content.problem })];
  const text = content.text;
  const lines = createLineIndex(text);
  return profileService().validate(text)
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const pos = lines.positionAt(p.offset);
      return diagnosticLine(path, { line: pos.line + 1, column: pos.character + 1, severity: p.severity, code: p.code, message: p.message });
    });
}
