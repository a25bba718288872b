// Finds what sits at an offset by descending the AST with binary search (fast on megabyte documents).
import type { DictEntry, DictNode, PlistNode, Span } from '../plist/ast';

export function contains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

function strictlyInside(span: Span, offset: number): boolean {
  return offset > span.offset && offset < span.offset + span.length;
}

/** Index of the last item whose start is <= offset, or -1. Items are in document order. */
function lastStartingBefore<T>(items: readonly T[], start: (t: T) => number, offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]!) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface Located {
  /** The deepest node whose span strictly contains the offset (undefined: outside the root). */
  node: PlistNode | undefined;
  /** When the offset is on a `<key>` element of `node` (a dict). */
  keyEntry: DictEntry | undefined;
}

/** The deepest node whose element strictly contains `offset` (being on its first `<` does not count). */
export function locate(root: PlistNode | undefined, offset: number): Located {
  if (!root || !strictlyInside(root.span, offset)) return { node: undefined, keyEntry: undefined };
  let node: PlistNode = root;
  for (;;) {
    if (node.kind === 'dict') {
      const i = lastStartingBefore(node.entries, (e) => e.keySpan.offset, offset);
      const entry = i >= 0 ? node.entries[i] : undefined;
      if (entry && strictlyInside(entry.keySpan, offset)) return { node, keyEntry: entry };
      const value = entry?.value;
      if (value && strictlyInside(value.span, offset)) {
        node = value;
        continue;
      }
      return { node, keyEntry: undefined };
    }
    if (node.kind === 'array') {
      const i = lastStartingBefore(node.items, (n) => n.span.offset, offset);
      const item = i >= 0 ? node.items[i] : undefined;
      if (item && strictlyInside(item.span, offset)) {
        node = item;
        continue;
      }
    }
    return { node, keyEntry: undefined };
  }
}

/** The innermost dict holding `node` (itself when it is one). */
export function enclosingDict(node: PlistNode | undefined): DictNode | undefined {
  for (let n = node; n; n = n.parent) if (n.kind === 'dict') return n;
  return undefined;
}

/** The entry whose key precedes `offset` most closely in `dict` (the key being typed a value for). */
export function entryBefore(dict: DictNode, offset: number): DictEntry | undefined {
  const i = lastStartingBefore(dict.entries, (e) => e.keySpan.offset, offset);
  return i >= 0 ? dict.entries[i] : undefined;
}
