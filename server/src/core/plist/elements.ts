// Opening and closing elements once their tags are read, with the recovery rules described in
// parser.ts (unclosed text elements, mismatched end tags, unknown elements).

import type { PlistKind } from './ast';
import { createNode } from './nodes';
import type { Frame, ParseState } from './parseState';
import { report, reportKeyWithoutValue, reportUnclosed } from './parseProblems';
import { SyntaxCodes as C } from './syntaxCodes';
import { attach, finish, finishText } from './tree';

const CONTAINER_TAGS = new Set(['dict', 'array']);
export const PLIST_TAG_LIST = ['key', 'string', 'dict', 'array', 'integer', 'true', 'false', 'real', 'date', 'data', 'plist'];
export const PLIST_TAGS = new Set(PLIST_TAG_LIST);

export function openElement(s: ParseState, name: string, start: number, tagEnd: number, selfClosing: boolean): void {
  s.sawContent = true;
  // A plist element ends any text element left open (typically a missing </string> or </key>).
  if (PLIST_TAGS.has(name)) {
    const owner = s.textOwner();
    if (owner) closeThrough(s, owner, start);
  }
  const t = s.top();
  const owner = t?.owner;

  if (!PLIST_TAGS.has(name) || (name === 'plist' && (s.stack.length > 0 || s.plistSeen || s.root !== undefined))) {
    if (!t || t.kind !== 'unknown') {
      const why = name === 'plist' ? '<plist> may only wrap the whole document' : `<${name}> is not a plist element`;
      report(s, C.unknownElement, `${why}; it is ignored.`, start, tagEnd - start);
    }
    const tOwner = s.textOwner();
    if (tOwner) s.piecesOf(tOwner, start);
    if (!selfClosing) s.push(s.newFrame(name, 'unknown', start, tagEnd, owner, undefined, owner?.detached ?? false));
    return;
  }

  if (name === 'plist') {
    s.plistSeen = true;
    if (selfClosing) {
      s.plistSpan = { offset: start, length: tagEnd - start };
      report(s, C.missingRoot, 'The <plist> element is empty; it needs one root value (a <dict> for a profile).', start, tagEnd - start);
      s.afterRoot = true;
      return;
    }
    s.push(s.newFrame(name, 'plist', start, tagEnd, undefined, undefined, false));
    return;
  }

  if (name === 'key') {
    let detached = true;
    if (owner && owner.kind === 'container' && owner.node!.kind === 'dict') {
      detached = owner.detached;
      if (owner.pendingKey) reportKeyWithoutValue(s, owner.pendingKey);
      owner.pendingKey = undefined;
    } else {
      const where = owner?.node ? `an <${owner.node.kind}>` : 'the top level';
      report(s, C.misplacedKey, `A <key> is only allowed inside a <dict>, not in ${where}.`, start, tagEnd - start);
    }
    const frame = s.newFrame(name, 'text', start, tagEnd, undefined, undefined, detached);
    frame.isKey = true;
    frame.owner = frame;
    if (selfClosing) finishText(s, frame, tagEnd, tagEnd, true);
    else s.push(frame);
    return;
  }

  const node = createNode(name as PlistKind, start, tagEnd, s.text);
  const detached = !attach(s, node, owner, start, tagEnd);
  const frame = s.newFrame(name, CONTAINER_TAGS.has(name) ? 'container' : 'text', start, tagEnd, undefined, node, detached);
  frame.owner = frame;
  if (selfClosing) finish(s, frame, tagEnd, tagEnd, true);
  else s.push(frame);
}

/** Pops frames down to and including `target` (reported unclosed), closing them all at `at`. */
function closeThrough(s: ParseState, target: Frame, at: number): void {
  while (s.stack.length > 0) {
    const frame = s.pop();
    if (frame === target) {
      reportUnclosed(s, frame);
      finish(s, frame, at, at, false);
      return;
    }
    finish(s, frame, at, at, false);
  }
}

export function closeElement(s: ParseState, name: string, start: number, end: number): void {
  const t = s.top();
  if (t && t.name === name) {
    s.pop();
    finish(s, t, start, end, true);
    return;
  }
  if ((s.openByName.get(name) ?? 0) > 0) {
    // Close everything above the nearest matching element with one problem.
    const open: string[] = [];
    let frame = s.pop();
    while (frame.name !== name) {
      if (frame.kind !== 'unknown') open.push(`<${frame.name}>`);
      finish(s, frame, start, start, false);
      frame = s.pop();
    }
    finish(s, frame, start, end, true);
    if (open.length > 0) {
      report(s, C.mismatchedTag, `</${name}> closes ${open.join(', ')} too, which ${open.length === 1 ? 'is' : 'are'} not closed.`, start, end - start);
    }
    return;
  }
  if (t && (t.kind === 'text' || !PLIST_TAGS.has(name))) {
    s.pop();
    report(s, C.mismatchedTag, `</${name}> does not match <${t.name}>.`, start, end - start);
    finish(s, t, start, end, true);
    return;
  }
  report(s, C.unexpectedEndTag, `</${name}> has no matching start tag; it is ignored.`, start, end - start);
}

/** End of text: whatever is still open is unclosed. */
export function closeAll(s: ParseState): void {
  const len = s.text.length;
  while (s.stack.length > 0) {
    const frame = s.pop();
    if (frame.kind !== 'unknown') reportUnclosed(s, frame);
    finish(s, frame, len, len, false);
  }
}
