// Quick fixes computed from a problem's code and `data` (shapes documented in validate/codes.ts).
import type { DictNode, PlistDocument, PlistNode } from '../plist/ast';
import type { KeySchema, SchemaType } from '../schema/types';
import type { Edit, Problem } from '../validate/problem';
import { enclosingDict, locate } from '../complete/locate';
import { dictContext, entryOf, payloadKeys, topLevelKeys, type SchemaLookup } from '../complete/schemaContext';
import { escapeXml, indentUnit, keyValueTemplate, lineIndent, TabStops } from '../complete/templates';
import { newUuid } from '../uuid';

export interface QuickFix {
  title: string;
  edits: Edit[];
  /** The one fix an editor may apply without asking (e.g. on "fix all"). */
  preferred: boolean;
}

export function quickFixes(doc: PlistDocument, problem: Problem, schemas: SchemaLookup): QuickFix[] {
  const data = problem.data ?? {};
  const node = nodeAtProblem(doc, problem);
  const out: QuickFix[] = [];
  if (data.fix === 'new-uuid') out.push(...uuidFix(doc, node, problem));
  if (typeof data.suggestion === 'string') out.push(...renameFix(problem, node, data.suggestion));
  if (typeof data.expected === 'string' && node?.kind === 'string') {
    out.push({ title: `Change to "${data.expected}"`, edits: [{ ...node.content, text: escapeXml(data.expected) }], preferred: true });
  }
  if (typeof data.expectedType === 'string') out.push(...wrapFix(doc.text, node, data.expectedType as SchemaType));
  out.push(...clampFix(node, data.range));
  if (Array.isArray(data.missingKeys)) {
    // A missing PayloadUUID is already handled by the new-uuid fix above.
    const keys = data.missingKeys.filter((k): k is string => typeof k === 'string' && !(data.fix === 'new-uuid' && k === 'PayloadUUID'));
    out.push(...addKeysFix(doc, node, keys, schemas, typeof data.payloadType === 'string' ? data.payloadType : undefined));
  }
  if (Array.isArray(data.allowed) && node && node.kind !== 'dict' && node.kind !== 'array') {
    for (const v of data.allowed.slice(0, 8)) {
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      out.push({ title: `Change to ${JSON.stringify(v)}`, edits: [{ ...node.content, text: escapeXml(String(v)) }], preferred: false });
    }
  }
  return out;
}

/** Out of range: move the number to the nearest bound. */
function clampFix(node: PlistNode | undefined, range: unknown): QuickFix[] {
  if (!node || (node.kind !== 'integer' && node.kind !== 'real') || typeof range !== 'object' || range === null) return [];
  const { min, max } = range as { min?: unknown; max?: unknown };
  const value = Number(node.text.trim());
  if (!Number.isFinite(value)) return [];
  const bound = typeof min === 'number' && value < min ? min : typeof max === 'number' && value > max ? max : undefined;
  if (bound === undefined) return [];
  return [{ title: `Change to ${bound}`, edits: [{ ...node.content, text: String(bound) }], preferred: true }];
}

function nodeAtProblem(doc: PlistDocument, p: Problem): PlistNode | undefined {
  return locate(doc.root, p.offset + (p.length > 0 ? 1 : 0)).node;
}

/** Replace a duplicate UUID's text, or add a PayloadUUID to the dict that lacks one. */
function uuidFix(doc: PlistDocument, node: PlistNode | undefined, p: Problem): QuickFix[] {
  if (node && node.kind === 'string') {
    return [{ title: 'Use a fresh PayloadUUID', edits: [{ ...node.content, text: newUuid() }], preferred: true }];
  }
  const dict = enclosingDict(node);
  if (!dict) return [];
  const existing = entryOf(dict, 'PayloadUUID')?.value;
  if (existing?.kind === 'string' && p.code.includes('duplicate')) {
    return [{ title: 'Use a fresh PayloadUUID', edits: [{ ...existing.content, text: newUuid() }], preferred: true }];
  }
  if (existing) return [];
  const schema: KeySchema = { key: 'PayloadUUID', type: 'string', presence: 'required', valuetype: 'uuid' };
  const edit = insertKeys(doc.text, dict, [schema]);
  return edit ? [{ title: 'Add a PayloadUUID', edits: [edit], preferred: true }] : [];
}

