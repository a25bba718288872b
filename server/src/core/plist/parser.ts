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

import type { PlistDocument, PlistKind, Span, SyntaxProblem } from './ast';
import { createNode, ParsedEntry, type ParsedDict, type ParsedNode, type ParsedScalar } from './nodes';
import { createScanner, isWhitespaceCode, type TokenType } from '../xml/scanner';
import { decodeEntity } from '../xml/entities';
import { SyntaxCodes as C, type SyntaxCode } from './syntaxCodes';
import { checkBase64Text, parseDateText, parseIntegerText, parseRealText } from './valueSyntax';

const CONTAINER_TAGS = new Set(['dict', 'array']);
const PLIST_TAG_LIST = ['key', 'string', 'dict', 'array', 'integer', 'true', 'false', 'real', 'date', 'data', 'plist'];
const PLIST_TAGS = new Set(PLIST_TAG_LIST);

interface Frame {
  name: string;
  /** plist: the <plist> wrapper; container: dict/array; text: <key> or a scalar; unknown: anything else. */
  kind: 'plist' | 'container' | 'text' | 'unknown';
  /** Offset of `<` and just past the start tag's `>`. */
  start: number;
  tagEnd: number;
  /** The nearest enclosing frame that is not unknown (itself when not unknown). */
  owner: Frame | undefined;
  node: ParsedNode | undefined;
  /** A <key> frame collects its text into an entry instead of a node. */
  isKey: boolean;
  /** Parsed but not part of the tree (value without key, second root...). */
  detached: boolean;
  /** Text frames: once an entity, CDATA, comment or child appears, text is collected piecewise. */
  pieces: string[] | undefined;
  /** Dict frames: the last key still waiting for its value, and the keys seen so far. */
  pendingKey: ParsedEntry | undefined;
  /** Dict frames with many entries: their keys, for duplicate checks in constant time. */
  keys: Set<string> | undefined;
}

const IN_TAG: ReadonlySet<TokenType> = new Set(['whitespace', 'attributeName', 'attributeEquals', 'attributeValue', 'unknown']);

