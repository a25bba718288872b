// The only place core offsets become LSP positions (and back). Everything here is a pure mapping.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionEntry, Edit, FoldingRange as CoreFold, HoverResult, OutlineSymbol, Problem, Severity } from '../core';

export const SOURCE = 'profile-studio';

/** What a diagnostic carries so a code action can rebuild the core problem later. */
export interface DiagnosticData {
  problemData?: Record<string, unknown>;
}

export function toRange(doc: TextDocument, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

export function fromRange(doc: TextDocument, range: Range): { offset: number; length: number } {
  const offset = doc.offsetAt(range.start);
  return { offset, length: Math.max(0, doc.offsetAt(range.end) - offset) };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, p: Problem): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, p.offset, p.length),
    severity: severities[p.severity] ?? DiagnosticSeverity.Error,
    code: p.code,
    source: SOURCE,
    message: p.message,
  };
  if (p.code === 'platform.deprecated') d.tags = [DiagnosticTag.Deprecated];
  if (p.data) d.data = { problemData: p.data } satisfies DiagnosticData;
  if (p.related?.length) {
    d.relatedInformation = p.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.offset, r.length) }, message: r.message }));
  }
  return d;
}

/** The core problem behind a diagnostic the client sends back with a code-action request. */
export function fromDiagnostic(doc: TextDocument, d: Diagnostic): Problem {
  const { offset, length } = fromRange(doc, d.range);
  const data = (d.data as DiagnosticData | undefined)?.problemData;
  const severity = (Object.entries(severities).find(([, v]) => v === d.severity)?.[0] ?? 'error') as Severity;
  return { code: String(d.code ?? ''), severity, message: messageText(d), offset, length, ...(data ? { data } : {}) };
}

export function toTextEdit(doc: TextDocument, e: Edit): TextEdit {
  return { range: toRange(doc, e.offset, e.length), newText: e.text };
}

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  payload: CompletionItemKind.Module,
  element: CompletionItemKind.Keyword,
  profile: CompletionItemKind.Snippet,
};

export function toCompletionItem(doc: TextDocument, c: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: completionKinds[c.kind],
    textEdit: toTextEdit(doc, c.edit),
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Our text already carries the line's indentation.
    insertTextMode: InsertTextMode.asIs,
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.additionalEdits?.length) item.additionalTextEdits = c.additionalEdits.map((e) => toTextEdit(doc, e));
  return item;
}

export function toHover(doc: TextDocument, h: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: toRange(doc, h.offset, h.length) };
}

const symbolKinds: Record<OutlineSymbol['kind'], SymbolKind> = {
  profile: SymbolKind.File,
  payload: SymbolKind.Module,
  key: SymbolKind.Property,
  item: SymbolKind.Field,
};

function valueSymbolKind(s: OutlineSymbol): SymbolKind {
  if (s.kind !== 'key' && s.kind !== 'item') return symbolKinds[s.kind];
  switch (s.valueKind) {
    case 'dict':
      return SymbolKind.Object;
    case 'array':
      return SymbolKind.Array;
    case 'true':
    case 'false':
      return SymbolKind.Boolean;
    case 'integer':
    case 'real':
      return SymbolKind.Number;
    case 'string':
      return SymbolKind.String;
    default:
      return symbolKinds[s.kind];
  }
}

export function toDocumentSymbol(doc: TextDocument, s: OutlineSymbol): DocumentSymbol {
  const sym: DocumentSymbol = {
    name: s.name || ' ',
    kind: valueSymbolKind(s),
    range: toRange(doc, s.span.offset, s.span.length),
    selectionRange: toRange(doc, s.selection.offset, s.selection.length),
    children: s.children.map((c) => toDocumentSymbol(doc, c)),
  };
  if (s.detail) sym.detail = s.detail;
  return sym;
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function toFoldingRange(doc: TextDocument, f: CoreFold): FoldingRange | undefined {
  const startLine = doc.positionAt(f.start).line;
  const endLine = doc.positionAt(f.end).line;
  // `end` is the `<` of a closing tag (keep that line visible) or, for comments, the last character.
  const closingTag = f.kind !== 'comment' && doc.getText({ start: doc.positionAt(f.end), end: doc.positionAt(f.end + 2) }) === '</';
  const last = closingTag ? endLine - 1 : endLine;
  if (last <= startLine) return undefined;
  const range: FoldingRange = { startLine, endLine: last };
  if (f.kind === 'comment') range.kind = 'comment';
  return range;
}
