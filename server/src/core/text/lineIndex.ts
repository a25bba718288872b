// Offset <-> {line, character} conversion over a fixed text. Lines and characters are 0-based and
// counted in UTF-16 code units (JavaScript string indices), which is what LSP positions use by default.
// Line breaks: "\n", "\r\n" and a lone "\r".

export interface LinePosition {
  line: number;
  character: number;
}

export interface LineIndex {
  readonly lineCount: number;
  /** Offset of the first character of `line` (clamped to the valid range). */
  lineStart(line: number): number;
  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number;
  positionAt(offset: number): LinePosition;
  /** Inverse of positionAt; a character past the end of the line is clamped to the line end. */
  offsetAt(position: LinePosition): number;
}

const LF = 10;
const CR = 13;

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    } else if (c === LF) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function createLineIndex(text: string): LineIndex {
  const starts = computeLineStarts(text);
  const length = text.length;

  const clampLine = (line: number): number => Math.max(0, Math.min(starts.length - 1, Math.floor(line)));

  const lineEnd = (line: number): number => {
    const l = clampLine(line);
    if (l + 1 >= starts.length) return length;
    let end = starts[l + 1];
    // Step back over the line break ("\n", "\r" or "\r\n").
    if (end > starts[l] && text.charCodeAt(end - 1) === LF) end--;
    if (end > starts[l] && text.charCodeAt(end - 1) === CR) end--;
    return end;
  };

  return {
    lineCount: starts.length,
    lineStart: (line) => starts[clampLine(line)],
    lineEnd,
    positionAt(offset) {
      const o = Math.max(0, Math.min(length, Math.floor(offset)));
      // Largest index whose start <= o.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo] };
    },
    offsetAt(position) {
      if (position.line < 0) return 0;
      if (position.line >= starts.length) return length;
      const l = Math.floor(position.line);
      const start = starts[l];
      return Math.max(start, Math.min(lineEnd(l), start + Math.max(0, Math.floor(position.character))));
    },
  };
}