export function parsePlist(text: string): PlistDocument {
  const len = text.length;
  const scanner = createScanner(text);
  const problems: SyntaxProblem[] = [];
  const stack: Frame[] = [];
  const openByName = new Map<string, number>();
  const pool: Frame[] = [];

  let root: ParsedNode | undefined;
  let plistSpan: Span | undefined;
  let plistSeen = false;
  let afterRoot = false;
  let afterRootReported = false;
  let missingPlistReported = false;
  let sawContent = false; // an element or non-whitespace text (for misplaced declarations)
  let pushedBack = false;

  const next = (): TokenType => {
    if (pushedBack) {
      pushedBack = false;
      return scanner.tokenType;
    }
    return scanner.scan();
  };

  function report(code: SyntaxCode, message: string, offset: number, length: number): void {
    problems.push({ code, message, offset, length: Math.max(0, length) });
  }

  function reportUnexpectedText(offset: number, end: number): void {
    if (afterRoot && stack.length === 0) return reportAfterRoot(offset, end - offset);
    const last = problems[problems.length - 1];
    if (last && last.code === C.unexpectedText && last.offset + last.length === offset) {
      last.length = end - last.offset;
      return;
    }
    const where = stack.length ? `inside <${top()!.owner?.name ?? top()!.name}>` : 'outside the plist';
    report(C.unexpectedText, `Text is not allowed ${where}; wrap it in an element such as <string>.`, offset, end - offset);
  }

  function reportAfterRoot(offset: number, length: number): void {
    if (afterRootReported) return;
    afterRootReported = true;
    report(C.contentAfterRoot, 'Content after the end of the plist; a profile has exactly one root value.', offset, length);
  }

  const top = (): Frame | undefined => stack[stack.length - 1];

  function isBlank(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return false;
    return true;
  }

  function push(frame: Frame): void {
    stack.push(frame);
    openByName.set(frame.name, (openByName.get(frame.name) ?? 0) + 1);
  }

  function pop(): Frame {
    const frame = stack.pop()!;
    openByName.set(frame.name, openByName.get(frame.name)! - 1);
    return frame;
  }

  // A text frame switches to piecewise collection: everything raw so far becomes the first piece.
  function piecesOf(frame: Frame, upTo: number): string[] {
    if (!frame.pieces) frame.pieces = [text.substring(frame.tagEnd, upTo)];
    return frame.pieces;
  }

  /** The text frame collecting character data right now, if any (not through an unknown child). */
  const collectingFrame = (): Frame | undefined => {
    const t = top();
    return t && t.kind === 'text' ? t : undefined;
  };

  /** The innermost text frame, even through unknown children (those make collection piecewise). */
  const textOwner = (): Frame | undefined => {
    const owner = top()?.owner;
    return owner && owner.kind === 'text' ? owner : undefined;
  };

  // ---- opening elements -------------------------------------------------------------------------

  /** Puts a new value node in the tree; returns false when it stays out of the tree. */
  function attach(node: ParsedNode, owner: Frame | undefined, start: number, tagEnd: number): boolean {
    if (!owner) {
      if (afterRoot) {
        reportAfterRoot(start, tagEnd - start);
        return false;
      }
      if (root !== undefined) {
        report(C.multipleRoots, `A second top-level <${node.kind}>; a plist holds exactly one root value.`, start, tagEnd - start);
        return false;
      }
      if (!plistSeen && !missingPlistReported) {
        missingPlistReported = true;
        report(C.missingPlistElement, 'The root value is not wrapped in a <plist version="1.0"> element.', start, tagEnd - start);
      }
      root = node;
      return true;
    }
    if (owner.detached) return false;
    if (owner.kind === 'plist') {
      if (root !== undefined) {
        report(C.multipleRoots, `A second <${node.kind}> inside <plist>; a plist holds exactly one root value.`, start, tagEnd - start);
        return false;
      }
      root = node;
      return true;
    }
    const parent = owner.node!;
    if (parent.kind === 'array') {
      node.parent = parent;
      parent.items.push(node);
      return true;
    }
    if (parent.kind === 'dict') {
      const entry = owner.pendingKey;
      if (!entry) {
        report(C.valueWithoutKey, `This <${node.kind}> in a <dict> has no <key> before it.`, start, tagEnd - start);
        return false;
      }
      owner.pendingKey = undefined;
      entry.value = node;
      node.parent = parent;
      return true;
    }
    return false;
  }

  function openElement(name: string, start: number, tagEnd: number, selfClosing: boolean): void {
    sawContent = true;
    // A plist element ends any text element left open (typically a missing </string> or </key>).
    if (PLIST_TAGS.has(name)) {
      const owner = textOwner();
      if (owner) closeThrough(owner, start);
    }
    const t = top();
    const owner = t?.owner;

    if (!PLIST_TAGS.has(name) || (name === 'plist' && (stack.length > 0 || plistSeen || root !== undefined))) {
      if (!t || t.kind !== 'unknown') {
        const why = name === 'plist' ? '<plist> may only wrap the whole document' : `<${name}> is not a plist element`;
        report(C.unknownElement, `${why}; it is ignored.`, start, tagEnd - start);
      }
      const tOwner = textOwner();
      if (tOwner) piecesOf(tOwner, start);
      if (!selfClosing) push(newFrame(name, 'unknown', start, tagEnd, owner, undefined, owner?.detached ?? false));
      return;
    }

    if (name === 'plist') {
      plistSeen = true;
      if (selfClosing) {
        plistSpan = { offset: start, length: tagEnd - start };
        report(C.missingRoot, 'The <plist> element is empty; it needs one root value (a <dict> for a profile).', start, tagEnd - start);
        afterRoot = true;
        return;
      }
      push(newFrame(name, 'plist', start, tagEnd, undefined, undefined, false));
      return;
    }

    if (name === 'key') {
      let detached = true;
      if (owner && owner.kind === 'container' && owner.node!.kind === 'dict') {
        detached = owner.detached;
        if (owner.pendingKey) reportKeyWithoutValue(owner.pendingKey);
        owner.pendingKey = undefined;
      } else {
        const where = owner?.node ? `an <${owner.node.kind}>` : 'the top level';
        report(C.misplacedKey, `A <key> is only allowed inside a <dict>, not in ${where}.`, start, tagEnd - start);
      }
      const frame = newFrame(name, 'text', start, tagEnd, undefined, undefined, detached);
      frame.isKey = true;
      frame.owner = frame;
      if (selfClosing) finishText(frame, tagEnd, tagEnd, true);
      else push(frame);
      return;
    }

    const node = createNode(name as PlistKind, start, tagEnd, text);
    const detached = !attach(node, owner, start, tagEnd);
    const frame = newFrame(name, CONTAINER_TAGS.has(name) ? 'container' : 'text', start, tagEnd, undefined, node, detached);
    frame.owner = frame;
    if (selfClosing) finish(frame, tagEnd, tagEnd, true);
    else push(frame);
  }

  /**
   * Frames are reused by depth: a popped frame is never referenced again (owners always sit lower
   * on the stack), and recycling them saves an allocation per element on large documents.
   */
  function newFrame(
    name: string,
    kind: Frame['kind'],
    start: number,
    tagEnd: number,
    owner: Frame | undefined,
    node: ParsedNode | undefined,
    detached: boolean,
  ): Frame {
    let frame = pool[stack.length];
    if (frame) {
      frame.name = name;
      frame.kind = kind;
      frame.start = start;
      frame.tagEnd = tagEnd;
      frame.owner = owner;
      frame.node = node;
      frame.isKey = false;
      frame.detached = detached;
      frame.pieces = undefined;
      frame.pendingKey = undefined;
      frame.keys = undefined;
    } else {
      frame = { name, kind, start, tagEnd, owner, node, isKey: false, detached, pieces: undefined, pendingKey: undefined, keys: undefined };
      pool[stack.length] = frame;
    }
    if (kind === 'plist') frame.owner = frame;
    return frame;
  }

  /**
   * Duplicate check. Small dicts compare key ranges in the text (no strings made); a set of keys is
   * built once a dict grows past a few dozen entries.
   */
  function hasKey(frame: Frame, dict: ParsedDict, entry: ParsedEntry): boolean {
    if (frame.keys) return frame.keys.has(entry.key);
    const entries = dict.entries;
    if (entries.length < 32) {
      for (let i = 0; i < entries.length; i++) if (sameKey(entries[i], entry)) return true;
      return false;
    }
    frame.keys = new Set(entries.map((e) => e.key));
    return frame.keys.has(entry.key);
  }

  function sameKey(a: ParsedEntry, b: ParsedEntry): boolean {
    if (!a.isRaw || !b.isRaw) return a.key === b.key;
    const length = a.keyContentEnd - a.keyContentStart;
    if (length !== b.keyContentEnd - b.keyContentStart) return false;
    for (let i = 0; i < length; i++) {
      if (text.charCodeAt(a.keyContentStart + i) !== text.charCodeAt(b.keyContentStart + i)) return false;
    }
    return true;
  }

  /** Tag names as shared constant strings for the plist vocabulary (fast Set/Map lookups). */
  function tagName(start: number, end: number): string {
    const n = end - start;
    for (const known of PLIST_TAG_LIST) {
      if (known.length === n && text.startsWith(known, start)) return known;
    }
    return text.substring(start, end);
  }

  // ---- closing elements -------------------------------------------------------------------------

  function reportKeyWithoutValue(entry: ParsedEntry): void {
    report(C.keyWithoutValue, `Key \`${entry.key}\` has no value after it.`, entry.keyStart, entry.keyEnd - entry.keyStart);
  }

  /** Closes `frame` (already popped): its content ends at contentEnd and the element at spanEnd. */
  function finish(frame: Frame, contentEnd: number, spanEnd: number, closed: boolean): void {
    if (frame.kind === 'unknown') return;
    if (frame.kind === 'text') return finishText(frame, contentEnd, spanEnd, closed);
    if (frame.kind === 'plist') {
      plistSpan = { offset: frame.start, length: spanEnd - frame.start };
      if (root === undefined) {
        report(C.missingRoot, 'The <plist> element has no value; it needs one root value (a <dict> for a profile).', frame.start, frame.tagEnd - frame.start);
      }
      afterRoot = true;
      return;
    }
    const node = frame.node!;
    setSpans(node, contentEnd, spanEnd, closed);
    if (frame.pendingKey) reportKeyWithoutValue(frame.pendingKey);
    if (node === root && !plistSeen) afterRoot = true;
  }

  function setSpans(node: ParsedNode, contentEnd: number, spanEnd: number, closed: boolean): void {
    node.spanEnd = spanEnd;
    node.contentEnd = contentEnd;
    node.closed = closed;
  }

  function finishText(frame: Frame, contentEnd: number, spanEnd: number, closed: boolean): void {
    // Text is kept only when decoding changed it; otherwise nodes read it from the source on access.
    let decoded = frame.pieces ? frame.pieces.join('') : undefined;
    if (frame.isKey) {
      // An unclosed key ends where the next tag starts: the line break before that tag is layout, not
      // key text (so `<key>Name⏎<true/>` reads as `Name`, and a rename leaves the line break alone).
      if (!closed) {
        while (contentEnd > frame.tagEnd && isWhitespaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
        if (decoded !== undefined) decoded = decoded.trimEnd();
      }
      const entry = new ParsedEntry(text, decoded, frame.start, frame.tagEnd, contentEnd, spanEnd);
      const owner = top()?.owner;
      if (frame.detached || !owner || owner.kind !== 'container' || owner.node!.kind !== 'dict') return;
      const dict = owner.node as ParsedDict;
      if (hasKey(owner, dict, entry)) {
        report(C.duplicateKey, `Key \`${entry.key}\` appears more than once in this <dict>.`, entry.keyStart, entry.keyEnd - entry.keyStart);
      }
      dict.entries.push(entry);
      if (owner.keys) owner.keys.add(entry.key);
      owner.pendingKey = entry;
      return;
    }
    const node = frame.node as ParsedScalar;
    node.decoded = decoded;
    setSpans(node, contentEnd, spanEnd, closed);
    checkValueSyntax(node);
    if (node === root && !plistSeen) afterRoot = true;
  }

  function checkValueSyntax(node: ParsedScalar): void {
    switch (node.kind) {
      case 'integer': {
        const r = parseIntegerText(node.text);
        if (!r.ok) reportValue(node, C.badInteger, r.reason, 'expected a whole number such as 1 or -5');
        break;
      }
      case 'real': {
        const r = parseRealText(node.text);
        if (!r.ok) reportValue(node, C.badReal, r.reason, 'expected a number such as 1.5');
        break;
      }
      case 'date': {
        const r = parseDateText(node.text);
        if (!r.ok) reportValue(node, C.badDate, r.reason, 'expected a UTC date such as 2024-01-31T12:00:00Z');
        break;
      }
      case 'data': {
        const reason = checkBase64Text(node.text);
        if (reason) reportValue(node, C.badBase64, reason, 'expected base64 text');
        break;
      }
      case 'true':
      case 'false':
        if (node.contentEnd > node.contentStart && node.text.trim() !== '') {
          reportValue(node, C.nonEmptyBoolean, 'must be empty', `write <${node.kind}/>`);
        }
        break;
    }
  }

  /** Underlines the content, or the whole element when it is empty. */
  function reportValue(node: ParsedScalar, code: SyntaxCode, reason: string, advice: string): void {
    const hasContent = node.contentEnd > node.contentStart;
    const at = hasContent ? node.contentStart : node.spanStart;
    const length = hasContent ? node.contentEnd - node.contentStart : node.spanEnd - node.spanStart;
    report(code, `<${node.kind}> ${reason}; ${advice}.`, at, length);
  }


  /** Pops frames down to and including `target` (reported unclosed), closing them all at `at`. */
  function closeThrough(target: Frame, at: number): void {
    while (stack.length > 0) {
      const frame = pop();
      if (frame === target) {
        report(C.unclosedTag, `<${frame.name}> is not closed; expected </${frame.name}>.`, frame.start, frame.tagEnd - frame.start);
        finish(frame, at, at, false);
        return;
      }
      finish(frame, at, at, false);
    }
  }

  function closeElement(name: string, start: number, end: number): void {
    const t = top();
    if (t && t.name === name) {
      pop();
      finish(t, start, end, true);
      return;
    }
    if ((openByName.get(name) ?? 0) > 0) {
      // Close everything above the nearest matching element with one problem.
      const open: string[] = [];
      let frame = pop();
      while (frame.name !== name) {
        if (frame.kind !== 'unknown') open.push(`<${frame.name}>`);
        finish(frame, start, start, false);
        frame = pop();
      }
      finish(frame, start, end, true);
      if (open.length > 0) {
        report(C.mismatchedTag, `</${name}> closes ${open.join(', ')} too, which ${open.length === 1 ? 'is' : 'are'} not closed.`, start, end - start);
      }
      return;
    }
    if (t && (t.kind === 'text' || !PLIST_TAGS.has(name))) {
      pop();
      report(C.mismatchedTag, `</${name}> does not match <${t.name}>.`, start, end - start);
      finish(t, start, end, true);
      return;
    }
    report(C.unexpectedEndTag, `</${name}> has no matching start tag; it is ignored.`, start, end - start);
  }

  // ---- tags -------------------------------------------------------------------------------------

  function readStartTag(start: number): void {
    if (next() !== 'startTagName') {
      pushedBack = true;
      report(C.malformedTag, 'A `<` that does not start a tag; write `&lt;` for a literal `<`.', start, 1);
      if (collectingFrame()) piecesOf(collectingFrame()!, start).push('<');
      return;
    }
    const name = tagName(scanner.tokenOffset, scanner.tokenEnd);
    let end = scanner.tokenEnd;
    let malformed = false;
    for (;;) {
      const t = next();
      if (t === 'startTagClose' || t === 'startTagSelfClose') {
        openElement(name, start, scanner.tokenEnd, t === 'startTagSelfClose');
        return;
      }
      if (IN_TAG.has(t)) {
        if ((t === 'unknown' || scanner.unterminated) && !malformed) {
          malformed = true;
          report(C.malformedTag, `The <${name}> tag has invalid content.`, scanner.tokenOffset, scanner.tokenLength);
        }
        end = scanner.tokenEnd;
        continue;
      }
      // Another tag or the end of the text before `>`.
      // Another tag or the end of the text before `>`: a plist element still opens (most likely
      // reading); an unknown name is most likely a tag being typed and is left out.
      pushedBack = t !== 'eos';
      report(C.malformedTag, `The <${name}> tag is missing its closing \`>\`.`, start, end - start);
      if (PLIST_TAGS.has(name)) openElement(name, start, end, false);
      return;
    }
  }

  function readEndTag(start: number): void {
    if (next() !== 'endTagName') {
      pushedBack = true;
      report(C.malformedTag, 'A `</` without a tag name.', start, 2);
      return;
    }
    const name = tagName(scanner.tokenOffset, scanner.tokenEnd);
    let end = scanner.tokenEnd;
    let malformed = false;
    for (;;) {
      const t = next();
      if (t === 'endTagClose') {
        closeElement(name, start, scanner.tokenEnd);
        return;
      }
      if (IN_TAG.has(t)) {
        if (t !== 'whitespace' && !malformed) {
          malformed = true;
          report(C.malformedTag, `The </${name}> tag has extra content.`, scanner.tokenOffset, scanner.tokenLength);
        }
        end = scanner.tokenEnd;
        continue;
      }
      pushedBack = t !== 'eos';
      report(C.malformedTag, `The </${name}> tag is missing its closing \`>\`.`, start, end - start);
      closeElement(name, start, end);
      return;
    }
  }

  // ---- main loop --------------------------------------------------------------------------------

  for (;;) {
    const t = next();
    if (t === 'eos') break;
    const offset = scanner.tokenOffset;
    const end = scanner.tokenEnd;
    switch (t) {
      case 'startTagOpen':
        readStartTag(offset);
        break;
      case 'endTagOpen':
        readEndTag(offset);
        break;
      case 'text': {
        const collector = collectingFrame();
        if (collector) {
          if (collector.pieces) collector.pieces.push(text.substring(offset, end));
        } else if (top()?.kind !== 'unknown' && !textOwner() && !isBlank(offset, end)) {
          sawContent = true;
          reportUnexpectedText(offset, end);
        }
        break;
      }
      case 'entityRef': {
        const raw = text.substring(offset, end);
        const decoded = scanner.unterminated ? undefined : decodeEntity(raw);
        const collector = collectingFrame();
        if (collector) {
          if (decoded === undefined) {
            report(C.badEntity, `\`${raw}\` is not a valid entity reference; write \`&amp;\` for a literal \`&\`.`, offset, end - offset);
          }
          piecesOf(collector, offset).push(decoded ?? raw);
        } else if (top()?.kind !== 'unknown' && !textOwner()) {
          sawContent = true;
          reportUnexpectedText(offset, end);
        }
        break;
      }
      case 'cdata': {
        if (scanner.unterminated) report(C.unterminated, 'A CDATA section is not closed; expected `]]>`.', offset, Math.min(9, end - offset));
        const innerEnd = scanner.unterminated ? end : end - 3;
        const collector = collectingFrame();
        if (collector) piecesOf(collector, offset).push(text.substring(offset + 9, innerEnd));
        else if (textOwner()) piecesOf(textOwner()!, offset);
        else if (top()?.kind !== 'unknown' && !isBlank(offset + 9, innerEnd)) reportUnexpectedText(offset, end);
        break;
      }
      case 'comment':
      case 'processingInstruction':
      case 'doctype': {
        if (scanner.unterminated) {
          const what = t === 'comment' ? 'A comment is not closed; expected `-->`.' : t === 'doctype' ? 'A declaration is not closed; expected `>`.' : 'A processing instruction is not closed; expected `?>`.';
          report(C.unterminated, what, offset, Math.min(end - offset, t === 'comment' ? 4 : 2));
        }
        const isXmlDecl = t === 'processingInstruction' && /^<\?xml(\s|\?|$)/.test(text.substring(offset, offset + 6));
        if ((isXmlDecl || t === 'doctype') && sawContent) {
          report(C.misplacedDeclaration, `${isXmlDecl ? 'The XML declaration' : 'A DOCTYPE'} must come before any element.`, offset, Math.min(end - offset, 9));
        } else if (isXmlDecl && offset > 0 && !(offset === 1 && text.charCodeAt(0) === 0xfeff)) {
          report(C.whitespaceBeforeDeclaration, 'Whitespace before the XML declaration; strict XML parsers refuse it.', 0, offset);
        }
        const owner = textOwner();
        if (owner) piecesOf(owner, offset);
        break;
      }
      default:
        // Tag-internal tokens are consumed by readStartTag/readEndTag; nothing else reaches here.
        break;
    }
  }

  // End of text: whatever is still open is unclosed.
  while (stack.length > 0) {
    const frame = pop();
    if (frame.kind !== 'unknown') {
      report(C.unclosedTag, `<${frame.name}> is not closed; expected </${frame.name}>.`, frame.start, frame.tagEnd - frame.start);
    }
    finish(frame, len, len, false);
  }
  if (!plistSeen && root === undefined) {
    report(C.notAPlist, 'This is not an XML property list: no <plist> element and no plist value.', 0, Math.min(len, 1));
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { text, root, plistSpan, problems };
}
