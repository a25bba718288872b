// Deterministic fuzzing of the whole core (parse, validate, complete, hover, fixes input, outline,
// folding, format) on mutated, truncated and random profiles: nothing may throw or take a second.
import type { ProfileService } from '../../server/src/core';
import { seededRandom } from '../../tenant/src/simulator/ids';

/** Seeded PRNG (the simulator's mulberry32), so a failing case can be replayed from its seed. */
export const prng = seededRandom;

const fragments = ['<dict>', '</dict>', '<array>', '</array>', '<key>', '</key>', '<string>', '</string>', '<true/>', '<integer>', '&amp;', '&bogus;', '<![CDATA[', ']]>', '<!--', '-->', '<', '>', '"', '\u0000', '\uFFFD', '<plist>', '<?xml?>'];

export function mutate(base: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (base.length + 1));
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return base.slice(0, at);
    case 1:
      return base.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 128)) + base.slice(at + 1);
    case 2:
      return base.slice(0, at) + fragments[Math.floor(rnd() * fragments.length)] + base.slice(at);
    case 3:
      return base.slice(0, at) + base.slice(at + Math.floor(rnd() * 200));
    default: {
      let s = '';
      const n = Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++) s += fragments[Math.floor(rnd() * fragments.length)] + (rnd() < 0.3 ? 'PayloadType' : '');
      return s;
    }
  }
}

export interface FuzzResult {
  cases: number;
  slowest: number;
  failures: string[];
  seconds: number;
}

export function fuzz(service: ProfileService, bases: string[], seed: number, budgetMs: number, maxCases: number): FuzzResult {
  const rnd = prng(seed);
  const failures: string[] = [];
  let slowest = 0;
  let cases = 0;
  const started = performance.now();
  while (cases < maxCases && performance.now() - started < budgetMs) {
    const caseSeed = Math.floor(rnd() * 2 ** 31);
    const r = prng(caseSeed);
    let text = bases[Math.floor(r() * bases.length)]!;
    const rounds = 1 + Math.floor(r() * 3);
    for (let i = 0; i < rounds; i++) text = mutate(text, r);
    const t0 = performance.now();
    try {
      const doc = service.parse(text);
      const problems = service.validate(doc, { targetPlatforms: ['macOS', 'iOS'] });
      for (let i = 0; i < 3; i++) {
        const offset = Math.floor(r() * (text.length + 1));
        service.complete(doc, offset);
        service.hover(doc, offset);
      }
      for (const p of problems.slice(0, 5)) service.quickFixes(doc, p);
      service.symbols(doc);
      service.folding(doc);
      service.format(doc, { tabSize: 2, insertSpaces: true });
    } catch (e) {
      failures.push(`seed ${caseSeed}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const ms = performance.now() - t0;
    slowest = Math.max(slowest, ms);
    if (ms > 1000) failures.push(`seed ${caseSeed}: took ${ms.toFixed(0)} ms`);
    cases++;
  }
  return { cases, slowest, failures, seconds: (performance.now() - started) / 1000 };
}
