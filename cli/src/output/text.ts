// Output for people: `file:line:col severity code message`, grouped by file, then a summary line.

import type { Severity } from '../../../server/src/core';
import type { CliDiagnostic, LintedFile } from './types';

/** One problem as `lint` prints it; `profiles push` and `sync push` print their lint errors the same way. */
export function diagnosticLine(file: string, d: Pick<CliDiagnostic, 'line' | 'column' | 'severity' | 'code' | 'message'>): string {
  return `${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

export function formatText(files: LintedFile[]): string {
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of files) {
    if (f.readError) {
      lines.push(`${f.file}: cannot read: ${f.readError}`);
      continue;
    }
    const unreadable = f.diagnostics.some((d) => d.code.startsWith('container.'));
    if (f.container === 'signed') lines.push(`${f.file}: signed profile${f.signer ? ` (signer: ${f.signer})` : ''}${unreadable ? '' : '; linting its embedded plist'}`);
    if (f.container === 'binary' && !unreadable) lines.push(`${f.file}: binary plist; lines refer to its XML form`);
    for (const d of f.diagnostics) {
      totals[d.severity]++;
      lines.push(diagnosticLine(f.file, d));
    }
  }
  const unreadable = files.filter((f) => f.readError).length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = [
    count(totals.error, 'error'), count(totals.warning, 'warning'), count(totals.info, 'info note'), count(totals.hint, 'hint'),
  ].join(', ');
  lines.push(`${count(files.length - unreadable, 'file')} linted: ${summary}${unreadable > 0 ? `; ${unreadable} unreadable` : ''}`);
  return lines.join('\n') + '\n';
}
