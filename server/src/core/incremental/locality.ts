// Which problems of a standalone parse of one element (or of a run of a container's children) the full
// parse would report the same way. Inside an element that stays open around them, the parser's
// decisions depend only on the frames inside it, except where it looks further down its stack or at
// document-level state:
// - an end tag for dict/array/plist that matches nothing inside may close an ancestor in context;
// - an unterminated comment/CDATA/PI runs to the end of the text, which differs in context;
// - root-level problems (second root, content after the root, missing or empty plist) cannot occur
//   inside an open element, so seeing one means the slice did not parse as one element.
// Everything else (value syntax, keys and values out of place, malformed tags, unknown elements, bad
// entities, text in containers, duplicate keys within a dict, text elements closed by a plist tag) is
// decided inside the element.
import type { SyntaxProblem } from '../plist/ast';
import { SyntaxCodes as C } from '../plist/syntaxCodes';

const NOT_LOCAL = new Set<string>([C.unterminated, C.contentAfterRoot, C.multipleRoots, C.missingRoot, C.notAPlist, C.whitespaceBeforeDeclaration]);
const END_TAG_CODES = new Set<string>([C.mismatchedTag, C.unexpectedEndTag]);
// Any end tag starting with such a name (also `</dict` cut short): conservative.
const ANCESTOR_END_TAG = /^<\/(dict|array|plist)/;

/** Whether `p` (offsets in `text`, the standalone text) would read the same in context. */
export function isLocal(p: SyntaxProblem, text: string): boolean {
  if (NOT_LOCAL.has(p.code)) return false;
  if (END_TAG_CODES.has(p.code)) return !ANCESTOR_END_TAG.test(text.slice(p.offset, p.offset + 8));
  return true;
}
