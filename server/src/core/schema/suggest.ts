// "Did you mean" for key names, payload types and CLI words: optimal-string-alignment distance (a
// transposition is one edit), compared case-insensitively, with case-only differences ranked first.
// The budget is a quarter of the name's length (1 to 3 edits): measured on typos of every schema key,
// it finds as many as a third-of-the-length budget and offers nothing for unrelated names (docs/validation.md).

/** Candidate names prepared once per list: lower-case forms, character masks, remembered answers. */
export interface Candidates {
  readonly names: readonly string[];
  readonly lower: readonly string[];
  readonly masks: Uint32Array;
  readonly memo: Map<string, string[]>;
}

const MEMO_LIMIT = 2000;

export function candidates(names: Iterable<string>): Candidates {
  const list = [...names];
  const lower = list.map((n) => n.toLowerCase());
  return { names: list, lower, masks: Uint32Array.from(lower, charMask), memo: new Map() };
}

/** Up to `limit` candidates close to `name`, best first; none when nothing is plausibly a typo of it. */
export function suggest(name: string, from: Candidates | Iterable<string>, limit = 3): string[] {
  const prepared = isPrepared(from) ? from : candidates(from);
  const memoKey = `${limit}\u0000${name}`;
  const known = prepared.memo.get(memoKey);
  if (known) return known;
  const found = rank(name, prepared, limit);
  if (prepared.memo.size >= MEMO_LIMIT) prepared.memo.clear();
  prepared.memo.set(memoKey, found);
  return found;
}

/**
 * The namespace of a reverse-DNS name: its first two labels (`com.apple`, `com.google`). Payload types are
 * only suggested within one: `com.apple.Safari` is never "corrected" to a Google domain or the reverse.
 */
export function namespaceOf(name: string): string {
  return name.split('.').slice(0, 2).join('.').toLowerCase();
}

/** Candidates sharing `name`'s namespace. */
export const sameNamespace = (name: string, names: Iterable<string>): string[] => {
  const ns = namespaceOf(name);
  return [...names].filter((n) => namespaceOf(n) === ns);
};

/** The single best suggestion, if any. */
export const closestMatch = (name: string, from: Candidates | Iterable<string>): string | undefined => suggest(name, from, 1)[0];

const isPrepared = (from: Candidates | Iterable<string>): from is Candidates => 'memo' in from && 'masks' in from;

function rank(name: string, { names, lower: lowered, masks }: Candidates, limit: number): string[] {
  const lower = name.toLowerCase();
  const mask = charMask(lower);
  const budget = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  const scored: { candidate: string; score: number }[] = [];
  for (let i = 0; i < names.length; i++) {
    const candidate = names[i]!;
    const other = lowered[i]!;
    if (candidate === name) continue;
    if (Math.abs(other.length - lower.length) > budget) continue;
    if (popcount(mask ^ masks[i]!) > 2 * budget) continue;
    const distance = editDistance(lower, other, budget);
    if (distance > budget) continue;
    const caseEdits = distance === 0 ? 0 : editDistance(name, candidate) - distance;
    scored.push({ candidate, score: distance * 10 + Math.min(Math.max(caseEdits, 0), 9) });
  }
  scored.sort((x, y) => x.score - y.score || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

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

/** Optimal-string-alignment distance; gives up (returning limit + 1) once a whole row exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const cols = b.length + 1;
  let before = new Uint16Array(cols);
  let prev = new Uint16Array(cols);
  let row = new Uint16Array(cols);
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length]!;
}
