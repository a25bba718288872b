// "Did you mean" for keys and payload types: case-insensitive match first, then edit distance.

/** Candidate names prepared once per key list: lower-case forms, character masks, remembered answers. */
export interface Candidates {
  names: readonly string[];
  lower: readonly string[];
  masks: Uint32Array;
  memo: Map<string, string | undefined>;
}

const MEMO_LIMIT = 2000;

/** One bit per character class (code mod 32): an edit changes at most two bits, a cheap lower bound. */
function charMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export const candidates = (names: Iterable<string>): Candidates => {
  const list = [...names];
  const lower = list.map((n) => n.toLowerCase());
  return { names: list, lower, masks: Uint32Array.from(lower, charMask), memo: new Map() };
};

export function closestMatch(word: string, from: Candidates | Iterable<string>): string | undefined {
  const c = 'memo' in from ? from : candidates(from);
  if (c.memo.has(word)) return c.memo.get(word);
  const best = search(word, c);
  if (c.memo.size >= MEMO_LIMIT) c.memo.clear();
  c.memo.set(word, best);
  return best;
}

function search(word: string, { names, lower: lowered, masks }: Candidates): string | undefined {
  const lower = word.toLowerCase();
  const mask = charMask(lower);
  // A third of the word, between 2 and 5 edits: further than that a suggestion is a guess.
  const limit = Math.max(2, Math.min(5, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestScore = Infinity;
  for (let i = 0; i < names.length; i++) {
    const c = lowered[i]!;
    if (names[i] === word) continue;
    if (c === lower) return names[i];
    const bound = Math.min(limit, bestScore - 1);
    if (Math.abs(c.length - lower.length) > bound) continue;
    if (popcount(mask ^ masks[i]!) > 2 * bound) continue;
    const d = editDistance(lower, c, bound);
    if (d <= bound) {
      best = names[i];
      bestScore = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning limit + 1) once every cell of a row exceeds limit. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}
