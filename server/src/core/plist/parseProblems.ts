// Problem reports shared by several parser modules. Where one defect could be reported many times
// (text run split by entities, content after the root), it is reported once.

import type { ParsedEntry } from './nodes';
import type { Frame, ParseState } from './parseState';
import { SyntaxCodes as C, type SyntaxCode } from './syntaxCodes';

export function report(s: ParseState, code: SyntaxCode, message: string, offset: number, length: number): void {
  s.problems.push({ code, message, offset, length: Math.max(0, length) });
}

export function reportAfterRoot(s: ParseState, offset: number, length: number): void {
  if (s.afterRootReported) return;
  s.afterRootReported = true;
  report(s, C.contentAfterRoot, 'Content after the end of the plist; a profile has exactly one root value.', offset, length);
}

/** Text where only elements may be; adjacent runs (text, then an entity...) grow one problem. */
export function reportUnexpectedText(s: ParseState, offset: number, end: number): void {
  if (s.afterRoot && s.stack.length === 0) return reportAfterRoot(s, offset, end - offset);
  const problems = s.problems;
  const last = problems[problems.length - 1];
  if (last && last.code === C.unexpectedText && last.offset + last.length === offset) {
    last.length = end - last.offset;
    return;
  }
  const top = s.top();
  const where = top ? `inside <${top.owner?.name ?? top.name}>` : 'outside the plist';
  report(s, C.unexpectedText, `Text is not allowed ${where}; wrap it in an element such as <string>.`, offset, end - offset);
}

export function reportKeyWithoutValue(s: ParseState, entry: ParsedEntry): void {
  report(s, C.keyWithoutValue, `Key \`${entry.key}\` has no value after it.`, entry.keyStart, entry.keyEnd - entry.keyStart);
}

export function reportUnclosed(s: ParseState, frame: Frame): void {
  report(s, C.unclosedTag, `<${frame.name}> is not closed; expected </${frame.name}>.`, frame.start, frame.tagEnd - frame.start);
}
