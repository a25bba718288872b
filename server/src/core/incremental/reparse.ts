// Incremental reparse: after a small edit, parse only a small part of the text and splice it in.
// - An edit inside the content of a closed element (a scalar's text, or a small dict/array) reparses
//   that element (the "unit").
// - An edit between the children of the root dict or of a large container (or in a child's tags)
//   reparses only the run of children around it (the "window"), wrapped in a synthetic start and end
//   tag, and splices the new children in place of the old ones.
// Either result is accepted only when it cannot read differently in context (locality.ts, and the
// shape checks below); otherwise it returns undefined and the caller parses the whole text. The old
// document's nodes are reused and mutated: the caller must own the old tree, which is dead afterwards.
import type { ArrayNode, DictNode, PlistDocument, SyntaxProblem } from '../plist/ast';
import { ParsedArray, ParsedDict, ParsedScalar, type ParsedNode } from '../plist/nodes';
import { parsePlist } from '../plist/parser';
import { SyntaxCodes as C } from '../plist/syntaxCodes';
import { entryOf } from '../validate/entries';
import { isLocal } from './locality';
import { isParsed, retarget, shiftAfter, shiftTree, shiftWholeEntry, type Container } from './tree';

/** One replacement, in offsets of the old text. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

// Texts shorter than this are parsed whole (0: always try the incremental path; it is checked equal to a full parse).
export const MIN_INCREMENTAL_TEXT = 0;
// Containers at least this long are reparsed by windows of children, not whole.
export const WINDOW_MIN_SPAN = 16_384;

export interface ReparseOptions {
  /** Texts shorter than this are parsed whole. */
  minText?: number;
  /** Containers at least this long (and the root dict) are reparsed by windows of children. */
  windowMinSpan?: number;
}

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
  /**
   * True when the PayloadUUID/PayloadIdentifier texts of the profile and of every payload, and the payload
   * list, are as they were (implied by profileStable): UUID and identifier uniqueness results only move.
   */
  uniquenessStable: boolean;
}

/** Every value of a payload's `key` entries (duplicates included). */
function idText(dict: DictNode, key: string): string {
  return dict.entries
    .filter((e) => e.key === key)
    .map((e) => (e.value?.kind === 'string' ? e.value.text : `<${e.value?.kind ?? 'none'}>`))
    .join('\u0000');
}

const ids = (d: ParsedNode | undefined) => (d instanceof ParsedDict ? `${idText(d, 'PayloadUUID')}\u0001${idText(d, 'PayloadIdentifier')}` : undefined);

/** Whether `arr` is the root dict's PayloadContent array (the last such entry, as validation reads it). */
function isPayloadList(root: ParsedNode, arr: ParsedNode | undefined): boolean {
  return root instanceof ParsedDict && arr instanceof ParsedArray && entryOf(root, 'PayloadContent')?.value === arr;
}

type Found = { kind: 'unit'; unit: ParsedNode; path: Container[] } | { kind: 'window'; container: Container; path: Container[] };

/** The innermost closed element whose content holds [start, end], with the containers above it. */
function locate(root: ParsedNode, start: number, end: number, windowMinSpan: number): Found | undefined {
  const path: Container[] = [];
  let node: ParsedNode = root;
  for (;;) {
    if (node instanceof ParsedScalar || !node.closed || !(node.contentStart <= start && end <= node.contentEnd)) return undefined;
    const child = childAround(node, start, end);
    if (!child || !child.closed || !(child.contentStart <= start && end <= child.contentEnd)) {
      if (node === root || node.spanEnd - node.spanStart >= windowMinSpan) return { kind: 'window', container: node, path };
      return { kind: 'unit', unit: node, path };
    }
    path.push(node);
    // An edit inside a scalar's text: that element alone is the unit.
    if (child instanceof ParsedScalar) return { kind: 'unit', unit: child, path };
    node = child;
  }
}

