// Open documents (incremental sync) and their parsed form, kept per URI and keyed by version so a
// completion, a hover and the diagnostics run for one version share one parse. Each ranged change is
// recorded with the text it produced, so the next parse can reuse the previous one (core applyChange)
// instead of reading a megabyte profile again.
import { TextDocuments, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlistDocument, ProfileService, TextChange } from '../core';

interface Parsed {
  version: number;
  doc: PlistDocument;
}

/** One edit: the change in offsets of the previous version, and the text after it. */
interface Step {
  version: number;
  change: TextChange | undefined;
  text: string;
}

export interface DocumentStore {
  readonly documents: TextDocuments<TextDocument>;
  get(uri: string): TextDocument | undefined;
  /** The parse of the document's current version (parsed now if it is not cached yet). */
  parsed(doc: TextDocument): PlistDocument;
  forget(uri: string): void;
}

// Keep at most this many unparsed steps; past that a full parse is cheaper than replaying them.
const MAX_STEPS = 32;

export function createDocumentStore(service: ProfileService): DocumentStore {
  const cache = new Map<string, Parsed>();
  const steps = new Map<string, Step[]>();

  /** The change in offsets of `before` (read before the update mutates it), when there is exactly one ranged change. */
  const asOffsets = (before: TextDocument, changes: TextDocumentContentChangeEvent[]): TextChange | undefined => {
    const only = changes.length === 1 ? (changes[0] as { range?: Range; text: string }) : undefined;
    if (!only?.range) return undefined;
    const offset = before.offsetAt(only.range.start);
    return { offset, length: before.offsetAt(only.range.end) - offset, text: only.text };
  };

  const record = (uri: string, change: TextChange | undefined, after: TextDocument) => {
    if (!cache.has(uri)) return;
    const list = steps.get(uri) ?? [];
    list.push({ version: after.version, change, text: after.getText() });
    if (list.length > MAX_STEPS) list.splice(0, list.length);
    steps.set(uri, list);
  };

  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      const change = cache.has(document.uri) ? asOffsets(document, changes) : undefined;
      const after = TextDocument.update(document, changes, version);
      record(document.uri, change, after);
      return after;
    },
  });

  /** Replays recorded steps on the cached parse; undefined when they do not lead to `doc`'s version. */
  const replay = (doc: TextDocument, hit: Parsed): PlistDocument | undefined => {
    // applyChange reuses (mutates) the old parse: never when another open document shares it (same text).
    for (const [uri, other] of cache) if (uri !== doc.uri && other.doc === hit.doc) return undefined;
    const list = steps.get(doc.uri) ?? [];
    const from = list.findIndex((s) => s.version > hit.version);
    const todo = from < 0 ? [] : list.slice(from);
    if (todo.length === 0 || todo[todo.length - 1]!.version !== doc.version || todo.some((s) => !s.change)) return undefined;
    let current = hit.doc;
    for (const s of todo) current = service.applyChange(current, s.change!, s.text);
    return current;
  };

  return {
    documents,
    get: (uri) => documents.get(uri),
    parsed(doc) {
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version) return hit.doc;
      const parsed = (hit && replay(doc, hit)) ?? service.parse(doc.getText());
      cache.set(doc.uri, { version: doc.version, doc: parsed });
      steps.delete(doc.uri);
      return parsed;
    },
    forget: (uri) => {
      cache.delete(uri);
      steps.delete(uri);
    },
  };
}
