// Custom requests between the extension and the server: method strings and param/result types only.
// The client imports this file by relative path. No RequestType objects: client and server bundle
// different vscode-jsonrpc versions, whose classes do not match; `sendRequest<R>(method, params)` works with both.

export type SummarySeverity = 'error' | 'warning' | 'info' | 'hint';

export interface LintSummaryParams {
  /** URI of an open document. */
  uri: string;
}

export interface LintSummaryProblem {
  code: string;
  severity: SummarySeverity;
  message: string;
  /** 0-based, UTF-16 characters (LSP positions). */
  line: number;
  character: number;
}

export interface LintSummary {
  uri: string;
  /** Document version the summary was computed for. */
  version: number;
  /** Set when the text is a signed or binary profile that must be linted through its decoded view. */
  binary?: 'signed' | 'pem' | 'binary-plist' | 'binary';
  counts: Record<SummarySeverity, number>;
  problems: LintSummaryProblem[];
}

/** Lints an open document now (current settings, no debounce); null when the document is not open. */
export const lintSummaryMethod = 'profileStudio/lintSummary';

export interface DecodedContentParams {
  /** A file: URI of a profile on disk (signed, binary or XML). */
  uri: string;
}

export interface DecodedContentResult {
  /** The XML plist text inside the file (empty when nothing could be read; see `problem`). */
  text: string;
  kind: 'xml' | 'signed-der' | 'signed-pem' | 'bplist' | 'unknown';
  readOnly: boolean;
  /** Signer's subject, one line (signed profiles). */
  signer?: string;
  problem?: { code: string; message: string };
}

/** Reads a profile file from disk and returns the XML inside it (for the read-only decoded view). */
export const decodedContentMethod = 'profileStudio/decodedContent';

/** Notification (client → server): the manifest folders' content changed (Get App Manifests updated a clone); read them again. */
export const reloadManifestsMethod = 'profileStudio/reloadManifests';
