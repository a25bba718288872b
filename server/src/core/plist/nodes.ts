// The parser's node objects. They implement the ast.ts interfaces, but keep offsets as plain
// number fields and build the `span`/`content`/`keySpan`/`keyContent` objects on access: a 10 MB
// profile has about a million elements, and three retained objects per element instead of one made
// garbage collection the largest cost of a parse. Spans read from a node are fresh copies.

import type { ArrayNode, DictEntry, DictNode, PlistKind, ScalarNode, Span } from './ast';

abstract class ElementBase {
  parent: DictNode | ArrayNode | undefined = undefined;
  closed = true;
  /** Offsets: `<` of the start tag, end of the start tag, start of the end tag, end of the element. */
  spanStart: number;
  contentStart: number;
  contentEnd: number;
  spanEnd: number;

  constructor(start: number, tagEnd: number) {
    this.spanStart = start;
    this.contentStart = tagEnd;
    this.contentEnd = tagEnd;
    this.spanEnd = tagEnd;
  }

  get span(): Span {
    return { offset: this.spanStart, length: this.spanEnd - this.spanStart };
  }

  get content(): Span {
    return { offset: this.contentStart, length: this.contentEnd - this.contentStart };
  }
}

export class ParsedDict extends ElementBase implements DictNode {
  readonly kind = 'dict' as const;
  entries: DictEntry[] = [];
}

export class ParsedArray extends ElementBase implements ArrayNode {
  readonly kind = 'array' as const;
  items: (ParsedDict | ParsedArray | ParsedScalar)[] = [];
}

export class ParsedScalar extends ElementBase implements ScalarNode {
  kind: ScalarNode['kind'];
  text = '';
  constructor(kind: ScalarNode['kind'], start: number, tagEnd: number) {
    super(start, tagEnd);
    this.kind = kind;
  }
}

export type ParsedNode = ParsedDict | ParsedArray | ParsedScalar;

export function createNode(kind: PlistKind, start: number, tagEnd: number): ParsedNode {
  if (kind === 'dict') return new ParsedDict(start, tagEnd);
  if (kind === 'array') return new ParsedArray(start, tagEnd);
  return new ParsedScalar(kind, start, tagEnd);
}

export class ParsedEntry implements DictEntry {
  key: string;
  value: ParsedNode | undefined = undefined;
  keyStart: number;
  keyContentStart: number;
  keyContentEnd: number;
  keyEnd: number;

  constructor(key: string, keyStart: number, keyContentStart: number, keyContentEnd: number, keyEnd: number) {
    this.key = key;
    this.keyStart = keyStart;
    this.keyContentStart = keyContentStart;
    this.keyContentEnd = keyContentEnd;
    this.keyEnd = keyEnd;
  }

  get keySpan(): Span {
    return { offset: this.keyStart, length: this.keyEnd - this.keyStart };
  }

  get keyContent(): Span {
    return { offset: this.keyContentStart, length: this.keyContentEnd - this.keyContentStart };
  }
}
