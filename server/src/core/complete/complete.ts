// Completion at an offset: keys for the enclosing dict, values for the key being edited, payload
// skeletons in PayloadContent, element names after `<`, and a whole new profile in an empty document.
import type { ArrayNode, DictNode, PlistDocument } from '../plist/ast';
import type { KeySchema } from '../schema/types';
import type { Edit } from '../validate/problem';
import { enclosingDict, entryBefore, locate } from './locate';
import {
  dictContext,
  entryHolding,
  isPayloadContent,
  keySchemaOfEntry,
  keySchemaOfNode,
  payloadKeys,
  stringValue,
  type SchemaLookup,
} from './schemaContext';
import {
  escapeXml,
  indentUnit,
  keyValueTemplate,
  lineIndent,
  newProfileTemplate,
  payloadSkeleton,
  TabStops,
  valueTemplate,
} from './templates';
import type { CompletionEntry } from './types';

const WINDOW = 400;
// Pseudo payload types in the schema index that describe the profile itself, not a payload.
const notPayloads = new Set(['TopLevel', 'CommonPayloadKeys']);

interface CompletionContext {
  doc: PlistDocument;
  text: string;
  offset: number;
  schemas: SchemaLookup;
  unit: string;
}

export function complete(doc: PlistDocument, offset: number, schemas: SchemaLookup): CompletionEntry[] {
  const text = doc.text;
  if (offset < 0 || offset > text.length) return [];
  const ctx: CompletionContext = { doc, text, offset, schemas, unit: indentUnit(text) };
  if (text.trim() === '') return [newProfile(ctx)];
  const before = text.slice(Math.max(0, offset - WINDOW), offset);

  const tag = /<(\/?[A-Za-z]*)$/.exec(before);
  if (tag) return elementNames(ctx, offset - tag[0].length);

  const inKey = /<key>([^<>]*)$/.exec(before);
  if (inKey) return keyNames(ctx, offset - inKey[1]!.length);

  const inValue = /<(string|integer|real)>([^<>]*)$/.exec(before);
  if (inValue) return scalarValues(ctx, offset - inValue[2]!.length, before.slice(0, before.length - inValue[0].length));

  const located = locate(doc.root, offset);
  const node = located.node;
  if (!node || located.keyEntry) return [];
  if (node.kind === 'array') return arrayItems(ctx, node, wordStart(text, offset));
  if (node.kind !== 'dict') return [];
  const entry = entryBefore(node, offset);
  const afterKey = entry ? entry.keySpan.offset + entry.keySpan.length : -1;
  const valueMissing = entry && (!entry.value || entry.value.span.offset >= offset) && /^\s*$/.test(text.slice(afterKey, offset));
  if (entry && valueMissing) return valueElements(ctx, keySchemaOfEntry(node, entry.key, schemas), offset, offset);
  return keyEntries(ctx, node, wordStart(text, offset), offset);
}

function wordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_.-]/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[A-Za-z0-9_.-]/.test(text[i]!)) i++;
  return i;
}

function newProfile(ctx: CompletionContext): CompletionEntry {
  return {
    label: 'New configuration profile',
    kind: 'profile',
    detail: 'XML plist with an empty PayloadContent',
    edit: { offset: 0, length: ctx.text.length, text: newProfileTemplate(new TabStops('snippet'), ctx.unit) },
    snippet: true,
    filterText: ctx.text.trim(),
  };
}

function keysFor(ctx: CompletionContext, dict: DictNode): KeySchema[] {
  const dc = dictContext(dict, ctx.schemas);
  if (dc.keys) return dc.keys;
  return dc.role === 'payload' ? (payloadKeys(ctx.schemas, undefined) ?? []) : [];
}

function typeLabel(k: KeySchema): string {
  return `${k.type}${k.presence === 'required' ? ', required' : ''}${k.title ? ` · ${k.title}` : ''}`;
}

