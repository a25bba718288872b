// Open documents (incremental sync) and their parsed form, kept per URI and keyed by version so a
// completion, a hover and the diagnostics run for one version share one parse. Each ranged change is
// recorded with the text it produced, so the next parse can reuse the previous one (core applyChange)
// instead of reading a megabyte profile again.
//
// Correctness rests on two rules. The replay applies a gap-free chain: every change since the cached
// parse, in order (each change of a multi-change notification is its own step, against the text the
// previous one produced); if any is missing (too many, or one without a range) the text is parsed whole.
// And a tree is never shared: each document's parse is its own (parseOwned), so mutating it on the next
// edit cannot reach another document or the core's text cache.
import { TextDocuments, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlistDocument, ProfileService, TextChange } from '../core';

interface Parsed {
  version: number;
  /** The document's change count when parsed: steps after it lead to the current text. */
  revision: number;
  doc: PlistDocument;
}

/** One change: its offsets in the text before it, the text after it, and its place in the chain. */
interface Step {
  revision: number;
  change: TextChange;
  text: string;
}

/** Changes since the cached parse, or 'broken' when one is missing (then only a full parse is right). */
interface History {
  revision: number;
  steps: Step[] | 'broken';
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
  const history = new Map<string, History>();

  const historyOf = (uri: string): History => {
    let h = history.get(uri);
    if (!h) history.set(uri, (h = { revision: 0, steps: [] }));
    return h;
  };

  const record = (h: History, change: TextChange | undefined, text: string) => {
    h.revision++;
    if (h.steps === 'broken') return;
    if (!change || h.steps.length >= MAX_STEPS) h.steps = 'broken';
    else h.steps.push({ revision: h.revision, change, text });
  };

  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      // A (re)open starts a new chain: nothing parsed before may be reused.
      cache.delete(uri);
      history.set(uri, { revision: 0, steps: [] });
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      const h = historyOf(document.uri);
      // Changes apply in order, each to the text the previous one produced (as TextDocument.update does).
      let current = document;
      for (const c of changes) {
        const range = (c as { range?: Range }).range;
        let change: TextChange | undefined;
        if (range) {
          const offset = current.offsetAt(range.start);
          change = { offset, length: current.offsetAt(range.end) - offset, text: c.text };
        }
        current = TextDocument.update(current, [c], version);
        record(h, change, current.getText());
      }
      if (changes.length === 0) current = TextDocument.update(current, [], version);
      return current;
    },
  });

  /** Replays the steps after the cached parse; undefined unless they form an unbroken chain to `revision`. */
  const replay = (hit: Parsed, h: History): PlistDocument | undefined => {
    if (h.steps === 'broken' || h.steps.length === 0) return undefined;
    const steps = h.steps;
    if (steps[0]!.revision !== hit.revision + 1 || steps[steps.length - 1]!.revision !== h.revision) return undefined;
    for (let i = 1; i < steps.length; i++) if (steps[i]!.revision !== steps[i - 1]!.revision + 1) return undefined;
    let current = hit.doc;
    for (const s of steps) current = service.applyChange(current, s.change, s.text);
    return current;
  };

  return {
    documents,
    get: (uri) => documents.get(uri),
    parsed(doc) {
      const h = historyOf(doc.uri);
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version && hit.revision === h.revision) return hit.doc;
      const parsed = (hit && replay(hit, h)) ?? service.parseOwned(doc.getText());
      cache.set(doc.uri, { version: doc.version, revision: h.revision, doc: parsed });
      h.steps = [];
      return parsed;
    },
    forget: (uri) => {
      const hit = cache.get(uri);
      if (hit) service.release(hit.doc);
      cache.delete(uri);
      history.delete(uri);
    },
  };
}
