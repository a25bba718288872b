// Questions about a position in a parsed plist: which node is here, what is its path, and what kind
// of thing would the user type at this cursor (a key, a value, a new entry, a tag name)?

import type { ArrayNode, DictEntry, DictNode, PlistDocument, PlistNode, Span } from './ast';
import { createScanner, isNameCode } from '../xml/scanner';

export type PathSegment = string | number;

const end = (s: Span): number => s.offset + s.length;

/** The innermost node whose element contains `offset` (from its `<` up to, not including, its end). */
export function nodeAt(doc: PlistDocument, offset: number): PlistNode | undefined {
  let node = doc.root;
  if (!node || offset < node.span.offset || offset >= end(node.span)) return undefined;
  for (;;) {
    const child = childContaining(node, offset, (n) => n.span.offset <= offset && offset < end(n.span));
    if (!child) return node;
    node = child;
  }
}

/** Keys and indexes from the root down to `node`, e.g. ['PayloadContent', 0, 'Services']. */
export function pathOf(node: PlistNode): PathSegment[] {
  const path: PathSegment[] = [];
  let current: PlistNode = node;
  while (current.parent) {
    const parent: DictNode | ArrayNode = current.parent;
    if (parent.kind === 'array') path.push(parent.items.lastIndexOf(current));
    else {
      const entries = parent.entries;
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i].value === current) {
          path.push(entries[i].key);
          break;
        }
      }
    }
    current = parent;
  }
  return path.reverse();
}

export type Slot = 'key' | 'value' | 'between-entries' | 'tag-name' | 'none';

export interface TagAtCursor {
  /** The whole name under the cursor (may be empty right after `<`). */
  name: string;
  /** The part of the name before the cursor. */
  prefix: string;
  nameOffset: number;
  isEndTag: boolean;
}

export interface Location {
  /**
   * key: path of the dict holding the key. value: path of the value (dict path + key, or array path +
   * index). between-entries: path of the dict or array. tag-name: path of the enclosing container.
   */
  path: PathSegment[];
  slot: Slot;
  /** The innermost node at the cursor (the scalar for a value slot, the container between entries). */
  node: PlistNode | undefined;
  /** The dict or array the slot belongs to. */
  container: DictNode | ArrayNode | undefined;
  /** key slot: the entry being edited. value slot in a dict: the entry whose value this is (or would be). */
  entry?: DictEntry;
  /** tag-name slot: the tag name being typed. */
  insideTag?: TagAtCursor;
}

/**
 * Where the cursor is, in terms completion understands. Cases: `<key>Pay|</key>` (key),
 * `<string>|</string>` as a value (value), a blank line in a dict (between-entries), right after
 * `<key>X</key>` with no value yet (value, entry X, no node), `<str|` (tag-name).
 */
export function locationAt(doc: PlistDocument, offset: number): Location {
  const { gapStart, ...location } = locate(doc, offset);
  // Between elements the cursor may sit in a comment or CDATA: nothing to complete there. Rescan
  // only the gap since the previous sibling, which starts in content state.
  if (gapStart !== undefined && insideMarkup(doc.text, gapStart, offset)) return { ...location, slot: 'none' };
  const tag = tagAtCursor(doc.text, offset);
  if (tag) return { ...location, slot: 'tag-name', insideTag: tag, path: location.container ? pathOf(location.container) : [] };
  return location;
}

function insideMarkup(text: string, from: number, offset: number): boolean {
  const scanner = createScanner(text, from, 'content');
  for (let t = scanner.scan(); t !== 'eos' && scanner.tokenOffset < offset; t = scanner.scan()) {
    const opaque = t === 'comment' || t === 'cdata' || t === 'processingInstruction' || t === 'doctype';
    if (opaque && (offset < scanner.tokenEnd || (scanner.unterminated && offset === scanner.tokenEnd))) return true;
  }
  return false;
}

/** End of the dict entry or array item before `offset` in a container, else its content start. */
function previousSiblingEnd(container: DictNode | ArrayNode, offset: number): number {
  if (container.kind === 'array') {
    const items = container.items;
    const i = lastIndexStartingBefore(items.length, (k) => items[k].span.offset, offset);
    return i >= 0 ? Math.min(offset, end(items[i].span)) : container.content.offset;
  }
  const entries = container.entries;
  const i = lastIndexStartingBefore(entries.length, (k) => entries[k].keySpan.offset, offset);
  if (i < 0) return container.content.offset;
  const e = entries[i];
  return Math.min(offset, e.value && e.value.span.offset < offset ? end(e.value.span) : end(e.keySpan));
}

