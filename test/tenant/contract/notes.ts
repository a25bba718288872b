// Reading facts out of the shared API notes (markdown) at test time.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sharedMissing, sharedPath } from '../../shared';

/** ../shared/api seen from the repository root (tests run from the root). */
export const NOTES_DIR = sharedPath('api');
/** Stands in for an escaped `\|` while a table row is split on its bars. */
const ESCAPED_BAR = '\u0000';

/** A skip reason when the notes are missing (a failure in CI), else false. */
export const notesMissing = (): string | false => sharedMissing('api/kandji.md') || sharedMissing('api/jumpcloud.md');
export const readNotes = (name: 'kandji.md' | 'jumpcloud.md'): Promise<string> => readFile(resolve(NOTES_DIR, name), 'utf8');

/** The text under a heading such as `## 9.` or `### 8.3`, up to the next heading of the same or a higher level. */
export function section(md: string, number: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(#{2,4}) ${number.replace('.', '\\.')}[ .]`).test(l));
  if (start < 0) throw new Error(`section ${number} not found in the notes`);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#{1,4} /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Rows of the markdown tables in a text, as cell arrays (header and separator rows dropped). */
export function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    rows.push(line.replace(/\\\|/g, ESCAPED_BAR).split('|').slice(1, -1).map((c) => c.split(ESCAPED_BAR).join('|').trim()));
  }
  return rows.slice(1);
}

/** `code` spans of a text. */
export const codeSpans = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Every `METHOD /api/...` the notes mention, as `METHOD /path` with ids and {params} turned into {x}. */
export function endpointsIn(md: string): string[] {
  const out = new Set<string>();
  for (const m of md.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s+(\/api\/[^\s`?)]+)/g)) {
    const path = m[2]!;
    if (path.includes('<') || path.includes('...')) continue; // families covered by their own tables
    out.add(`${m[1]} ${normalisePath(path)}`);
  }
  return [...out];
}

export function normalisePath(path: string): string {
  return path
    .replace(/\/+$/, '')
    .replace(/\{[^}]*\}/g, '{x}')
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/{x}')
    .replace(/\/[0-9a-f]{24}(?=\/|$)/gi, '/{x}')
    .replace(/:[A-Za-z]+/g, '{x}');
}
