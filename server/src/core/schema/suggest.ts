// "Did you mean" for key names and payload types: optimal-string-alignment Damerau-Levenshtein distance
// (a transposition counts as one edit), compared case-insensitively with a small penalty for case differences.

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Up to `limit` candidates close to `name`, best first; none when nothing is plausibly a typo of it. */
export function suggest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const budget = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance > budget) continue;
    // A case-only difference ranks above any real edit; among equals, fewer case changes win.
    const caseEdits = distance === 0 ? 0 : editDistance(name, candidate) - distance;
    scored.push({ candidate, score: distance * 10 + Math.min(caseEdits, 9) });
  }
  scored.sort((x, y) => x.score - y.score || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}
