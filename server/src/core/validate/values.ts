// Checks one value against its key schema: plist type, allowed values, range, format; then
// recurses into dictionaries and arrays.

import type { PlistKind, PlistNode, ScalarNode, Span } from '../plist/ast';
import type { KeySchema, SchemaType } from '../schema/types';
import { ValidationCodes as C } from './codes';
import type { ValidationContext } from './context';
import { allowedByGap } from './dataGaps';
import { checkDict, checkNested, hasShape, shapeOf } from './keys';

const elementName: Record<SchemaType, string> = {
  string: '<string>', integer: '<integer>', real: '<real>', boolean: '<true/> or <false/>', date: '<date>',
  data: '<data>', array: '<array>', dictionary: '<dict>', any: 'any value',
};

const kindName = (kind: PlistKind): string => (kind === 'true' || kind === 'false' ? `<${kind}/>` : `<${kind}>`);

/** `<string>yes</string>` for short scalars, else just the element name. */
function describe(node: PlistNode): string {
  if (node.kind === 'dict' || node.kind === 'array' || node.kind === 'true' || node.kind === 'false') return kindName(node.kind);
  const text = node.text.trim();
  return text.length > 0 && text.length <= 40 && !text.includes('\n') ? `<${node.kind}>${text}</${node.kind}>` : kindName(node.kind);
}

export function typeMatches(schema: KeySchema, kind: PlistKind): boolean {
  return [schema.type, ...(schema.alsoAccepts ?? [])].some((t) => kindFits(t, schema, kind));
}

function kindFits(type: SchemaType, schema: KeySchema, kind: PlistKind): boolean {
  switch (type) {
    case 'any': return true;
    case 'string': return kind === 'string' || (kind === 'date' && /date/i.test(schema.valuetype ?? ''));
    case 'integer': return kind === 'integer';
    // Number-valued preferences read an <integer> as a real just as well.
    case 'real': return kind === 'real' || kind === 'integer';
    case 'boolean': return kind === 'true' || kind === 'false';
    case 'date': return kind === 'date';
    case 'data': return kind === 'data';
    case 'array': return kind === 'array';
    case 'dictionary': return kind === 'dict';
    default: return true;
  }
}

/** `label` names the value in messages, e.g. "`Services` › `Camera` item 1". */
export function checkValue(ctx: ValidationContext, node: PlistNode, schema: KeySchema, label: string): void {
  if (!typeMatches(schema, node.kind)) {
    if (schema.type === 'boolean' && node.kind === 'integer' && /^\s*[01]\s*$/.test(node.text)) {
      // Preference readers take 0/1 for booleans and published profiles (PPPC among them) rely on it.
      ctx.report.add(C.integerAsBoolean, node.span, `${label} is <integer>${node.text.trim()}</integer>; write <${node.text.trim() === '1' ? 'true' : 'false'}/>`, {
        data: { expectedType: 'boolean', key: schema.key },
      });
      return;
    }
    if (schema.fromManifest && node.kind === 'string' && (schema.type === 'integer' || schema.type === 'real') && numericText(node.text, schema.type)) {
      // Apps read numbers through CFPreferences, which converts a numeric string (deployed Office profiles rely on it).
      ctx.report.add(C.numericString, node.span, `${label} is ${describe(node)}; the app likely converts it, but ${elementName[schema.type]} is the plist form`, {
        data: { expectedType: schema.type, key: schema.key },
      });
      return;
    }
    ctx.report.add(C.wrongType, node.span, `${label} is ${describe(node)}; expected ${elementName[schema.type]}`, {
      data: { expectedType: schema.type, key: schema.key },
    });
    return;
  }
  if (node.kind === 'dict') {
    const shape = shapeOf(schema, !ctx.payloadFromManifest);
    if (hasShape(shape)) checkDict(ctx, node, shape, label);
    return;
  }
  if (node.kind === 'array') {
    checkArray(ctx, node.items, schema, label);
    return;
  }
  checkScalar(ctx, node, schema, label, schema.rangelist);
}

