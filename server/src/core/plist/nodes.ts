// The parser's node objects. They implement the ast.ts interfaces, but keep offsets as plain
// number fields and build the `span`/`content`/`keySpan`/`keyContent` objects, and the text of
// values and keys that need no decoding, on access: a 10 MB profile has about a million elements,
// and retaining five objects per dict entry instead of two made garbage collection the largest
// cost of a parse. Spans read from a node are fresh copies.

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
  entries: ParsedEntry[] = [];
}

export class ParsedArray extends ElementBase implements ArrayNode {
  readonly kind = 'array' as const;
  items: (ParsedDict | ParsedArray | ParsedScalar)[] = [];
}

export class ParsedScalar extends ElementBase implements ScalarNode {
  kind: ScalarNode['kind'];
  /** The text when it differs from the raw content (entities, CDATA, comments inside). */
  decoded: string | undefined = undefined;
  readonly source: string;

  constructor(kind: ScalarNode['kind'], start: number, tagEnd: number, source: string) {
    super(start, tagEnd);
    this.kind = kind;
    this.source = source;
  }

  get text(): string {
    return this.decoded ?? this.source.substring(this.contentStart, this.contentEnd);
  }
}

export type ParsedNode = ParsedDict | ParsedArray | ParsedScalar;

export function createNode(kind: PlistKind, start: number, tagEnd: number, source: string): ParsedNode {
  if (kind === 'dict') return new ParsedDict(start, tagEnd);
  if (kind === 'array') return new ParsedArray(start, tagEnd);
  return new ParsedScalar(kind, start, tagEnd, source);
}

export class ParsedEntry implements DictEntry {
  value: ParsedNode | undefined = undefined;
  /** The key when it differs from the raw content (entities, CDATA...); else read on first access. */
  private cachedKey: string | undefined;
  private readonly raw: boolean;
  readonly source: string;
  keyStart: number;
  keyContentStart: number;
  keyContentEnd: number;
  keyEnd: number;

  constructor(source: string, decodedKey: string | undefined, keyStart: number, keyContentStart: number, keyContentEnd: number, keyEnd: number) {
    this.source = source;
    this.cachedKey = decodedKey;
    this.raw = decodedKey === undefined;
    this.keyStart = keyStart;
    this.keyContentStart = keyContentStart;
    this.keyContentEnd = keyContentEnd;
    this.keyEnd = keyEnd;
  }

  /** Keys are looked up often, so the text is kept once read. */
  get key(): string {
    return (this.cachedKey ??= this.source.substring(this.keyContentStart, this.keyContentEnd));
  }

  /** Whether the key is exactly the raw content (no decoding), so keys can be compared by range. */
  get isRaw(): boolean {
    return this.raw;
  }

  get keySpan(): Span {
    return { offset: this.keyStart, length: this.keyEnd - this.keyStart };
  }

  get keyContent(): Span {
    return { offset: this.keyContentStart, length: this.keyContentEnd - this.keyContentStart };
  }
}
