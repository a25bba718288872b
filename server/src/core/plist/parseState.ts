// The mutable state of one parsePlist run, shared by the parser's modules (tags, elements, tree,
// parseProblems): the token cursor, the explicit stack of open elements, and what has been seen of
// the document so far. A class so every run has the same object shape (fast property access).

import type { PlistDocument, Span, SyntaxProblem } from './ast';
import type { ParsedEntry, ParsedNode } from './nodes';
import { createScanner, isWhitespaceCode, type Scanner, type TokenType } from '../xml/scanner';

/** One open element on the stack. */
export interface Frame {
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

export class ParseState {
  readonly text: string;
  readonly scanner: Scanner;
  readonly problems: SyntaxProblem[] = [];
  readonly stack: Frame[] = [];
  /** How many frames of each name are open, so an end tag finds its match without a stack walk. */
  readonly openByName = new Map<string, number>();
  /** Frames recycled by stack depth (see newFrame). */
  readonly pool: Frame[] = [];

  root: ParsedNode | undefined = undefined;
  plistSpan: Span | undefined = undefined;
  plistSeen = false;
  afterRoot = false;
  afterRootReported = false;
  missingPlistReported = false;
  /** An element or non-whitespace text was seen (for misplaced declarations). */
  sawContent = false;
  /** The current token is to be read again by the next call to next(). */
  pushedBack = false;

  constructor(text: string) {
    this.text = text;
    this.scanner = createScanner(text);
  }

  next(): TokenType {
    if (this.pushedBack) {
      this.pushedBack = false;
      return this.scanner.tokenType;
    }
    return this.scanner.scan();
  }

  top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  push(frame: Frame): void {
    this.stack.push(frame);
    this.openByName.set(frame.name, (this.openByName.get(frame.name) ?? 0) + 1);
  }

  pop(): Frame {
    const frame = this.stack.pop()!;
    this.openByName.set(frame.name, this.openByName.get(frame.name)! - 1);
    return frame;
  }

  /**
   * Frames are reused by depth: a popped frame is never referenced again (owners always sit lower
   * on the stack), and recycling them saves an allocation per element on large documents.
   */
  newFrame(
    name: string,
    kind: Frame['kind'],
    start: number,
    tagEnd: number,
    owner: Frame | undefined,
    node: ParsedNode | undefined,
    detached: boolean,
  ): Frame {
    const depth = this.stack.length;
    let frame = this.pool[depth];
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
      this.pool[depth] = frame;
    }
    if (kind === 'plist') frame.owner = frame;
    return frame;
  }

  /** A text frame switches to piecewise collection: everything raw so far becomes the first piece. */
  piecesOf(frame: Frame, upTo: number): string[] {
    if (!frame.pieces) frame.pieces = [this.text.substring(frame.tagEnd, upTo)];
    return frame.pieces;
  }

  /** The text frame collecting character data right now, if any (not through an unknown child). */
  collectingFrame(): Frame | undefined {
    const t = this.top();
    return t && t.kind === 'text' ? t : undefined;
  }

  /** The innermost text frame, even through unknown children (those make collection piecewise). */
  textOwner(): Frame | undefined {
    const owner = this.top()?.owner;
    return owner && owner.kind === 'text' ? owner : undefined;
  }

  isBlank(from: number, to: number): boolean {
    const text = this.text;
    for (let i = from; i < to; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return false;
    return true;
  }

  document(): PlistDocument {
    return { text: this.text, root: this.root, plistSpan: this.plistSpan, problems: this.problems };
  }
}
