// Building the tree: a new value node is attached to its parent when its start tag is read, and a
// frame is completed (spans, key entry, value checks) when its element closes.

import { ParsedEntry, type ParsedDict, type ParsedNode, type ParsedScalar } from './nodes';
import type { Frame, ParseState } from './parseState';
import { report, reportAfterRoot, reportKeyWithoutValue } from './parseProblems';
import { SyntaxCodes as C } from './syntaxCodes';
import { checkValueSyntax } from './valueChecks';
import { isWhitespaceCode } from '../xml/scanner';

/** Puts a new value node in the tree; returns false when it stays out of the tree. */
export function attach(s: ParseState, node: ParsedNode, owner: Frame | undefined, start: number, tagEnd: number): boolean {
  if (!owner) {
    if (s.afterRoot) {
      reportAfterRoot(s, start, tagEnd - start);
      return false;
    }
    if (s.root !== undefined) {
      report(s, C.multipleRoots, `A second top-level <${node.kind}>; a plist holds exactly one root value.`, start, tagEnd - start);
      return false;
    }
    if (!s.plistSeen && !s.missingPlistReported) {
      s.missingPlistReported = true;
      report(s, C.missingPlistElement, 'The root value is not wrapped in a <plist version="1.0"> element.', start, tagEnd - start);
    }
    s.root = node;
    return true;
  }
  if (owner.detached) return false;
  if (owner.kind === 'plist') {
    if (s.root !== undefined) {
      report(s, C.multipleRoots, `A second <${node.kind}> inside <plist>; a plist holds exactly one root value.`, start, tagEnd - start);
      return false;
    }
    s.root = node;
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
      report(s, C.valueWithoutKey, `This <${node.kind}> in a <dict> has no <key> before it.`, start, tagEnd - start);
      return false;
    }
    owner.pendingKey = undefined;
    entry.value = node;
    node.parent = parent;
    return true;
  }
  return false;
}

/** Closes `frame` (already popped): its content ends at contentEnd and the element at spanEnd. */
export function finish(s: ParseState, frame: Frame, contentEnd: number, spanEnd: number, closed: boolean): void {
  if (frame.kind === 'unknown') return;
  if (frame.kind === 'text') return finishText(s, frame, contentEnd, spanEnd, closed);
  if (frame.kind === 'plist') {
    s.plistSpan = { offset: frame.start, length: spanEnd - frame.start };
    if (s.root === undefined) {
      report(s, C.missingRoot, 'The <plist> element has no value; it needs one root value (a <dict> for a profile).', frame.start, frame.tagEnd - frame.start);
    }
    s.afterRoot = true;
    return;
  }
  const node = frame.node!;
  setSpans(node, contentEnd, spanEnd, closed);
  if (frame.pendingKey) reportKeyWithoutValue(s, frame.pendingKey);
  if (node === s.root && !s.plistSeen) s.afterRoot = true;
}

function setSpans(node: ParsedNode, contentEnd: number, spanEnd: number, closed: boolean): void {
  node.spanEnd = spanEnd;
  node.contentEnd = contentEnd;
  node.closed = closed;
}

export function finishText(s: ParseState, frame: Frame, contentEnd: number, spanEnd: number, closed: boolean): void {
  const text = s.text;
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
    const owner = s.top()?.owner;
    if (frame.detached || !owner || owner.kind !== 'container' || owner.node!.kind !== 'dict') return;
    const dict = owner.node as ParsedDict;
    if (hasKey(text, owner, dict, entry)) {
      report(s, C.duplicateKey, `Key \`${entry.key}\` appears more than once in this <dict>.`, entry.keyStart, entry.keyEnd - entry.keyStart);
    }
    dict.entries.push(entry);
    if (owner.keys) owner.keys.add(entry.key);
    owner.pendingKey = entry;
    return;
  }
  const node = frame.node as ParsedScalar;
  node.decoded = decoded;
  setSpans(node, contentEnd, spanEnd, closed);
  checkValueSyntax(s, node);
  if (node === s.root && !s.plistSeen) s.afterRoot = true;
}

/**
 * Duplicate check. Small dicts compare key ranges in the text (no strings made); a set of keys is
 * built once a dict grows past a few dozen entries.
 */
function hasKey(text: string, frame: Frame, dict: ParsedDict, entry: ParsedEntry): boolean {
  if (frame.keys) return frame.keys.has(entry.key);
  const entries = dict.entries;
  if (entries.length < 32) {
    for (let i = 0; i < entries.length; i++) if (sameKey(text, entries[i], entry)) return true;
    return false;
  }
  frame.keys = new Set(entries.map((e) => e.key));
  return frame.keys.has(entry.key);
}

function sameKey(text: string, a: ParsedEntry, b: ParsedEntry): boolean {
  if (!a.isRaw || !b.isRaw) return a.key === b.key;
  const length = a.keyContentEnd - a.keyContentStart;
  if (length !== b.keyContentEnd - b.keyContentStart) return false;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(a.keyContentStart + i) !== text.charCodeAt(b.keyContentStart + i)) return false;
  }
  return true;
}