const childCount = (c: Container) => (c instanceof ParsedDict ? c.entries.length : c.items.length);
const childValue = (c: Container, i: number): ParsedNode | undefined => {
  const v = c instanceof ParsedDict ? c.entries[i]!.value : c.items[i];
  return isParsed(v) ? v : undefined;
};
/** Where child `i` begins and ends (a dict entry from its key to the end of its value). */
const childBegin = (c: Container, i: number) => (c instanceof ParsedDict ? c.entries[i]!.keyStart : c.items[i]!.span.offset);
const childEnd = (c: Container, i: number): number => {
  if (c instanceof ParsedDict) {
    const e = c.entries[i]!;
    return e.value ? e.value.span.offset + e.value.span.length : e.keyEnd;
  }
  const n = c.items[i]!;
  return n.span.offset + n.span.length;
};

/** Last index whose `at(i)` is <= `limit` (values ascend with i), or -1. */
function lastAtMost(count: number, at: (i: number) => number, limit: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) <= limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The child element strictly around [start, end], by binary search (children are in document order). */
function childAround(node: Container, start: number, end: number): ParsedNode | undefined {
  const found = lastAtMost(childCount(node), (i) => childValue(node, i)?.spanStart ?? (node instanceof ParsedDict ? node.entries[i]!.keyStart : Infinity), start - 1);
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    const c = childValue(node, i);
    if (c && c.spanStart < start && end < c.spanEnd) return c;
  }
  return undefined;
}

/** Problems of `old` before `from`, the fresh ones, and those at or after `to` moved by `delta`. */
function mergeProblems(old: SyntaxProblem[], from: number, to: number, fresh: SyntaxProblem[], delta: number): SyntaxProblem[] {
  return [
    ...old.filter((p) => p.offset + p.length <= from && p.offset < from),
    ...fresh,
    ...old.filter((p) => p.offset >= to).map((p) => ({ ...p, offset: p.offset + delta })),
  ];
}

const straddles = (problems: SyntaxProblem[], from: number, to: number) =>
  problems.some((p) => p.offset < to && p.offset + p.length > from && (p.offset < from || p.offset + p.length > to));

let reparses = 0;
const RETARGET_EVERY = 8;

export function reparse(old: PlistDocument, change: TextChange, newText: string, options: ReparseOptions = {}): Reparsed | undefined {
  const root = old.root;
  if (!isParsed(root) || newText.length < (options.minText ?? MIN_INCREMENTAL_TEXT)) return undefined;
  const start = change.offset;
  const end = change.offset + change.length;
  const delta = change.text.length - change.length;
  // An unterminated comment, CDATA or processing instruction reads up to the next terminator anywhere
  // in the text, so any edit may end it: parse whole.
  if (old.problems.some((p) => p.code === C.unterminated)) return undefined;
  const found = locate(root, start, end, options.windowMinSpan ?? WINDOW_MIN_SPAN);
  if (!found) return undefined;
  const result = found.kind === 'unit' ? reparseUnit(old, root, found.unit, found.path, newText, delta) : reparseWindow(old, root, found.container, found.path, start, end, newText, delta);
  if (!result) return undefined;
  // Nodes before the edit read the same characters from the older text; move them over now and then
  // so that at most a few old texts stay alive.
  if (++reparses % RETARGET_EVERY === 0) retarget(root, newText);
  const plistSpan = old.plistSpan && { offset: old.plistSpan.offset, length: old.plistSpan.length + delta };
  return {
    doc: { text: newText, root, plistSpan, problems: result.problems },
    touched: result.touched,
    edit: { start, end, delta },
    profileStable: result.profileStable,
    uniquenessStable: result.profileStable || result.uniquenessStable === true,
  };
}

interface Spliced {
  problems: SyntaxProblem[];
  touched: Container[];
  profileStable: boolean;
  uniquenessStable?: boolean;
}

/**
 * For an edit whose innermost changed element is the last of `chain` (the root first): whether it lies
 * inside a payload, and the payload dict whose own entries it may change (`reach` levels below it).
 */
function payloadScope(root: ParsedNode, chain: ParsedNode[], reach: number): { inside: boolean; payload: ParsedDict | undefined; deep: boolean } {
  const inside = chain.length >= 3 && isPayloadList(root, chain[1]);
  const deep = chain.length > 3 + reach;
  const payload = inside && !deep && chain[2] instanceof ParsedDict ? chain[2] : undefined;
  return { inside, payload, deep };
}

