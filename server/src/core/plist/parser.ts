// Error-tolerant XML plist parser. One pass over the scanner's tokens with an explicit stack (no
// recursion, so deep nesting cannot overflow), linear in the input. It never throws: every defect
// becomes a SyntaxProblem and parsing goes on with the most likely reading of the text.
//
// Recovery rules:
// - A plist element start tag inside <string>/<key>/... closes that text element (unclosed-tag).
// - An end tag closes the nearest open element with its name; elements left open in between are
//   closed there with one mismatched-tag problem. An end tag that matches nothing closes the
//   innermost text element (a typo such as </strng>), or an element when the name is not a plist
//   name; otherwise it is reported and ignored.
// - Unknown elements are reported once and are transparent: plist values inside them attach to the
//   enclosing dict or array, so a half-typed tag does not hide the rest of the document.
// - A value in a dict without a <key>, a second root, or anything after the root is parsed
//   (problems inside are reported) but left out of the tree.
//
// This file is the main loop over content tokens. tags.ts reads start/end tags, elements.ts applies
// the recovery rules above, tree.ts attaches nodes and completes them, valueChecks.ts checks scalar
// text, and parseState.ts holds the state they share.

import type { PlistDocument } from './ast';
import { closeAll } from './elements';
import { ParseState } from './parseState';
import { report, reportUnexpectedText } from './parseProblems';
import { SyntaxCodes as C } from './syntaxCodes';
import { readEndTag, readStartTag } from './tags';
import { decodeEntity } from '../xml/entities';
import { forbiddenCharacterRuns, forbiddenRunMessage } from '../xml/forbiddenChars';

export function parsePlist(text: string): PlistDocument {
  const s = new ParseState(text);
  const scanner = s.scanner;
  for (;;) {
    const t = s.next();
    if (t === 'eos') break;
    const offset = scanner.tokenOffset;
    const end = scanner.tokenEnd;
    switch (t) {
      case 'startTagOpen':
        readStartTag(s, offset);
        break;
      case 'endTagOpen':
        readEndTag(s, offset);
        break;
      case 'text': {
        const collector = s.collectingFrame();
        if (collector) {
          if (collector.pieces) collector.pieces.push(text.substring(offset, end));
        } else if (s.top()?.kind !== 'unknown' && !s.textOwner() && !s.isBlank(offset, end)) {
          s.sawContent = true;
          reportUnexpectedText(s, offset, end);
        }
        break;
      }
      case 'entityRef': {
        const raw = text.substring(offset, end);
        const decoded = scanner.unterminated ? undefined : decodeEntity(raw);
        const collector = s.collectingFrame();
        if (collector) {
          if (decoded === undefined) {
            report(s, C.badEntity, `\`${raw}\` is not a valid entity reference; write \`&amp;\` for a literal \`&\`.`, offset, end - offset);
          }
          s.piecesOf(collector, offset).push(decoded ?? raw);
        } else if (s.top()?.kind !== 'unknown' && !s.textOwner()) {
          s.sawContent = true;
          reportUnexpectedText(s, offset, end);
        }
        break;
      }
      case 'cdata': {
        if (scanner.unterminated) report(s, C.unterminated, 'A CDATA section is not closed; expected `]]>`.', offset, Math.min(9, end - offset));
        const innerEnd = scanner.unterminated ? end : end - 3;
        const collector = s.collectingFrame();
        const owner = collector ? undefined : s.textOwner();
        if (collector) s.piecesOf(collector, offset).push(text.substring(offset + 9, innerEnd));
        else if (owner) s.piecesOf(owner, offset);
        else if (s.top()?.kind !== 'unknown' && !s.isBlank(offset + 9, innerEnd)) reportUnexpectedText(s, offset, end);
        break;
      }
      case 'comment':
      case 'processingInstruction':
      case 'doctype': {
        if (scanner.unterminated) {
          const what = t === 'comment' ? 'A comment is not closed; expected `-->`.' : t === 'doctype' ? 'A declaration is not closed; expected `>`.' : 'A processing instruction is not closed; expected `?>`.';
          report(s, C.unterminated, what, offset, Math.min(end - offset, t === 'comment' ? 4 : 2));
        }
        const isXmlDecl = t === 'processingInstruction' && /^<\?xml(\s|\?|$)/.test(text.substring(offset, offset + 6));
        if ((isXmlDecl || t === 'doctype') && s.sawContent) {
          report(s, C.misplacedDeclaration, `${isXmlDecl ? 'The XML declaration' : 'A DOCTYPE'} must come before any element.`, offset, Math.min(end - offset, 9));
        } else if (isXmlDecl && offset > 0 && !(offset === 1 && text.charCodeAt(0) === 0xfeff)) {
          report(s, C.whitespaceBeforeDeclaration, 'Whitespace before the XML declaration; strict XML parsers refuse it.', 0, offset);
        }
        const owner = s.textOwner();
        if (owner) s.piecesOf(owner, offset);
        break;
      }
      default:
        // Tag-internal tokens are consumed by readStartTag/readEndTag; nothing else reaches here.
        break;
    }
  }

  closeAll(s);
  for (const run of forbiddenCharacterRuns(text)) report(s, C.forbiddenCharacter, forbiddenRunMessage(run), run.offset, run.length);
  if (!s.plistSeen && s.root === undefined) {
    report(s, C.notAPlist, 'This is not an XML property list: no <plist> element and no plist value.', 0, Math.min(text.length, 1));
  }
  s.problems.sort((a, b) => a.offset - b.offset);
  return s.document();
}