function checkArray(ctx: ValidationContext, items: PlistNode[], schema: KeySchema, label: string): void {
  const elements = schema.subkeys ?? [];
  items.forEach((item, i) => {
    const itemLabel = `${label} item ${i + 1}`;
    const element = elements.find((e) => typeMatches(e, item.kind)) ?? elements[0];
    if (element) {
      checkNested(ctx, () => checkValue(ctx, item, { ...element, rangelist: element.rangelist ?? schema.rangelist }, itemLabel));
    } else if (schema.rangelist && item.kind !== 'dict' && item.kind !== 'array') {
      // Apple lists the allowed element values on the array key itself.
      checkScalar(ctx, item, { key: schema.key, type: 'any', presence: 'optional', fromManifest: schema.fromManifest }, itemLabel, schema.rangelist);
    }
  });
}

function checkScalar(ctx: ValidationContext, node: ScalarNode, schema: KeySchema, label: string, allowed: KeySchema['rangelist']): void {
  const value = scalarValue(node);
  if (value === undefined) return; // malformed number text: the parser reports it
  const where: Span = node.content.length > 0 ? node.content : node.span;
  const listTrusted = !(ctx.rootListsUnreliable && ctx.depth <= 1) && !allowedByGap(ctx.payloadType, value);
  if (listTrusted && allowed && allowed.length > 0 && !allowed.some((a) => sameValue(a, value))) {
    const sameLetters = typeof value === 'string' ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === value.toLowerCase()) : undefined;
    if (sameLetters !== undefined) {
      ctx.report.add(C.caseMismatch, where, `${label} is ${show(value)}; the allowed value is ${show(sameLetters)} (letter case differs)`, {
        data: { allowed, suggestion: sameLetters },
      });
    } else {
      const code = schema.fromManifest ? C.unlistedValue : C.notAllowed;
      const tail = schema.fromManifest ? ' (the manifest lists these; the app may accept others)' : '';
      ctx.report.add(code, where, `${label} is ${show(value)}; expected one of ${allowed.map(String).join(', ')}${tail}`, { data: { allowed } });
    }
    return;
  }
  if (typeof value === 'number' && schema.range) {
    const { min, max } = schema.range;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const bounds = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      ctx.report.add(C.outOfRange, where, `${label} is ${value}; it must be ${bounds}`, { data: { range: schema.range } });
    }
  }
  if (typeof value === 'string' && schema.format) {
    const re = compile(schema.format);
    if (re && !re.test(value)) {
      ctx.report.add(C.formatMismatch, where, `${label} is ${show(value)}, which does not match the expected format ${schema.format}`, {
        data: { format: schema.format },
      });
    }
  }
}

const numericText = (text: string, type: 'integer' | 'real'): boolean =>
  type === 'integer' ? /^\s*[+-]?\d+\s*$/.test(text) : text.trim() !== '' && !Number.isNaN(Number(text.trim()));

export function scalarValue(node: ScalarNode): string | number | boolean | undefined {
  switch (node.kind) {
    case 'true': return true;
    case 'false': return false;
    case 'integer': {
      const t = node.text.trim();
      return /^[+-]?(\d+|0x[0-9a-f]+)$/i.test(t) ? Number(t.replace(/^\+/, '')) : undefined;
    }
    case 'real': {
      const n = Number(node.text.trim());
      return node.text.trim() !== '' && !Number.isNaN(n) ? n : undefined;
    }
    default: return node.text;
  }
}

function sameValue(allowed: string | number | boolean, value: string | number | boolean): boolean {
  if (typeof allowed === typeof value) return allowed === value;
  // The data sometimes lists numbers as strings and the reverse.
  return String(allowed) === String(value);
}

const show = (v: string | number | boolean): string => (typeof v === 'string' ? `"${v}"` : String(v));

const regexCache = new Map<string, RegExp | null>();
function compile(format: string): RegExp | null {
  let re = regexCache.get(format);
  if (re === undefined) {
    try {
      re = new RegExp(format);
    } catch {
      re = null; // a pattern JavaScript cannot read is skipped rather than reported
    }
    regexCache.set(format, re);
  }
  return re;
}
