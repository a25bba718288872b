// Small AST lookups the rules share.

import type { DictEntry, DictNode, PlistNode, ScalarNode } from '../plist/ast';

/** The entry for `key` (the last one when a key repeats: later values win when a plist loads). */
export function entryOf(dict: DictNode, key: string): DictEntry | undefined {
  for (let i = dict.entries.length - 1; i >= 0; i--) if (dict.entries[i]!.key === key) return dict.entries[i];
  return undefined;
}

export function stringValue(node: PlistNode | undefined): ScalarNode | undefined {
  return node && node.kind === 'string' ? node : undefined;
}
