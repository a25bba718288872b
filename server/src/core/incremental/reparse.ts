// Incremental reparse: after a small edit, parse only the innermost closed dict/array whose content
// holds the edit, splice the new subtree in and shift the offsets of everything after it. Falls back
// (returns undefined) whenever the local parse could read differently in context: then the caller
// parses the whole text. The old document's nodes are reused and mutated; the old document is dead.
import type { ArrayNode, DictNode, PlistDocument, SyntaxProblem } from '../plist/ast';
import { ParsedArray, ParsedDict, ParsedEntry, ParsedScalar, type ParsedNode } from '../plist/nodes';
import { parsePlist } from '../plist/parser';

/** One replacement, in offsets of the old text. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

// Problems a standalone parse of one container reports exactly as the full parse would.
const LOCAL_PROBLEMS = new Set([
  'plist.bad-integer',
  'plist.bad-real',
  'plist.bad-date',
  'plist.bad-base64',
  'plist.duplicate-key',
  'plist.key-without-value',
  'xml.bad-entity',
]);

// Texts shorter than this are parsed whole (0: always try the incremental path; it is checked equal to a full parse).
export const MIN_INCREMENTAL_TEXT = 0;

export interface Reparsed {
  doc: PlistDocument;
  /** Containers whose subtree changed (the ancestors of the reparsed part): cached results about them are stale. */
  touched: (DictNode | ArrayNode)[];
  /** The edit in old-text offsets and its length change. */
  edit: { start: number; end: number; delta: number };
  /**
   * True when the edit stayed inside one payload and left the payload list, each payload's kind and its
   * PayloadUUID/PayloadIdentifier text as they were: profile-level results only move by `delta`.
   */
  profileStable: boolean;
}

/** Every value of a payload's `key` entries (duplicates included), read before the node is replaced. */
function idText(dict: DictNode, key: string): string {
  return dict.entries
    .filter((e) => e.key === key)
    .map((e) => (e.value?.kind === 'string' ? e.value.text : `<${e.value?.kind ?? 'none'}>`))
    .join('\u0000');
}

/** Whether `arr` is the root dict's PayloadContent array. */
function isPayloadList(root: ParsedNode, arr: Container | undefined): boolean {
  return root instanceof ParsedDict && arr instanceof ParsedArray && root.entries.some((e) => e.key === 'PayloadContent' && e.value === arr);
}

type Container = ParsedDict | ParsedArray;

function isParsed(n: unknown): n is ParsedNode {
  return n instanceof ParsedDict || n instanceof ParsedArray || n instanceof ParsedScalar;
}

/** The innermost closed container whose content holds [start, end], with the path of containers above it. */
function unitFor(root: ParsedNode, start: number, end: number): { unit: ParsedNode; path: Container[] } | undefined {
  const path: Container[] = [];
  let node: ParsedNode = root;
  for (;;) {
    if (node instanceof ParsedScalar || !node.closed || !(node.contentStart <= start && end <= node.contentEnd)) return undefined;
    const child = childAround(node, start, end);
    if (!child || !child.closed || !(child.contentStart <= start && end <= child.contentEnd)) return { unit: node, path };
    path.push(node);
    // An edit inside a scalar's text: that element alone is the unit.
    if (child instanceof ParsedScalar) return { unit: child, path };
    node = child;
  }
}

/** The child element strictly around [start, end], by binary search (children are in document order). */
function childAround(node: Container, start: number, end: number): ParsedNode | undefined {
  const count = node instanceof ParsedDict ? node.entries.length : node.items.length;
  const at = (i: number): ParsedNode | undefined => {
    const v = node instanceof ParsedDict ? node.entries[i]!.value : node.items[i];
    return isParsed(v) ? v : undefined;
  };
  // Last child starting before `start` (entries without a value are skipped by stepping back).
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = at(mid);
    const begin = c ? c.spanStart : node instanceof ParsedDict ? (node.entries[mid] as ParsedEntry).keyStart : Infinity;
    if (begin < start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    const c = at(i);
    if (c && c.spanStart < start && end < c.spanEnd) return c;
  }
  return undefined;
}

function shiftNode(n: ParsedNode, by: number): void {
  n.spanStart += by;
  n.contentStart += by;
  n.contentEnd += by;
  n.spanEnd += by;
}

function shiftEntry(e: ParsedEntry, by: number): void {
  e.keyStart += by;
  e.keyContentStart += by;
  e.keyContentEnd += by;
  e.keyEnd += by;
}

function setSource(o: object, text: string): void {
  if ('source' in o) (o as { source: string }).source = text;
}

