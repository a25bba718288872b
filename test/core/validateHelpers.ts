// Shared by the validation tests: the committed schemas, a one-call lint, golden rows and fixture listing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlist } from '../../server/src/core/plist/parser';
import { createSchemaRegistry } from '../../server/src/core/schema';
import { createLineIndex } from '../../server/src/core/text/lineIndex';
import { type ValidateOptions, validateProfile } from '../../server/src/core/validate';
import type { Problem } from '../../server/src/core/validate/problem';
import { fileSchemaSource } from '../../server/src/host/schemaSource';

export const registry = createSchemaRegistry(fileSchemaSource('schemas'));
export const fixturesDir = join('test', 'fixtures', 'profiles');

export function lint(text: string, options: ValidateOptions = {}): Problem[] {
  return validateProfile(parsePlist(text), registry, options);
}

export const codesOf = (problems: Problem[]): string[] => problems.map((p) => p.code);

export const errorsOf = (problems: Problem[]): Problem[] => problems.filter((p) => p.severity === 'error');

export interface GoldenRow {
  code: string;
  line: number;
  severity: string;
}

/** Golden rows: 1-based line of each problem's start, in source order. */
export function goldenRows(text: string, problems: Problem[]): GoldenRow[] {
  const index = createLineIndex(text);
  return problems.map((p) => ({ code: p.code, line: index.positionAt(p.offset).line + 1, severity: p.severity }));
}

export const mobileconfigsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.mobileconfig')).sort();

/** The text a problem underlines. */
export const spanText = (text: string, p: Problem): string => text.slice(p.offset, p.offset + p.length);

/** A minimal profile around payload XML, for unit tests. */
export function profileWith(payloads: string, topExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
${payloads}
  </array>
  <key>PayloadIdentifier</key><string>com.example.unit</string>
  <key>PayloadType</key><string>Configuration</string>
  <key>PayloadUUID</key><string>11111111-2222-4333-8444-555555555555</string>
  <key>PayloadVersion</key><integer>1</integer>
${topExtra}
</dict>
</plist>
`;
}

let uuidCounter = 0;
/** One payload dict with the four Payload* keys and a fresh, well-shaped UUID. */
export function payloadXml(type: string, body: string): string {
  uuidCounter++;
  const uuid = `AAAAAAAA-BBBB-4CCC-8DDD-${String(uuidCounter).padStart(12, '0')}`;
  return `    <dict>
      <key>PayloadType</key><string>${type}</string>
      <key>PayloadIdentifier</key><string>com.example.unit.p${uuidCounter}</string>
      <key>PayloadUUID</key><string>${uuid}</string>
      <key>PayloadVersion</key><integer>1</integer>
${body}
    </dict>`;
}