/** A key offered by name; required keys sort first. */
function keyEntry(k: KeySchema, edit: Edit, snippet: boolean): CompletionEntry {
  return {
    label: k.key,
    kind: 'key',
    detail: typeLabel(k),
    documentation: k.description,
    edit,
    snippet,
    sortText: `${k.presence === 'required' ? '0' : '1'}${k.key}`,
  };
}

/** `<key>K</key>` plus a value element for each key the dict lacks, required ones first. */
function keyEntries(ctx: CompletionContext, dict: DictNode, from: number, to: number): CompletionEntry[] {
  const present = new Set(dict.entries.map((e) => e.key));
  const indent = lineIndent(ctx.text, from);
  return keysFor(ctx, dict)
    .filter((k) => !present.has(k.key))
    .map((k) => ({
      ...keyEntry(k, { offset: from, length: to - from, text: keyValueTemplate(k, new TabStops('snippet'), indent, ctx.unit) }, true),
      filterText: k.key,
    }));
}

/**
 * Inside `<key>…</key>`: key names only (the value, if any, is already there). When the `<key>` has no
 * end tag yet, the entry also closes it and, if no value follows, adds the value element for the key.
 */
function keyNames(ctx: CompletionContext, from: number): CompletionEntry[] {
  const to = contentEnd(ctx.text, from);
  const dict = enclosingDict(locate(ctx.doc.root, from).node);
  if (!dict) return [];
  const current = ctx.text.slice(from, to).trimEnd();
  const present = new Set(dict.entries.map((e) => e.key).filter((k) => k !== current));
  const unclosed = !hasKeyEndTag(ctx.text, from);
  const entry = unclosed ? dict.entries.find((e) => e.keyContent.offset === from) : undefined;
  const needsValue = unclosed && !entry?.value;
  const indent = lineIndent(ctx.text, from);
  return keysFor(ctx, dict)
    .filter((k) => !present.has(k.key))
    .map((k) => {
      if (!unclosed) return keyEntry(k, { offset: from, length: to - from, text: escapeXml(k.key) }, false);
      if (!needsValue) return keyEntry(k, { offset: from, length: to - from, text: `${escapeXml(k.key)}</key>` }, false);
      const stops = new TabStops('snippet');
      const text = `${stops.literal(escapeXml(k.key))}</key>\n${indent}${valueTemplate(k, stops, indent, ctx.unit)}`;
      return { ...keyEntry(k, { offset: from, length: to - from, text }, true), filterText: k.key };
    });
}

/** Whether the key text starting at `from` is followed by its `</key>` (the next tag closes it). */
function hasKeyEndTag(text: string, from: number): boolean {
  const lt = text.indexOf('<', from);
  return lt >= 0 && /^<\/key(?![A-Za-z0-9_.:-])/.test(text.slice(lt, lt + 12));
}

/** End of element text content: the next `<` (or the end of the line for unfinished text). */
function contentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '<' && text[i] !== '\n') i++;
  return i;
}

/** Inside `<string>…</string>` (or integer/real): allowed values, payload types, booleans-as-text never. */
function scalarValues(ctx: CompletionContext, from: number, beforeTag: string): CompletionEntry[] {
  const to = contentEnd(ctx.text, from);
  const located = locate(ctx.doc.root, from);
  const node = located.node;
  let schema: KeySchema | undefined;
  let key: string | undefined;
  let dict: DictNode | undefined;
  if (node && node.kind !== 'dict' && node.kind !== 'array') {
    schema = keySchemaOfNode(node, ctx.schemas);
    key = entryHolding(node)?.key;
    dict = node.parent?.kind === 'dict' ? node.parent : undefined;
  } else {
    // The parser could not close the element: read the key from the text instead.
    key = /<key>([^<>]*)<\/key>\s*$/.exec(beforeTag)?.[1];
    dict = enclosingDict(node);
    if (dict && key !== undefined) schema = keySchemaOfEntry(dict, key, ctx.schemas);
  }
  if (key === 'PayloadType' && dict) {
    const role = dictContext(dict, ctx.schemas).role;
    if (role === 'payload') return payloadTypeValues(ctx, dict, from, to);
  }
  return (schema?.rangelist ?? []).map((v, i) => ({
    label: String(v),
    kind: 'value',
    detail: schema?.title,
    edit: { offset: from, length: to - from, text: escapeXml(String(v)) },
    snippet: false,
    sortText: String(i).padStart(4, '0'),
  }));
}