/** Shifts a whole subtree and points it at `text` (iteratively: nesting depth is unbounded). */
function shiftTree(top: ParsedNode, by: number, text: string): boolean {
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

const RETARGET_EVERY = 8;
let reparses = 0;

/**
 * Nodes may read their text lazily from the source string they were parsed from: point every node at
 * the new text (offsets now refer to it), which also lets the old texts be collected.
 */
function retarget(root: ParsedNode, text: string): void {
  const set = (o: object) => setSource(o, text);
  const work: ParsedNode[] = [root];
  while (work.length > 0) {
    const n = work.pop()!;
    set(n);
    if (n instanceof ParsedDict) {
      for (const e of n.entries) {
        set(e);
        if (e.value) work.push(e.value as ParsedNode);
      }
    } else if (n instanceof ParsedArray) work.push(...n.items);
  }
}

export function reparse(old: PlistDocument, change: TextChange, newText: string, minText = MIN_INCREMENTAL_TEXT): Reparsed | undefined {
  const root = old.root;
  if (!isParsed(root) || newText.length < minText) return undefined;
  const start = change.offset;
  const end = change.offset + change.length;
  const delta = change.text.length - change.length;
  const found = unitFor(root, start, end);
  if (!found || found.unit === root) return undefined;
  const { unit, path } = found;
  const unitStart = unit.spanStart;
  const unitEnd = unit.spanEnd;
  const insidePayloads = path.length >= 2 && isPayloadList(root, path[1]);
  // The payload whose own entries the edit may change: the unit itself, or the unit's parent.
  const unitIsPayload = insidePayloads && path.length === 2;
  const parentPayload = insidePayloads && path.length === 3 ? (path[2] as ParsedDict) : undefined;
  const ids = (d: Container | ParsedNode | undefined) => (d instanceof ParsedDict ? `${idText(d, 'PayloadUUID')}\u0001${idText(d, 'PayloadIdentifier')}` : undefined);
  const oldIds = ids(unitIsPayload ? unit : parentPayload);
  // A problem straddling the unit's edges would be half stale.
  if (old.problems.some((p) => p.offset < unitEnd && p.offset + p.length > unitStart && (p.offset < unitStart || p.offset + p.length > unitEnd))) return undefined;

  const sub = parsePlist(newText.slice(unitStart, unitEnd + delta));
  const fresh = sub.root;
  if (!isParsed(fresh) || fresh.kind !== unit.kind || !fresh.closed || fresh.spanStart !== 0 || fresh.spanEnd !== unitEnd + delta - unitStart) return undefined;
  const inner = sub.problems.filter((p) => p.code !== 'plist.missing-plist-element');
  if (inner.some((p) => !LOCAL_PROBLEMS.has(p.code))) return undefined;

  // Splice: the parent's slot now holds the fresh subtree.
  const parent = path[path.length - 1]!;
  if (parent instanceof ParsedDict) {
    const entry = parent.entries.find((e) => e.value === unit);
    if (!entry) return undefined;
    entry.value = fresh;
  } else {
    const i = parent.items.indexOf(unit);
    if (i < 0) return undefined;
    parent.items[i] = fresh;
  }
  fresh.parent = parent;
  if (!shiftTree(fresh, unitStart, newText)) return undefined;

  // Everything after the unit moves by delta: later siblings at every level, and the ancestors' ends.
  let child: ParsedNode = unit;
  for (let i = path.length - 1; i >= 0; i--) {
    const container = path[i]!;
    container.contentEnd += delta;
    container.spanEnd += delta;
    if (container instanceof ParsedDict) {
      const at = container.entries.findIndex((e) => e.value === (child === unit ? fresh : child));
      for (let k = at + 1; k < container.entries.length; k++) {
        const e = container.entries[k]!;
        if (!(e instanceof ParsedEntry)) return undefined;
        shiftEntry(e, delta);
        setSource(e, newText);
        if (e.value && !shiftTree(e.value as ParsedNode, delta, newText)) return undefined;
      }
    } else {
      const at = container.items.indexOf(child === unit ? fresh : child);
      for (let k = at + 1; k < container.items.length; k++) if (!shiftTree(container.items[k]!, delta, newText)) return undefined;
    }
    child = container;
  }

  // Nodes before the edit read the same characters from the older text; move them over now and then
  // so that at most a few old texts stay alive.
  if (++reparses % RETARGET_EVERY === 0) retarget(root, newText);

  const shifted = (p: SyntaxProblem): SyntaxProblem => ({ ...p, offset: p.offset + delta });
  const problems = [
    ...old.problems.filter((p) => p.offset + p.length <= unitStart && p.offset < unitStart),
    ...inner.map((p) => ({ ...p, offset: p.offset + unitStart })),
    ...old.problems.filter((p) => p.offset >= unitEnd).map(shifted),
  ];
  const plistSpan = old.plistSpan && { offset: old.plistSpan.offset, length: old.plistSpan.length + delta };
  const newIds = ids(unitIsPayload ? fresh : parentPayload);
  const profileStable = insidePayloads && (path.length > 3 || (oldIds !== undefined && oldIds === newIds));
  return { doc: { text: newText, root, plistSpan, problems }, touched: path, edit: { start, end, delta }, profileStable };
}