function reparseUnit(old: PlistDocument, root: ParsedNode, unit: ParsedNode, path: Container[], newText: string, delta: number): Spliced | undefined {
  if (path.length === 0) return undefined;
  const unitStart = unit.spanStart;
  const unitEnd = unit.spanEnd;
  // The payload whose own entries the edit may change: the unit itself, or the unit's parent.
  const { inside, payload, deep } = payloadScope(root, [...path, unit], 1);
  const oldIds = ids(payload);
  // A problem straddling the unit's edges would be half stale.
  if (straddles(old.problems, unitStart, unitEnd)) return undefined;

  const slice = newText.slice(unitStart, unitEnd + delta);
  const sub = parsePlist(slice);
  const fresh = sub.root;
  if (!isParsed(fresh) || fresh.kind !== unit.kind || !fresh.closed || fresh.spanStart !== 0 || fresh.spanEnd !== slice.length) return undefined;
  const inner = sub.problems.filter((p) => !(p.code === C.missingPlistElement && p.offset === 0));
  if (inner.some((p) => !isLocal(p, slice))) return undefined;

  // Splice: the parent's slot now holds the fresh subtree.
  const parent = path[path.length - 1]!;
  let at: number;
  if (parent instanceof ParsedDict) {
    at = parent.entries.findIndex((e) => e.value === unit);
    if (at < 0) return undefined;
    parent.entries[at]!.value = fresh;
  } else {
    at = parent.items.indexOf(unit);
    if (at < 0) return undefined;
    parent.items[at] = fresh;
  }
  fresh.parent = parent;
  if (!shiftTree(fresh, unitStart, newText) || !shiftAfter(path, at, delta, newText)) return undefined;

  const problems = mergeProblems(old.problems, unitStart, unitEnd, inner.map((p) => ({ ...p, offset: p.offset + unitStart })), delta);
  const newIds = ids(payload === unit ? fresh : payload);
  const profileStable = inside && (deep || (oldIds !== undefined && oldIds === newIds));
  return { problems, touched: path, profileStable };
}

const duplicateKeyMessage = (key: string) => `Key \`${key}\` appears more than once in this <dict>.`;
// Report order at one key's offset in a full parse: its own tag problems, then duplicate, then key-without-value.
const rankAtKey = (code: string) => (code === C.keyWithoutValue ? 2 : code === C.duplicateKey ? 1 : 0);