/** The profile's identifier, which payload identifiers conventionally extend. */
function identifierPrefix(ctx: CompletionContext): string {
  const root = ctx.doc.root;
  return (root?.kind === 'dict' ? stringValue(root, 'PayloadIdentifier') : undefined) || 'com.example';
}

function payloadTypes(ctx: CompletionContext) {
  return ctx.schemas.payloadTypes().filter((e) => !notPayloads.has(e.payloadType));
}

/** Payload type names; choosing one also adds the keys that type requires and the dict lacks. */
function payloadTypeValues(ctx: CompletionContext, dict: DictNode, from: number, to: number): CompletionEntry[] {
  const present = new Set(dict.entries.map((e) => e.key));
  const closeIndent = lineIndent(ctx.text, dict.content.offset + dict.content.length);
  const insertAt = dict.content.offset + dict.content.length;
  const closeLineStart = ctx.text.lastIndexOf('\n', insertAt - 1) + 1;
  const closeOnOwnLine = /^\s*$/.test(ctx.text.slice(closeLineStart, insertAt));
  return payloadTypes(ctx).map((entry) => {
    const required = (payloadKeys(ctx.schemas, entry.payloadType) ?? []).filter(
      (k) => k.presence === 'required' && !k.alternatives?.length && !present.has(k.key) && k.key !== 'PayloadType',
    );
    const additionalEdits: Edit[] = [];
    if (required.length > 0 && dict.closed) {
      const inner = closeIndent + ctx.unit;
      const filled = required.map((k) => (k.key === 'PayloadIdentifier' ? { ...k, default: `${identifierPrefix(ctx)}.${entry.payloadType}` } : k));
      const body = filled.map((k) => inner + keyValueTemplate(k, new TabStops('plain'), inner, ctx.unit)).join('\n');
      additionalEdits.push(
        closeOnOwnLine
          ? { offset: closeLineStart, length: 0, text: `${body}\n` }
          : { offset: insertAt, length: 0, text: `\n${body}\n${closeIndent}` },
      );
    }
    return {
      label: entry.payloadType,
      kind: 'payload',
      detail: entry.title,
      edit: { offset: from, length: to - from, text: escapeXml(entry.payloadType) },
      snippet: false,
      additionalEdits,
    };
  });
}

/** After `<key>K</key>` with no value yet: the value elements that fit K. */
function valueElements(ctx: CompletionContext, schema: KeySchema | undefined, from: number, to: number): CompletionEntry[] {
  const indent = lineIndent(ctx.text, from);
  const edit = (text: string) => ({ offset: from, length: to - from, text });
  if (schema?.type === 'boolean') {
    return ['true', 'false'].map((b) => ({ label: `<${b}/>`, kind: 'value', edit: edit(`<${b}/>`), snippet: false, filterText: b }));
  }
  const values = schema?.rangelist ?? [];
  if (values.length > 0 && (schema?.type === 'string' || schema?.type === 'integer' || schema?.type === 'real')) {
    return values.map((v, i) => ({
      label: String(v),
      kind: 'value',
      detail: schema.type,
      edit: edit(`<${schema.type}>${escapeXml(String(v))}</${schema.type}>`),
      snippet: false,
      sortText: String(i).padStart(4, '0'),
    }));
  }
  return [
    {
      label: `<${schema?.type === 'dictionary' ? 'dict' : (schema?.type ?? 'string')}>`,
      kind: 'value',
      detail: schema ? `value for ${schema.key}` : undefined,
      edit: edit(valueTemplate(schema, new TabStops('snippet'), indent, ctx.unit)),
      snippet: true,
    },
  ];
}

