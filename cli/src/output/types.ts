// What the lint command hands to each output format. Positions are 1-based (line and column, UTF-16).

import type { Severity } from '../../../server/src/core';

export interface CliDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface LintedFile {
  /** The path as the user sees it (relative to the working directory when inside it). */
  file: string;
  diagnostics: CliDiagnostic[];
  /** How the profile was stored: plain XML, binary plist, or signed (CMS) around a plist. */
  container: 'xml' | 'binary' | 'signed';
  /** Subject of the signing certificate, for signed profiles. */
  signer?: string;
  /** Set when the file could not be read at all (then `diagnostics` is empty). */
  readError?: string;
}
