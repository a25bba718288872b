// Plain JavaScript values from plist nodes, and small lookups on dicts.

import type { DictEntry, DictNode, PlistNode } from './ast';
import { decodeBase64Text, parseDateText, parseIntegerText, parseRealText } from './valueSyntax';

export type PlistValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | Uint8Array
  | PlistValue[]
  | { [key: string]: PlistValue };

/**
 * Converts a node to a plain value: dict -> object, array -> array, data -> Uint8Array, date -> Date,
 * integer -> number (bigint beyond 2^53), real -> number. Values that do not parse (a bad integer, a
 * bad date) and keys without values are left out, so the result never holds a guess. With duplicate
 * keys the last one wins, as in Apple's reader. Iterative, so deep nesting cannot overflow the stack.
 */
export function toValue(node: PlistNode | undefined): PlistValue | undefined {
  if (!node) return undefined;
  if (node.kind !== 'dict' && node.kind !== 'array') return scalarValue(node.kind, node.text);
  const result: PlistValue = node.kind === 'dict' ? {} : [];
  const work: { node: PlistNode; into: PlistValue }[] = [{ node, into: result }];
  while (work.length > 0) {
    const { node: current, into } = work.pop()!;
    const add = (child: PlistNode, set: (v: PlistValue) => void): void => {
      if (child.kind === 'dict' || child.kind === 'array') {
        const container: PlistValue = child.kind === 'dict' ? {} : [];
        set(container);
        work.push({ node: child, into: container });
      } else {
        const v = scalarValue(child.kind, child.text);
        if (v !== undefined) set(v);
      }
    };
    if (current.kind === 'dict') {
      const obj = into as { [key: string]: PlistValue };
      for (const entry of current.entries) {
        if (!entry.value) continue;
        // defineProperty: a key named `__proto__` must become an own property, not a prototype.
        add(entry.value, (v) => Object.defineProperty(obj, entry.key, { value: v, enumerable: true, writable: true, configurable: true }));
      }
    } else if (current.kind === 'array') {
      const arr = into as PlistValue[];
      for (const item of current.items) add(item, (v) => arr.push(v));
    }
  }
  return result;
}

function scalarValue(kind: PlistNode['kind'], text: string): PlistValue | undefined {
  switch (kind) {
    case 'string':
      return text;
    case 'true':
      return true;
    case 'false':
      return false;
    case 'integer': {
      const r = parseIntegerText(text);
      return r.ok ? r.value : undefined;
    }
    case 'real': {
      const r = parseRealText(text);
      return r.ok ? r.value : undefined;
    }
    case 'date': {
      const r = parseDateText(text);
      return r.ok ? r.value : undefined;
    }
    case 'data':
      return decodeBase64Text(text);
    default:
      return undefined;
  }
}

/** The entry for `key` in a dict (the last one when the key is duplicated, as Apple's reader keeps). */
export function getEntry(dict: DictNode, key: string): DictEntry | undefined {
  const entries = dict.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}

/** The value node for `key` in a dict, if the key is present and has a value. */
export function getValue(dict: DictNode, key: string): PlistNode | undefined {
  return getEntry(dict, key)?.value;
}

/** The text of a <string> value for `key`, or undefined when absent or not a string. */
export function getString(dict: DictNode, key: string): string | undefined {
  const v = getValue(dict, key);
  return v && v.kind === 'string' ? v.text : undefined;
}
