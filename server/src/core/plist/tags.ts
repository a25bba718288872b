// Reading a start or end tag from the scanner's tokens, tolerating bad attributes, extra content and
// a missing `>`, then handing the element to openElement/closeElement.

import { closeElement, openElement, PLIST_TAG_LIST, PLIST_TAGS } from './elements';
import type { ParseState } from './parseState';
import { report } from './parseProblems';
import { SyntaxCodes as C } from './syntaxCodes';
import type { TokenType } from '../xml/scanner';

/** Tokens that may appear between a tag's name and its `>`. */
const IN_TAG: ReadonlySet<TokenType> = new Set(['whitespace', 'attributeName', 'attributeEquals', 'attributeValue', 'unknown']);

/** Tag names as shared constant strings for the plist vocabulary (fast Set/Map lookups). */
function tagName(text: string, start: number, end: number): string {
  const n = end - start;
  for (const known of PLIST_TAG_LIST) {
    if (known.length === n && text.startsWith(known, start)) return known;
  }
  return text.substring(start, end);
}

/** Reads the rest of a start tag whose `<` is at `start`. */
export function readStartTag(s: ParseState, start: number): void {
  const scanner = s.scanner;
  if (s.next() !== 'startTagName') {
    s.pushedBack = true;
    report(s, C.malformedTag, 'A `<` that does not start a tag; write `&lt;` for a literal `<`.', start, 1);
    const collector = s.collectingFrame();
    if (collector) s.piecesOf(collector, start).push('<');
    return;
  }
  const name = tagName(s.text, scanner.tokenOffset, scanner.tokenEnd);
  let end = scanner.tokenEnd;
  let malformed = false;
  for (;;) {
    const t = s.next();
    if (t === 'startTagClose' || t === 'startTagSelfClose') {
      openElement(s, name, start, scanner.tokenEnd, t === 'startTagSelfClose');
      return;
    }
    if (IN_TAG.has(t)) {
      if ((t === 'unknown' || scanner.unterminated) && !malformed) {
        malformed = true;
        report(s, C.malformedTag, `The <${name}> tag has invalid content.`, scanner.tokenOffset, scanner.tokenLength);
      }
      end = scanner.tokenEnd;
      continue;
    }
    // Another tag or the end of the text before `>`: a plist element still opens (most likely
    // reading); an unknown name is most likely a tag being typed and is left out.
    s.pushedBack = t !== 'eos';
    report(s, C.malformedTag, `The <${name}> tag is missing its closing \`>\`.`, start, end - start);
    if (PLIST_TAGS.has(name)) openElement(s, name, start, end, false);
    return;
  }
}

/** Reads the rest of an end tag whose `</` is at `start`. */
export function readEndTag(s: ParseState, start: number): void {
  const scanner = s.scanner;
  if (s.next() !== 'endTagName') {
    s.pushedBack = true;
    report(s, C.malformedTag, 'A `</` without a tag name.', start, 2);
    return;
  }
  const name = tagName(s.text, scanner.tokenOffset, scanner.tokenEnd);
  let end = scanner.tokenEnd;
  let malformed = false;
  for (;;) {
    const t = s.next();
    if (t === 'endTagClose') {
      closeElement(s, name, start, scanner.tokenEnd);
      return;
    }
    if (IN_TAG.has(t)) {
      if (t !== 'whitespace' && !malformed) {
        malformed = true;
        report(s, C.malformedTag, `The </${name}> tag has extra content.`, scanner.tokenOffset, scanner.tokenLength);
      }
      end = scanner.tokenEnd;
      continue;
    }
    s.pushedBack = t !== 'eos';
    report(s, C.malformedTag, `The </${name}> tag is missing its closing \`>\`.`, start, end - start);
    closeElement(s, name, start, end);
    return;
  }
}
