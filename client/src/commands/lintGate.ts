// Lint before a push: asks the language server for a fresh lint of the document (profileStudio/lintSummary,
// no debounce); signed and binary profiles are linted through their decoded view. When the server cannot
// answer, the published diagnostics are used, waiting for the first publish with a deadline.
import * as vscode from 'vscode';
import { type LintSummary, type LintSummaryParams, lintSummaryMethod } from '../../../server/src/lsp/protocol';
import type { Ctx } from '../ctx';
import { decodedUriFor } from '../viewers/decodedProvider';
import type { LocalProfile } from '../viewers/decode';

export interface LintError {
  line: number;
  message: string;
}

export interface LintOutcome {
  errors: LintError[];
  /** The document that was linted (the decoded view for signed profiles). */
  uri: vscode.Uri;
  /** False when the server gave no answer (the push may still go ahead). */
  checked: boolean;
}

export async function lintErrors(ctx: Ctx, profile: LocalProfile): Promise<LintOutcome> {
  const uri = profile.encoding === 'xml' ? profile.uri : decodedUriFor(profile.uri);
  const client = ctx.client;
  if (!client?.isRunning()) return { errors: [], uri, checked: false };
  const published = publishedErrors(uri, ctx.config.diagnosticDelayMs + 4000);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'mobileconfig') await vscode.languages.setTextDocumentLanguage(doc, 'mobileconfig');
  try {
    const params: LintSummaryParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
    const summary = await client.sendRequest<LintSummary | null>(lintSummaryMethod, params);
    if (summary) {
      published.cancel();
      if (summary.binary) ctx.log.info(`${uri.path}: ${summary.binary} content, linted as decoded`);
      const errors = summary.problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, message: p.message }));
      return { errors, uri, checked: true };
    }
  } catch (e) {
    ctx.log.warn(`lintSummary failed, using published diagnostics: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...(await published.result), uri };
}

/** Error diagnostics for `uri` once the server publishes them (or what is there at the deadline). */
function publishedErrors(uri: vscode.Uri, deadlineMs: number): { result: Promise<{ errors: LintError[]; checked: boolean }>; cancel(): void } {
  const key = uri.toString();
  const read = (): LintError[] =>
    vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map((d) => ({ line: d.range.start.line, message: d.message }));
  let done: (checked: boolean) => void = () => undefined;
  const result = new Promise<{ errors: LintError[]; checked: boolean }>((resolve) => {
    const timer = setTimeout(() => done(false), deadlineMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) done(true);
    });
    done = (checked) => {
      clearTimeout(timer);
      sub.dispose();
      resolve({ errors: read(), checked });
    };
  });
  return { result, cancel: () => done(false) };
}
