// Text for new keys, values and payload skeletons, either as LSP snippets (with tab stops) or plain text.
import type { KeySchema } from '../schema/types';
import { newUuid } from '../uuid';

export type TemplateMode = 'snippet' | 'plain';

/** Numbers tab stops across one snippet. */
export class TabStops {
  private next = 1;
  constructor(readonly mode: TemplateMode) {}
  /** A placeholder with default text (plain mode: the text itself). */
  placeholder(text: string): string {
    return this.mode === 'snippet' ? `\${${this.next++}:${escapeSnippet(text)}}` : text;
  }
  choice(options: string[]): string {
    if (this.mode === 'plain') return options[0] ?? '';
    return `\${${this.next++}|${options.map((o) => o.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  }
  literal(text: string): string {
    return this.mode === 'snippet' ? escapeSnippet(text) : text;
  }
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An example value element for `schema`, in one line when it is a scalar. */
export function valueTemplate(schema: KeySchema | undefined, stops: TabStops, indent: string, unit: string): string {
  const type = schema?.type ?? 'string';
  const first = schema?.rangelist?.[0];
  switch (type) {
    case 'boolean': {
      const def = schema?.default === true ? ['<true/>', '<false/>'] : ['<false/>', '<true/>'];
      return stops.mode === 'snippet' ? stops.choice(def) : def[0]!;
    }
    case 'integer':
    case 'real': {
      const options = (schema?.rangelist ?? []).map(String);
      const guess = String(schema?.default ?? first ?? schema?.range?.min ?? 0);
      const inner = options.length > 1 ? stops.choice(options) : stops.placeholder(guess);
      return `<${type}>${inner}</${type}>`;
    }
    case 'date':
      return `<date>${stops.placeholder('2030-01-01T00:00:00Z')}</date>`;
    case 'data':
      return `<data>${stops.placeholder('')}</data>`;
    case 'array':
      return `<array>\n${indent}${unit}${stops.placeholder('')}\n${indent}</array>`;
    case 'dictionary':
      return `<dict>\n${indent}${unit}${stops.placeholder('')}\n${indent}</dict>`;
    default: {
      if (schema?.valuetype === 'uuid' || schema?.key === 'PayloadUUID') return `<string>${stops.literal(newUuid())}</string>`;
      const options = (schema?.rangelist ?? []).map((v) => escapeXml(String(v)));
      if (options.length > 1) return `<string>${stops.choice(options)}</string>`;
      const guess = schema?.default !== undefined ? String(schema.default) : options[0] ?? '';
      return `<string>${stops.placeholder(escapeXml(guess))}</string>`;
    }
  }
}

/** `<key>K</key>` followed by a value element on the next line. */
export function keyValueTemplate(schema: KeySchema, stops: TabStops, indent: string, unit: string): string {
  return `<key>${stops.literal(escapeXml(schema.key))}</key>\n${indent}${valueTemplate(schema, stops, indent, unit)}`;
}

/** A whole payload dict: common keys, then the schema's required keys, with a fresh UUID. */
export function payloadSkeleton(
  payloadType: string,
  title: string | undefined,
  requiredKeys: KeySchema[],
  stops: TabStops,
  indent: string,
  unit: string,
  identifierPrefix: string,
): string {
  const inner = indent + unit;
  const uuid = newUuid();
  const lines = [
    `<key>PayloadDisplayName</key>`,
    `<string>${stops.placeholder(escapeXml(title ?? payloadType))}</string>`,
    `<key>PayloadIdentifier</key>`,
    `<string>${stops.placeholder(`${identifierPrefix}.${escapeXml(payloadType)}.${uuid}`)}</string>`,
    `<key>PayloadType</key>`,
    `<string>${stops.literal(escapeXml(payloadType))}</string>`,
    `<key>PayloadUUID</key>`,
    `<string>${stops.literal(uuid)}</string>`,
    `<key>PayloadVersion</key>`,
    `<integer>1</integer>`,
  ];
  const common = new Set(['PayloadDisplayName', 'PayloadIdentifier', 'PayloadType', 'PayloadUUID', 'PayloadVersion']);
  for (const k of requiredKeys) {
    if (common.has(k.key)) continue;
    lines.push(keyValueTemplate(k, stops, inner, unit));
  }
  return `<dict>\n${lines.map((l) => inner + l).join('\n')}\n${indent}</dict>`;
}

/** A complete new profile with one empty PayloadContent array. */
export function newProfileTemplate(stops: TabStops, unit: string): string {
  const uuid = newUuid();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `${unit}<key>PayloadContent</key>`,
    `${unit}<array>`,
    `${unit}${unit}${stops.placeholder('')}`,
    `${unit}</array>`,
    `${unit}<key>PayloadDisplayName</key>`,
    `${unit}<string>${stops.placeholder('My Profile')}</string>`,
    `${unit}<key>PayloadIdentifier</key>`,
    `${unit}<string>${stops.placeholder('com.example.profile')}</string>`,
    `${unit}<key>PayloadType</key>`,
    `${unit}<string>Configuration</string>`,
    `${unit}<key>PayloadUUID</key>`,
    `${unit}<string>${stops.literal(uuid)}</string>`,
    `${unit}<key>PayloadVersion</key>`,
    `${unit}<integer>1</integer>`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

/** The indentation unit used by the document: a tab unless lines are indented with spaces. */
export function indentUnit(text: string): string {
  const m = /\n( +|\t)</.exec(text.length > 20000 ? text.slice(0, 20000) : text);
  if (!m) return '\t';
  const ws = m[1]!;
  return ws === '\t' ? '\t' : ' '.repeat(Math.min(ws.length, 8));
}

/** Leading whitespace of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, Math.min(end, Math.max(offset, start)));
}