function reparseWindow(old: PlistDocument, root: ParsedNode, container: Container, path: Container[], start: number, end: number, newText: string, delta: number): Spliced | undefined {
  const count = childCount(container);
  // The run of children to reparse: after the last closed child ending at or before the edit (for a dict,
  // one with a value, so no key is waiting for a value where the run starts), up to the first child
  // starting at or after the edit's end.
  // A boundary must end with a real `>`: text typed after a tag cut short (`</integer`) would extend it.
  const endsTag = (at: number) => old.text.charCodeAt(at - 1) === 0x3e;
  let lo = lastAtMost(count, (i) => childEnd(container, i), start);
  while (lo >= 0 && !((childValue(container, lo)?.closed ?? false) && endsTag(childEnd(container, lo)))) lo--;
  if (lo < 0 && !endsTag(container.contentStart)) return undefined;
  const hi = lastAtMost(count, (i) => childBegin(container, i), end - 1) + 1;
  if (hi <= lo) return undefined;
  const from = lo >= 0 ? childEnd(container, lo) : container.contentStart;
  const to = hi < count ? childBegin(container, hi) : container.contentEnd;
  if (!(from <= start && end <= to) || straddles(old.problems, from, to)) return undefined;
  // What follows the run was parsed with nothing left open by the old run: keep it that way (no unclosed
  // child), or problems after it would be stale. An unknown element opened anywhere in the container
  // may still be open at either end of the run (it hides text problems): then parse whole.
  for (let i = lo + 1; i < hi; i++) if (childValue(container, i)?.closed === false) return undefined;
  if (old.problems.some((p) => p.code === C.unknownElement && p.offset >= container.contentStart && p.offset < to)) return undefined;
  // A run reaching the container's end tag: that tag closed something the old run left open (a value
  // without key, say) when it reported a mismatch there.
  if (hi === count && old.problems.some((p) => p.code === C.mismatchedTag && p.offset === to)) return undefined;

  const tag = container.kind;
  const open = `<${tag}>`;
  const body = newText.slice(from, to + delta);
  const text = `${open}${body}</${tag}>`;
  const sub = parsePlist(text);
  const fresh = sub.root;
  if (!(fresh instanceof (container instanceof ParsedDict ? ParsedDict : ParsedArray)) || !fresh.closed || fresh.spanStart !== 0 || fresh.spanEnd !== text.length) return undefined;
  const bodyEnd = open.length + body.length;
  const directKeys = new Set(fresh instanceof ParsedDict ? fresh.entries.map((e) => e.keyStart) : []);
  const inner: SyntaxProblem[] = [];
  for (const p of sub.problems) {
    if (p.code === C.missingPlistElement && p.offset === 0) continue;
    // Problems on the synthetic tags, or an unknown element left open across the run's end, would read differently.
    if (p.offset < open.length || p.offset + p.length > bodyEnd || p.code === C.unknownElement || !isLocal(p, text)) return undefined;
    // Duplicates among the container's own keys are recomputed over all its entries below.
    if (p.code === C.duplicateKey && directKeys.has(p.offset)) continue;
    inner.push({ ...p, offset: p.offset + from - open.length });
  }

  const chain = [...path, container];
  const { inside, payload, deep } = payloadScope(root, chain, 0);
  const oldIds = ids(payload);
  const oldKeyStarts = new Set(container instanceof ParsedDict ? container.entries.map((e) => e.keyStart) : []);
  // Between the root's keys: uniqueness results stay valid while the profile's own ids and the payload list do.
  const payloadList = () => (root instanceof ParsedDict ? entryOf(root, 'PayloadContent')?.value : undefined);
  const oldRootIds = container === root ? ids(root) : undefined;
  const oldList = payloadList();

  // Splice the new children in place of lo+1 .. hi-1, then move everything after them.
  const by = from - open.length;
  let last: number;
  if (container instanceof ParsedDict) {
    const entries = (fresh as ParsedDict).entries;
    for (const e of entries) if (!shiftWholeEntry(e, by, newText)) return undefined;
    for (const e of entries) if (e.value) e.value.parent = container;
    container.entries.splice(lo + 1, hi - lo - 1, ...entries);
    last = lo + entries.length;
  } else {
    const items = (fresh as ParsedArray).items;
    for (const n of items) if (!shiftTree(n, by, newText)) return undefined;
    for (const n of items) n.parent = container;
    container.items.splice(lo + 1, hi - lo - 1, ...items);
    last = lo + items.length;
  }
  if (!shiftAfter(chain, last, delta, newText)) return undefined;

  const kept = old.problems.filter((p) => !(p.code === C.duplicateKey && oldKeyStarts.has(p.offset)));
  let problems = mergeProblems(kept, from, to, inner, delta);
  if (container instanceof ParsedDict) {
    const seen = new Set<string>();
    for (const e of container.entries) {
      if (seen.has(e.key)) problems.push({ code: C.duplicateKey, message: duplicateKeyMessage(e.key), offset: e.keyStart, length: e.keyEnd - e.keyStart });
      seen.add(e.key);
    }
    problems = problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.offset - b.p.offset || rankAtKey(a.p.code) - rankAtKey(b.p.code) || a.i - b.i).map((x) => x.p);
  }
  const profileStable = inside && (deep || (oldIds !== undefined && oldIds === ids(payload)));
  const uniquenessStable = oldRootIds !== undefined && oldRootIds === ids(root) && oldList !== undefined && oldList === payloadList();
  return { problems, touched: chain, profileStable, uniquenessStable };
}
