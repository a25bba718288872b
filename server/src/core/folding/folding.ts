// Folding ranges by offsets: every dict, array and other element, and every comment, that spans
// more than one line. Adapters turn offsets into lines (LSP folds whole lines).

import type { PlistDocument, PlistNode } from '../plist/ast';
import { createScanner } from '../xml/scanner';

export interface FoldingRange {
  /** Offset of the `<` that opens the element or comment. */
  start: number;
  /**
   * Offset of the `<` of the closing tag (an editor folds up to the line before it, keeping the
   * closing tag visible); for a comment or an element without an end tag, its last character.
   */
  end: number;
  kind?: 'comment';
}

export function foldingRanges(doc: PlistDocument): FoldingRange[] {
  const text = doc.text;
  const ranges: FoldingRange[] = [];
  const spansLines = (from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  };

  const work: PlistNode[] = doc.root ? [doc.root] : [];
  while (work.length > 0) {
    const node = work.pop()!;
    const spanEnd = node.span.offset + node.span.length;
    const contentEnd = node.content.offset + node.content.length;
    // A closed element's end tag starts where its content ends.
    const end = node.closed && contentEnd < spanEnd ? contentEnd : Math.max(node.span.offset, spanEnd - 1);
    if (spansLines(node.span.offset, end)) ranges.push({ start: node.span.offset, end });
    if (node.kind === 'dict') for (const e of node.entries) if (e.value) work.push(e.value);
    if (node.kind === 'array') for (const item of node.items) work.push(item);
  }

  // Comments are not in the tree: find them with the scanner (cheap: a quick pass over the text).
  if (text.includes('<!--')) {
    const scanner = createScanner(text);
    for (let t = scanner.scan(); t !== 'eos'; t = scanner.scan()) {
      if (t === 'comment' && spansLines(scanner.tokenOffset, scanner.tokenEnd)) {
        ranges.push({ start: scanner.tokenOffset, end: scanner.tokenEnd - 1, kind: 'comment' });
      }
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