function locate(doc: PlistDocument, offset: number): Location & { gapStart?: number } {
  const none: Location = { path: [], slot: 'none', node: undefined, container: undefined };
  if (!doc.root || !inContentOrInside(doc.root, offset)) return none;
  let node: PlistNode = doc.root;
  let container: DictNode | ArrayNode | undefined;
  for (;;) {
    if (!inContent(node, offset)) {
      // Inside the node's own start or end tag.
      return { path: pathOf(node), slot: 'none', node, container };
    }
    if (node.kind !== 'dict' && node.kind !== 'array') {
      const entry = node.parent?.kind === 'dict' ? node.parent.entries.find((e) => e.value === node) : undefined;
      return { path: pathOf(node), slot: 'value', node, container, entry };
    }
    container = node;
    if (node.kind === 'array') {
      const item = childContaining(node, offset, (n) => inContentOrInside(n, offset));
      if (!item) return { path: pathOf(node), slot: 'between-entries', node, container, gapStart: previousSiblingEnd(node, offset) };
      node = item;
      continue;
    }
    const entries: DictEntry[] = node.entries;
    const i = lastIndexStartingBefore(entries.length, (k) => entries[k].keySpan.offset, offset);
    const entry: DictEntry | undefined = i >= 0 ? entries[i] : undefined;
    if (entry && offset < end(entry.keySpan)) {
      const inKey = offset >= entry.keyContent.offset && offset <= end(entry.keyContent);
      return { path: pathOf(node), slot: inKey ? 'key' : 'none', node, container, entry };
    }
    if (entry?.value && inContentOrInside(entry.value, offset)) {
      node = entry.value;
      continue;
    }
    const gapStart = previousSiblingEnd(node, offset);
    if (entry && !entry.value) {
      return { path: [...pathOf(node), entry.key], slot: 'value', node: undefined, container, entry, gapStart };
    }
    return { path: pathOf(node), slot: 'between-entries', node, container, gapStart };
  }
}

/** Strictly inside the element (after its `<`, before its end) or anywhere in its content. */
function inContentOrInside(node: PlistNode, offset: number): boolean {
  return (offset > node.span.offset && offset < end(node.span)) || inContent(node, offset);
}

function inContent(node: PlistNode, offset: number): boolean {
  return offset >= node.content.offset && offset <= end(node.content);
}

function childContaining(node: PlistNode, offset: number, contains: (n: PlistNode) => boolean): PlistNode | undefined {
  if (node.kind === 'array') {
    const items = node.items;
    const i = lastIndexStartingBefore(items.length, (k) => items[k].span.offset, offset + 1);
    // An empty element at the same offset as the next one cannot happen; check the candidate only.
    return i >= 0 && contains(items[i]) ? items[i] : i > 0 && contains(items[i - 1]) ? items[i - 1] : undefined;
  }
  if (node.kind === 'dict') {
    const entries: DictEntry[] = node.entries;
    const i = lastIndexStartingBefore(entries.length, (k) => entries[k].keySpan.offset, offset + 1);
    for (let k = i; k >= 0 && k >= i - 1; k--) {
      const v = entries[k].value;
      if (v && contains(v)) return v;
    }
  }
  return undefined;
}

/** Binary search: the last index whose start is < `offset` (-1 if none). Starts are ascending. */
function lastIndexStartingBefore(count: number, startOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The tag name being typed at `offset`: `<na|me` or `</na|me` (nothing when not in a tag name). */
export function tagAtCursor(text: string, offset: number): TagAtCursor | undefined {
  let start = offset;
  while (start > 0 && isNameCode(text.charCodeAt(start - 1))) start--;
  if (start === 0 || text.charCodeAt(start - 1) !== 0x3c /* < */ && !(text.charCodeAt(start - 1) === 0x2f && text.charCodeAt(start - 2) === 0x3c)) {
    return undefined;
  }
  const isEndTag = text.charCodeAt(start - 1) === 0x2f;
  let stop = offset;
  while (stop < text.length && isNameCode(text.charCodeAt(stop))) stop++;
  return { name: text.substring(start, stop), prefix: text.substring(start, offset), nameOffset: start, isEndTag };
}
