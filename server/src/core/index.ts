// The core facade: the one import path for adapters (LSP server, CLI). It ties parsing, validation and
// the language features together over an injected schema source, and reuses a parsed document per text.
// Trees from that text cache are shared and read-only; incremental edits work on owned trees only.
import { parsePlist } from './plist/parser';
import type { PlistDocument } from './plist/ast';
import { createSchemaRegistry, type ManifestSource, type SchemaRegistry, type SchemaSource } from './schema';
import type { SchemaIndexEntry } from './schema/types';
import type { ValidateOptions } from './validate';
import { createIncrementalValidator } from './incremental/validate';
import { reparse, type TextChange } from './incremental/reparse';
import type { Edit, Problem } from './validate/problem';
import { complete } from './complete/complete';
import type { SchemaLookup } from './complete/schemaContext';
import type { CompletionEntry } from './complete/types';
import { hover, type HoverResult } from './hover/hover';
import { quickFixes, type QuickFix } from './fixes/fixes';
import { documentSymbols, type OutlineSymbol } from './symbols/symbols';
import { format, type FormatOptions } from './format';
import { foldingRanges, type FoldingRange } from './folding';

export type { PlistDocument, PlistNode, Span } from './plist/ast';
export type { Platform, PayloadSchema, KeySchema, SchemaIndexEntry } from './schema/types';
export type { ManifestSource, SchemaSource, SchemaRegistry } from './schema';
export { manifestDomainOf, mergeManifestSchemas, schemaFromManifestText, type ManifestResult } from './schema';
export type { Problem, Edit, Severity, RelatedSpan } from './validate/problem';
export type { ValidateOptions, SeveritySetting } from './validate';
export { AllCodeInfo, allCodes } from './validate';
export type { CompletionEntry } from './complete/types';
export type { HoverResult } from './hover/hover';
export type { QuickFix } from './fixes/fixes';
export type { OutlineSymbol } from './symbols/symbols';
export { createLineIndex, type LineIndex, type LinePosition } from './text/lineIndex';
export { printable, printableBlock } from './text/printable';
export { newUuid } from './uuid';
export type { FormatOptions } from './format';
export type { FoldingRange } from './folding';
export { readProfileBytes, type ProfileContent, type CertificateSummary } from './container';
export { parsePlist, toValue, getString, type PlistValue } from './plist';
export { suggest, closestMatch } from './schema/suggest';
export { PLATFORMS } from './schema/types';

export type { TextChange } from './incremental/reparse';

export interface ProfileServiceOptions {
  schemaSource: SchemaSource;
  /** Preference manifests from the user's folders (app domains Apple's schemas do not describe). */
  manifests?: ManifestSource;
  /** Texts shorter than this are always parsed whole (tests lower it to exercise the incremental path). */
  minIncrementalText?: number;
  /** Containers at least this long are reparsed by windows of children (tests lower it). */
  windowMinSpan?: number;
  /** How many parsed texts to keep (one per open editor is plenty). */
  parseCacheSize?: number;
}

/** Features take the text, or a document parsed earlier (the LSP keeps one per version). */
export type Source = string | PlistDocument;

export interface ProfileService {
  readonly registry: SchemaRegistry;
  /** Parses, or returns the document parsed earlier for the same text (shared: never pass it to applyChange). */
  parse(text: string): PlistDocument;
  /** A new parse that no cache holds: the caller owns it and may pass it to applyChange. */
  parseOwned(text: string): PlistDocument;
  /**
   * The document after one edit, reparsing only the part that changed when that is safe. `old` must be
   * the parse of the text before the edit, owned by the caller (from parseOwned or applyChange); it is
   * consumed (its nodes are reused) and must not be used again. The result is owned by the caller too.
   * A document the text cache can hand out is never mutated: then the new text is parsed whole.
   */
  applyChange(old: PlistDocument, change: TextChange, newText: string): PlistDocument;
  /** The caller is done with `doc` (its editor closed): drop what the service keeps about it. */
  release(doc: PlistDocument): void;
  /** Syntax and schema problems, severities and target platforms applied (text or an already parsed document). */
  validate(source: Source, options?: ValidateOptions): Problem[];
  complete(source: Source, offset: number): CompletionEntry[];
  hover(source: Source, offset: number): HoverResult | undefined;
  quickFixes(source: Source, problem: Problem): QuickFix[];
  symbols(source: Source): OutlineSymbol[];
  folding(source: Source): FoldingRange[];
  /** Whitespace edits re-indenting the document, or only the part inside `range`; none when the markup is broken. */
  format(source: Source, options: FormatOptions, range?: { offset: number; length: number }): Edit[];
  /** Replaces the manifest source (settings changed); later results use the new schemas. */
  setManifests(manifests: ManifestSource | undefined): void;
}

