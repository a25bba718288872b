// Moving parsed nodes after an edit: offsets shift by the edit's length change and nodes are pointed
// at the new text (they read their text lazily from the source string they were parsed from).
import { ParsedArray, ParsedDict, ParsedEntry, ParsedScalar, type ParsedNode } from '../plist/nodes';

export type Container = ParsedDict | ParsedArray;

export function isParsed(n: unknown): n is ParsedNode {
  return n instanceof ParsedDict || n instanceof ParsedArray || n instanceof ParsedScalar;
}

function shiftNode(n: ParsedNode, by: number): void {
  n.spanStart += by;
  n.contentStart += by;
  n.contentEnd += by;
  n.spanEnd += by;
}

export function shiftEntry(e: ParsedEntry, by: number): void {
  e.keyStart += by;
  e.keyContentStart += by;
  e.keyContentEnd += by;
  e.keyEnd += by;
}

export function setSource(o: object, text: string): void {
  if ('source' in o) (o as { source: string }).source = text;
}

/** Shifts a whole subtree and points it at `text` (iteratively: nesting depth is unbounded). */
export function shiftTree(top: ParsedNode, by: number, text: string): boolean {
  const work: ParsedNode[] = [top];
  while (work.length > 0) {
    const n = work.pop()!;
    shiftNode(n, by);
    setSource(n, text);
    if (n instanceof ParsedDict) {
      for (const e of n.entries) {
        if (!(e instanceof ParsedEntry)) return false;
        shiftEntry(e, by);
        setSource(e, text);
        if (e.value) {
          if (!isParsed(e.value)) return false;
          work.push(e.value);
        }
      }
    } else if (n instanceof ParsedArray) for (const item of n.items) work.push(item);
  }
  return true;
}

/** Shifts a dict entry (key and value subtree). */
export function shiftWholeEntry(e: ParsedEntry, by: number, text: string): boolean {
  shiftEntry(e, by);
  setSource(e, text);
  return !e.value || (isParsed(e.value) && shiftTree(e.value, by, text));
}

/** Points every node at `text` (offsets already refer to it), which lets older texts be collected. */
export function retarget(root: ParsedNode, text: string): void {
  const work: ParsedNode[] = [root];
  while (work.length > 0) {
    const n = work.pop()!;
    setSource(n, text);
    if (n instanceof ParsedDict) {
      for (const e of n.entries) {
        setSource(e, text);
        if (e.value) work.push(e.value as ParsedNode);
      }
    } else if (n instanceof ParsedArray) work.push(...n.items);
  }
}

/**
 * After the child at `at` of `path[path.length-1]` changed length by `delta`: later siblings at every
 * level move, and every ancestor's end moves. `at` is the index of the changed child (or of the last
 * new child) in the innermost container.
 */
export function shiftAfter(path: Container[], at: number, delta: number, text: string): boolean {
  let index = at;
  for (let i = path.length - 1; i >= 0; i--) {
    const container = path[i]!;
    container.contentEnd += delta;
    container.spanEnd += delta;
    if (container instanceof ParsedDict) {
      for (let k = index + 1; k < container.entries.length; k++) {
        const e = container.entries[k]!;
        if (!(e instanceof ParsedEntry) || !shiftWholeEntry(e, delta, text)) return false;
      }
    } else {
      for (let k = index + 1; k < container.items.length; k++) if (!shiftTree(container.items[k]!, delta, text)) return false;
    }
    if (i > 0) {
      const parent = path[i - 1]!;
      index = parent instanceof ParsedDict ? parent.entries.findIndex((e) => e.value === container) : parent.items.indexOf(container);
      if (index < 0) return false;
    }
  }
  return true;
}