/** Inside an array: payload skeletons in PayloadContent, else items shaped like the element schema. */
function arrayItems(ctx: CompletionContext, arr: ArrayNode, from: number): CompletionEntry[] {
  const indent = lineIndent(ctx.text, from);
  const to = ctx.offset;
  if (isPayloadContent(arr)) {
    const prefix = identifierPrefix(ctx);
    return payloadTypes(ctx).map((entry) => {
      const required = (payloadKeys(ctx.schemas, entry.payloadType) ?? []).filter((k) => k.presence === 'required' && !k.alternatives?.length);
      return {
        label: entry.payloadType,
        kind: 'payload',
        detail: entry.title,
        documentation: `Inserts a ${entry.title} payload with its required keys and a fresh PayloadUUID.`,
        edit: { offset: from, length: to - from, text: payloadSkeleton(entry.payloadType, entry.title, required, new TabStops('snippet'), indent, ctx.unit, prefix) },
        snippet: true,
        filterText: entry.payloadType,
      };
    });
  }
  const element = keySchemaOfNode(arr, ctx.schemas)?.subkeys?.[0];
  if (element?.type === 'dictionary') {
    const inner = indent + ctx.unit;
    const stops = new TabStops('snippet');
    const required = (element.subkeys ?? []).filter((k) => k.presence === 'required' && !k.alternatives?.length);
    const body = required.length > 0 ? required.map((k) => inner + keyValueTemplate(k, stops, inner, ctx.unit)).join('\n') : inner + '$0';
    return [{ label: '<dict>', kind: 'value', detail: element.title ?? 'array item', edit: { offset: from, length: to - from, text: `<dict>\n${body}\n${indent}</dict>` }, snippet: true }];
  }
  return valueElements(ctx, element, from, to);
}

const elements: { name: string; body: string }[] = [
  { name: 'key', body: '<key>$1</key>' },
  { name: 'string', body: '<string>$1</string>' },
  { name: 'integer', body: '<integer>${1:0}</integer>' },
  { name: 'real', body: '<real>${1:0.0}</real>' },
  { name: 'true', body: '<true/>' },
  { name: 'false', body: '<false/>' },
  { name: 'date', body: '<date>${1:2030-01-01T00:00:00Z}</date>' },
  { name: 'data', body: '<data>$1</data>' },
  { name: 'dict', body: '<dict>\n\t$0\n</dict>' },
  { name: 'array', body: '<array>\n\t$0\n</array>' },
];

/** After `<`: element names, plus full key entries when a key belongs here. */
function elementNames(ctx: CompletionContext, lt: number): CompletionEntry[] {
  const partial = ctx.text.slice(lt + 1, ctx.offset);
  if (partial.startsWith('/')) return [];
  let end = wordEnd(ctx.text, ctx.offset);
  if (ctx.text.startsWith('/>', end)) end += 2;
  else if (ctx.text[end] === '>') end += 1;
  const indent = lineIndent(ctx.text, lt);
  const node = locate(ctx.doc.root, lt).node;
  const base: CompletionEntry[] = elements.map((e) => ({
    label: e.name,
    kind: 'element',
    edit: { offset: lt, length: end - lt, text: e.body.replace(/\n/g, `\n${indent}`).replace(/\t/g, ctx.unit) },
    snippet: true,
    filterText: `<${e.name}`,
    sortText: `2${e.name}`,
  }));
  if (node?.kind === 'dict') {
    const entry = entryBefore(node, lt);
    const valueSlot = entry && (!entry.value || entry.value.span.offset >= lt) && /^\s*$/.test(ctx.text.slice(entry.keySpan.offset + entry.keySpan.length, lt));
    const extra = valueSlot
      ? valueElements(ctx, keySchemaOfEntry(node, entry.key, ctx.schemas), lt, end)
      : keyEntries(ctx, node, lt, end);
    return [...extra.map((e) => ({ ...e, filterText: `<${e.filterText ?? e.label}` })), ...base];
  }
  if (node?.kind === 'array') {
    const items = arrayItems({ ...ctx, offset: end }, node, lt);
    return [...items.map((e) => ({ ...e, filterText: `<${e.filterText ?? e.label}` })), ...base];
  }
  return base;
}
