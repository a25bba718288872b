// JSON output, exactly: [{"file", "diagnostics": [{"line","column","endLine","endColumn","severity","code","message"}]}].

import type { LintedFile } from './types';

export function formatJson(files: LintedFile[]): string {
  const out = files.map((f) => ({
    file: f.file,
    diagnostics: f.diagnostics.map((d) => ({
      line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message,
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
