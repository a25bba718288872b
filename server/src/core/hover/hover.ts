// Hover text for keys and values: what the key is, which values it takes and where it works.
import type { DictNode, PlistDocument, PlistNode, Span } from '../plist/ast';
import type { KeySchema, PayloadSchema, SupportedOS } from '../schema/types';
import { locate } from '../complete/locate';
import { dictContext, entryHolding, keySchemaOfEntry, keySchemaOfNode, type SchemaLookup } from '../complete/schemaContext';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  offset: number;
  length: number;
}

export function hover(doc: PlistDocument, offset: number, schemas: SchemaLookup): HoverResult | undefined {
  const { node, keyEntry } = locate(doc.root, offset);
  if (!node) return undefined;
  if (keyEntry && node.kind === 'dict') {
    const ctx = dictContext(node, schemas);
    const schema = keySchemaOfEntry(node, keyEntry.key, schemas);
    const contents = schema ? describeKey(schema, ctx.payloadSchema) : unknownKeyText(keyEntry.key, ctx.role, ctx.payloadType);
    return contents ? at(keyEntry.keySpan, contents) : undefined;
  }
  if (node.kind === 'dict' || node.kind === 'array') return undefined;
  return hoverValue(node, schemas);
}

function at(span: Span, contents: string): HoverResult {
  return { contents, offset: span.offset, length: span.length };
}

function hoverValue(node: PlistNode, schemas: SchemaLookup): HoverResult | undefined {
  const entry = entryHolding(node);
  const dict = node.parent?.kind === 'dict' ? (node.parent as DictNode) : undefined;
  if (entry?.key === 'PayloadType' && dict) {
    const role = dictContext(dict, schemas).role;
    if (role === 'payload' && node.kind === 'string') {
      const type = node.text.trim();
      const schema = schemas.payload(type);
      return at(node.span, schema ? describePayload(schema) : `**${code(type)}**\n\nNo schema describes this payload type; its keys are not checked.`);
    }
  }
  const schema = keySchemaOfNode(node, schemas);
  if (!schema) return undefined;
  return at(node.span, describeKey(schema, undefined));
}

function unknownKeyText(key: string, role: string, payloadType: string | undefined): string | undefined {
  if (role === 'nested') return undefined;
  const where = role === 'profile' ? 'the profile level' : `payloads of type ${code(payloadType ?? 'unknown')}`;
  return `**${code(key)}**\n\nNot a key the schema lists for ${where}.`;
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

function formatValue(v: string | number | boolean): string {
  return code(String(v));
}

export function describeKey(k: KeySchema, payload: PayloadSchema | undefined): string {
  const lines: string[] = [];
  lines.push(`**${k.title ?? k.key}**${k.title && k.title !== k.key ? ` (${code(k.key)})` : ''}`);
  if (k.description) lines.push('', k.description);
  lines.push('', `- Type: ${k.type}${k.valuetype ? ` (${k.valuetype})` : ''}${k.presence === 'required' ? ', required' : ', optional'}`);
  if (k.rangelist?.length) lines.push(`- Allowed: ${k.rangelist.slice(0, 30).map(formatValue).join(', ')}${k.rangelist.length > 30 ? ', …' : ''}`);
  if (k.range && (k.range.min !== undefined || k.range.max !== undefined)) {
    lines.push(`- Range: ${k.range.min ?? '−∞'} … ${k.range.max ?? '∞'}`);
  }
  if (k.default !== undefined) lines.push(`- Default: ${formatValue(k.default)}`);
  if (k.format) lines.push(`- Pattern: ${code(k.format)}`);
  const os = k.supportedOS ?? payload?.supportedOS;
  if (os) lines.push(...platformLines(os));
  return lines.join('\n');
}

export function describePayload(p: PayloadSchema): string {
  const lines = [`**${p.title}** (${code(p.payloadType)})`];
  if (p.description) lines.push('', p.description);
  lines.push('', ...platformLines(p.supportedOS));
  const required = p.keys.filter((k) => k.presence === 'required').map((k) => code(k.key));
  if (required.length) lines.push(`- Required keys: ${required.join(', ')}`);
  return lines.join('\n');
}

function platformLines(os: SupportedOS): string[] {
  const entries = Object.entries(os).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return [];
  const out = ['- Platforms:'];
  for (const [platform, s] of entries) {
    const parts: string[] = [];
    if (s!.introduced) parts.push(s!.introduced === 'n/a' ? 'not available' : `since ${s!.introduced}`);
    if (s!.deprecated) parts.push(`deprecated in ${s!.deprecated}`);
    if (s!.removed) parts.push(`removed in ${s!.removed}`);
    if (s!.supervised) parts.push('supervised only');
    out.push(`  - ${platform}${parts.length ? `: ${parts.join(', ')}` : ''}`);
  }
  return out;
}