/** Did-you-mean: rename an unknown key, or replace an unknown PayloadType value. */
function renameFix(p: Problem, node: PlistNode | undefined, suggestion: string): QuickFix[] {
  if (node?.kind === 'dict') {
    const entry = node.entries.find((e) => p.offset >= e.keySpan.offset && p.offset < e.keySpan.offset + e.keySpan.length);
    // Renaming onto a key the dict already has would only trade this problem for a duplicate key.
    if (entry && node.entries.some((e) => e.key === suggestion)) return [];
    if (entry) return [{ title: `Rename to '${suggestion}'`, edits: [{ ...entry.keyContent, text: escapeXml(suggestion) }], preferred: true }];
  }
  if (node?.kind === 'string') {
    return [{ title: `Change to '${suggestion}'`, edits: [{ ...node.content, text: escapeXml(suggestion) }], preferred: true }];
  }
  return [];
}

/** Rewrite a scalar as the element its key expects, when its text converts cleanly. */
function wrapFix(text: string, node: PlistNode | undefined, expected: SchemaType): QuickFix[] {
  if (!node || node.kind === 'dict' || node.kind === 'array') return [];
  const value = node.kind === 'true' || node.kind === 'false' ? node.kind : node.text.trim();
  const replacement = convert(value, expected);
  if (replacement === undefined) {
    const element = text.slice(node.span.offset, node.span.offset + node.span.length);
    if (expected === 'array') return [replace(node, `<array>${element}</array>`, 'Wrap in <array>')];
    return [];
  }
  return [replace(node, replacement, `Change to ${replacement}`)];
}

function replace(node: PlistNode, text: string, title: string): QuickFix {
  return { title, edits: [{ offset: node.span.offset, length: node.span.length, text }], preferred: true };
}

export function convert(text: string, expected: SchemaType): string | undefined {
  const lower = text.toLowerCase();
  switch (expected) {
    case 'boolean':
      if (['true', 'yes', '1'].includes(lower)) return '<true/>';
      if (['false', 'no', '0'].includes(lower)) return '<false/>';
      return undefined;
    case 'integer':
      if (/^[+-]?\d+$/.test(text)) return `<integer>${text}</integer>`;
      if (/^[+-]?\d+\.0*$/.test(text)) return `<integer>${text.replace(/\.0*$/, '')}</integer>`;
      if (lower === 'true' || lower === 'false') return `<integer>${lower === 'true' ? 1 : 0}</integer>`;
      return undefined;
    case 'real':
      return text !== '' && Number.isFinite(Number(text)) ? `<real>${text}</real>` : undefined;
    case 'string':
      return `<string>${escapeXml(text)}</string>`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) ? `<date>${text}</date>` : undefined;
    default:
      return undefined;
  }
}

/** Adds the missing keys, with placeholder values, before the dict's end tag. */
function addKeysFix(doc: PlistDocument, node: PlistNode | undefined, keys: string[], schemas: SchemaLookup, payloadType: string | undefined): QuickFix[] {
  const dict = enclosingDict(node);
  if (!dict || keys.length === 0) return [];
  const known = schemaKeysFor(dict, schemas, payloadType);
  const missing = keys.filter((k) => !entryOf(dict, k));
  const schemasToAdd = missing.map((k) => known.find((s) => s.key === k) ?? { key: k, type: 'string' as const, presence: 'required' as const });
  const edit = insertKeys(doc.text, dict, schemasToAdd);
  if (!edit) return [];
  const title = missing.length === 1 ? `Add missing key '${missing[0]}'` : `Add ${missing.length} missing keys`;
  return [{ title, edits: [edit], preferred: true }];
}

function schemaKeysFor(dict: DictNode, schemas: SchemaLookup, payloadType: string | undefined): KeySchema[] {
  const ctx = dictContext(dict, schemas);
  if (ctx.keys) return ctx.keys;
  if (ctx.role === 'profile') return topLevelKeys(schemas);
  return payloadKeys(schemas, payloadType) ?? payloadKeys(schemas, undefined) ?? [];
}

/** One edit inserting key/value pairs as the last entries of `dict`, indented like its entries. */
export function insertKeys(text: string, dict: DictNode, keys: KeySchema[]): Edit | undefined {
  if (keys.length === 0) return undefined;
  const unit = indentUnit(text);
  const end = dict.content.offset + dict.content.length;
  const closeIndent = dict.closed ? lineIndent(text, end) : lineIndent(text, dict.span.offset);
  const inner = closeIndent + unit;
  const body = keys.map((k) => inner + keyValueTemplate(k, new TabStops('plain'), inner, unit)).join('\n');
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (dict.closed && /^[ \t]*$/.test(text.slice(lineStart, end)) && lineStart > dict.content.offset) {
    return { offset: lineStart, length: 0, text: `${body}\n` };
  }
  return { offset: end, length: 0, text: `\n${body}\n${closeIndent}` };
}
