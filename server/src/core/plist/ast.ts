// The plist syntax tree. Every node keeps exact offsets into the source text so that
// diagnostics can underline a whole element, only its content, or only a <key>.

export type PlistKind = 'dict' | 'array' | 'string' | 'integer' | 'real' | 'true' | 'false' | 'date' | 'data';

export interface Span {
  /** Offset of the first character (`<` of the start tag for elements). */
  offset: number;
  length: number;
}

interface NodeBase {
  kind: PlistKind;
  /** The whole element, from `<tag` to the end of `</tag>` (or `/>`). */
  span: Span;
  /** Between the start tag and the end tag; empty (length 0) for `<tag/>`. */
  content: Span;
  /** False when the end tag was missing and the parser closed the element itself. */
  closed: boolean;
  parent: DictNode | ArrayNode | undefined;
}

export interface DictEntry {
  /** The `<key>` element. */
  keySpan: Span;
  /** The key text between `<key>` and `</key>`, entities decoded. */
  key: string;
  /** Span of the raw key text (for rename edits). */
  keyContent: Span;
  /** Undefined when a key has no value element after it. */
  value: PlistNode | undefined;
}

export interface DictNode extends NodeBase {
  kind: 'dict';
  entries: DictEntry[];
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: PlistNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'string' | 'integer' | 'real' | 'true' | 'false' | 'date' | 'data';
  /** Text content with entities and CDATA decoded (empty for true/false). */
  text: string;
}

export type PlistNode = DictNode | ArrayNode | ScalarNode;

export interface SyntaxProblem {
  code: string;
  message: string;
  offset: number;
  length: number;
}

export interface PlistDocument {
  text: string;
  /** The single value inside `<plist>`, if any. */
  root: PlistNode | undefined;
  /** Span of the `<plist>` element, if present. */
  plistSpan: Span | undefined;
  problems: SyntaxProblem[];
}