export function createProfileService(options: ProfileServiceOptions): ProfileService {
  const registry = createSchemaRegistry(options.schemaSource, options.manifests);
  let lookup = schemaLookup(registry);
  const cache = parseCache(options.parseCacheSize ?? 8);
  const validator = createIncrementalValidator(registry);
  const parse = (text: string) => cache.get(text);
  const doc = (source: Source) => (typeof source === 'string' ? parse(source) : source);
  return {
    registry,
    parse,
    parseOwned: (text) => parsePlist(text),
    applyChange(old, change, newText) {
      const result = cache.holds(old) ? undefined : reparse(old, change, newText, { minText: options.minIncrementalText, windowMinSpan: options.windowMinSpan });
      if (!result) return parsePlist(newText);
      validator.invalidate(result.touched);
      validator.noteEdit({ from: old, to: result.doc, edit: result.edit, profileStable: result.profileStable, uniquenessStable: result.uniquenessStable });
      return result.doc;
    },
    release: (d) => validator.forget(d),
    validate: (source, opts) => validator.validate(doc(source), opts),
    complete: (source, offset) => complete(doc(source), offset, lookup),
    hover: (source, offset) => hover(doc(source), offset, lookup),
    quickFixes: (source, problem) => quickFixes(doc(source), problem, lookup),
    symbols: (source) => documentSymbols(doc(source)),
    folding: (source) => foldingRanges(doc(source)),
    format(source, opts, range) {
      const edits = format(doc(source), opts);
      if (!range) return edits;
      const end = range.offset + range.length;
      return edits.filter((e) => e.offset >= range.offset && e.offset + e.length <= end);
    },
    setManifests(manifests) {
      registry.setManifests(manifests);
      lookup = schemaLookup(registry);
    },
  };
}

/** Adapts the registry to what the feature modules read. */
function schemaLookup(registry: SchemaRegistry): SchemaLookup {
  let types: SchemaIndexEntry[] | undefined;
  return {
    payload: (t) => registry.get(t),
    topLevel: () => registry.topLevel(),
    commonKeys: () => registry.commonKeys(),
    payloadTypes: () => (types ??= registry.payloadTypes().flatMap((t) => registry.entry(t) ?? [])),
  };
}

/** Most-recently-used parsed documents, looked up by text (identity first, then equal content). */
function parseCache(size: number) {
  const docs: PlistDocument[] = [];
  // Only whole parses enter the cache; applyChange never puts or mutates a cached tree.
  const put = (doc: PlistDocument) => {
    docs.unshift(doc);
    if (docs.length > size) docs.length = size;
  };
  return {
    get(text: string): PlistDocument {
      const i = docs.findIndex((d) => d.text === text);
      if (i >= 0) {
        const doc = docs[i]!;
        if (i > 0) docs.unshift(...docs.splice(i, 1));
        return doc;
      }
      const doc = parsePlist(text);
      put(doc);
      return doc;
    },
    /** Whether the cache can hand out `doc` (or a document sharing its tree). */
    holds: (doc: PlistDocument) => docs.some((d) => d === doc || (d.root !== undefined && d.root === doc.root)),
  };
}
