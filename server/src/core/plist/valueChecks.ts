// Syntax problems in scalar values (<integer>abc</integer>, <true>x</true>...), checked as each
// scalar closes. The text rules themselves live in valueSyntax.ts, shared with value conversion.

import type { ParsedScalar } from './nodes';
import type { ParseState } from './parseState';
import { report } from './parseProblems';
import { SyntaxCodes as C, type SyntaxCode } from './syntaxCodes';
import { checkBase64Text, parseDateText, parseIntegerText, parseRealText } from './valueSyntax';

export function checkValueSyntax(s: ParseState, node: ParsedScalar): void {
  switch (node.kind) {
    case 'integer': {
      const r = parseIntegerText(node.text);
      if (!r.ok) reportValue(s, node, C.badInteger, r.reason, 'expected a whole number such as 1 or -5');
      break;
    }
    case 'real': {
      const r = parseRealText(node.text);
      if (!r.ok) reportValue(s, node, C.badReal, r.reason, 'expected a number such as 1.5');
      break;
    }
    case 'date': {
      const r = parseDateText(node.text);
      if (!r.ok) reportValue(s, node, C.badDate, r.reason, 'expected a UTC date such as 2024-01-31T12:00:00Z');
      break;
    }
    case 'data': {
      const reason = checkBase64Text(node.text);
      if (reason) reportValue(s, node, C.badBase64, reason, 'expected base64 text');
      break;
    }
    case 'true':
    case 'false':
      if (node.contentEnd > node.contentStart && node.text.trim() !== '') {
        reportValue(s, node, C.nonEmptyBoolean, 'must be empty', `write <${node.kind}/>`);
      }
      break;
  }
}

/** Underlines the content, or the whole element when it is empty. */
function reportValue(s: ParseState, node: ParsedScalar, code: SyntaxCode, reason: string, advice: string): void {
  const hasContent = node.contentEnd > node.contentStart;
  const at = hasContent ? node.contentStart : node.spanStart;
  const length = hasContent ? node.contentEnd - node.contentStart : node.spanEnd - node.spanStart;
  report(s, code, `<${node.kind}> ${reason}; ${advice}.`, at, length);
}
