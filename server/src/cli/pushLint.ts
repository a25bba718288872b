// The lint that guards every push: the core validator over the same schemas the linter uses. Only errors
// block a push; warnings are the author's call.
import { createProfileService, createLineIndex, type ProfileService } from '../core';
import type { SchemaSource } from '../core/schema';
import { fileSchemaSource, locateSchemasDir } from '../host/schemaSource';

let service: ProfileService | undefined;

function profileService(): ProfileService {
  if (service) return service;
  const dir = locateSchemasDir(__dirname);
  // Without the schemas folder the structural checks still run (no payload-specific rules).
  const empty: SchemaSource = { index: () => [], load: () => undefined };
  service = createProfileService({ schemaSource: dir ? fileSchemaSource(dir) : empty });
  return service;
}

/**
 * The XML plist inside the bytes: plain XML as is; a signed profile (CMS envelope) carries its content
 * verbatim, so the XML between `<?xml` and `</plist>` is what devices will read. Binary plists are not linted here.
 */
function plistXml(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head === 'bplist00') return undefined;
  const utf8 = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (utf8.trimStart().startsWith('<')) return utf8;
  const latin = new TextDecoder('latin1').decode(bytes);
  const start = latin.indexOf('<?xml');
  const end = latin.indexOf('</plist>');
  if (start < 0 || end < start) return undefined;
  return new TextDecoder().decode(bytes.subarray(start, end + '</plist>'.length));
}

/** `path:line:col: code message` for each error; empty when the profile may be pushed. */
export async function lintErrors(bytes: Uint8Array, path: string): Promise<string[]> {
  const text = plistXml(bytes);
  if (text === undefined) return [];
  const lines = createLineIndex(text);
  return profileService().validate(text)
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const pos = lines.positionAt(p.offset);
      return `${path}:${pos.line + 1}:${pos.character + 1}: ${p.code} ${p.message}`;
    });
}
