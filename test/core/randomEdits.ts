// Random edits like an editor sends them (typing in text, markup typed or deleted, edits between the
// root dict's keys, pastes, undo back to an earlier text), for the incremental differential tests.
import type { PlistDocument, PlistNode, TextChange } from '../../server/src/core';

const pieces = ['x', '1', ' ', '\n', '\t', '<', '>', '/', '</', '</string>', '<string>', '<key>A</key>', '<key>PayloadUUID</key>', '<true/>', '<dict>', '</dict>', '<array>', '</array>', '</plist>', '<plist>', '&amp;', '&bad;', '&', '<integer>x</integer>', '<date>2024-01-01T00:00:00Z</date>', 'PayloadUUID', '<!--', '-->', '<!-- c -->', '<![CDATA[a]]>', '<?pi?>', '<foo>', '</foo>', '<string>WPA7</string>', '<key>PayloadDisplayName</key><string>x</string>'];

export interface EditState {
  text: string;
  /** Changes applied so far with the text they replaced (for undo). */
  undo: { change: TextChange; removed: string }[];
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** A gap between two of the root dict's entries (after a `</...>` or `/>` at one tab's depth). */
function rootGap(text: string, rnd: () => number): number | undefined {
  const gaps: number[] = [];
  for (const m of text.matchAll(/\n\t<key>/g)) gaps.push(m.index! + 1);
  return gaps.length ? pick(rnd, gaps) + Math.floor(rnd() * 2) : undefined;
}

/** One random change to `state.text`, in offsets of the text before it; `undo` when it reverts the last one. */
export function randomChange(state: EditState, rnd: () => number): { change: TextChange; undo: boolean } {
  const text = state.text;
  const kind = rnd();
  if (kind < 0.1 && state.undo.length > 0) {
    // Undo: the editor replaces what the last change inserted with what it removed.
    const last = state.undo.pop()!;
    return { change: { offset: last.change.offset, length: last.change.text.length, text: last.removed }, undo: true };
  }
  let offset = Math.floor(rnd() * (text.length + 1));
  let length = rnd() < 0.5 ? 0 : Math.floor(rnd() * 12);
  let insert = rnd() < 0.3 ? '' : pick(rnd, pieces);
  if (kind < 0.5) {
    // Typing inside element text.
    offset = text.indexOf('>', offset) + 1 || 1;
    length = Math.min(length, Math.max(0, text.indexOf('<', offset) - offset));
    insert = insert.replace(/[<>&]/g, '');
  } else if (kind < 0.65) {
    const gap = rootGap(text, rnd);
    if (gap !== undefined) {
      offset = gap;
      length = rnd() < 0.7 ? 0 : Math.floor(rnd() * 4);
    }
  } else if (kind < 0.7) {
    // A paste of a whole slice of the text somewhere else.
    const from = Math.floor(rnd() * text.length);
    insert = text.slice(from, from + Math.floor(rnd() * 400));
  }
  length = Math.min(length, text.length - offset);
  return { change: { offset, length, text: insert }, undo: false };
}

/** Applies `change` to the state (recording it for undo unless it is an undo itself). */
export function applyToState(state: EditState, change: TextChange, isUndo = false): string {
  const removed = state.text.slice(change.offset, change.offset + change.length);
  state.text = state.text.slice(0, change.offset) + change.text + state.text.slice(change.offset + change.length);
  if (!isUndo) state.undo.push({ change, removed });
  return state.text;
}

/** Everything a full parse determines, as plain data (spans, kinds, texts, parents, problems). */
export function shape(doc: PlistDocument): unknown {
  const node = (n: PlistNode | undefined): unknown => {
    if (!n) return null;
    const base = { kind: n.kind, span: n.span, content: n.content, closed: n.closed, parentKind: n.parent?.kind ?? null };
    if (n.kind === 'dict') return { ...base, entries: n.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, keyContent: e.keyContent, value: node(e.value) })) };
    if (n.kind === 'array') return { ...base, items: n.items.map(node) };
    return { ...base, text: n.text };
  };
  return { root: node(doc.root), plistSpan: doc.plistSpan, problems: doc.problems };
}

