// Open documents (incremental sync) and their parsed form, kept per URI and keyed by version so a
// completion, a hover and the diagnostics run for one version share one parse.
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlistDocument, ProfileService } from '../core';

interface Parsed {
  version: number;
  doc: PlistDocument;
}

export interface DocumentStore {
  readonly documents: TextDocuments<TextDocument>;
  get(uri: string): TextDocument | undefined;
  /** The parse of the document's current version (parsed now if it is not cached yet). */
  parsed(doc: TextDocument): PlistDocument;
  forget(uri: string): void;
}

export function createDocumentStore(service: ProfileService): DocumentStore {
  const cache = new Map<string, Parsed>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) =>
      TextDocument.update(document, changes, version),
  });
  return {
    documents,
    get: (uri) => documents.get(uri),
    parsed(doc) {
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version) return hit.doc;
      const parsed = service.parse(doc.getText());
      cache.set(doc.uri, { version: doc.version, doc: parsed });
      return parsed;
    },
    forget: (uri) => void cache.delete(uri),
  };
}
