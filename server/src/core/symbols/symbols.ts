// Outline: the profile, its payloads (named by display name or type) and each dict's keys.
import type { DictNode, PlistDocument, PlistNode, Span } from '../plist/ast';
import { isPayloadContent, stringValue } from '../complete/schemaContext';

export type OutlineKind = 'profile' | 'payload' | 'key' | 'item';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The valueType of the node (dict, array, string, ...) for icons. */
  valueKind?: PlistNode['kind'];
  span: Span;
  /** What to reveal and highlight (the `<key>` or the payload's start). */
  selection: Span;
  children: OutlineSymbol[];
}

// Deep outlines of huge documents cost more than they help.
const MAX_DEPTH = 6;

export function documentSymbols(doc: PlistDocument): OutlineSymbol[] {
  const root = doc.root;
  if (!root) return [];
  if (root.kind !== 'dict') return [{ name: 'plist', kind: 'item', valueKind: root.kind, span: root.span, selection: startOf(root), children: [] }];
  const name = stringValue(root, 'PayloadDisplayName') || stringValue(root, 'PayloadIdentifier') || 'Profile';
  return [{ name, detail: stringValue(root, 'PayloadIdentifier'), kind: 'profile', valueKind: 'dict', span: root.span, selection: startOf(root), children: dictChildren(root, 1) }];
}

function startOf(node: PlistNode): Span {
  return { offset: node.span.offset, length: Math.min(node.span.length, node.kind.length + 2) };
}

function wholeEntry(keySpan: Span, value: PlistNode | undefined): Span {
  const end = value ? value.span.offset + value.span.length : keySpan.offset + keySpan.length;
  return { offset: keySpan.offset, length: end - keySpan.offset };
}

function dictChildren(dict: DictNode, depth: number): OutlineSymbol[] {
  return dict.entries.map((e) => ({
    name: e.key || '(empty key)',
    detail: e.value ? scalarDetail(e.value) : 'no value',
    kind: 'key' as const,
    valueKind: e.value?.kind,
    span: wholeEntry(e.keySpan, e.value),
    selection: e.keySpan,
    children: e.value ? valueChildren(e.value, depth + 1) : [],
  }));
}

function valueChildren(node: PlistNode, depth: number): OutlineSymbol[] {
  if (depth > MAX_DEPTH) return [];
  if (node.kind === 'dict') return dictChildren(node, depth);
  if (node.kind !== 'array') return [];
  const payloads = isPayloadContent(node);
  return node.items.map((item, i) => {
    if (payloads && item.kind === 'dict') {
      const type = stringValue(item, 'PayloadType');
      return {
        name: stringValue(item, 'PayloadDisplayName') || type || `Payload ${i + 1}`,
        detail: type,
        kind: 'payload' as const,
        valueKind: item.kind,
        span: item.span,
        selection: startOf(item),
        children: dictChildren(item, depth + 1),
      };
    }
    return { name: `[${i}]`, detail: scalarDetail(item), kind: 'item' as const, valueKind: item.kind, span: item.span, selection: startOf(item), children: valueChildren(item, depth + 1) };
  });
}

function scalarDetail(node: PlistNode): string | undefined {
  if (node.kind === 'dict' || node.kind === 'array') return undefined;
  if (node.kind === 'true' || node.kind === 'false') return node.kind;
  const t = node.text.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
