// Lint before a push: the language server's diagnostics for the file (its decoded view when signed).
// Waits for the server to publish for a document it has not seen yet, with a deadline.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { decodedUriFor } from '../viewers/decodedProvider';
import type { LocalProfile } from '../viewers/decode';

export interface LintOutcome {
  errors: vscode.Diagnostic[];
  /** The document the diagnostics belong to (the decoded view for signed profiles). */
  uri: vscode.Uri;
  /** False when the server gave no answer in time (the push may still go ahead). */
  checked: boolean;
}

export async function lintErrors(ctx: Ctx, profile: LocalProfile): Promise<LintOutcome> {
  const uri = profile.encoding === 'xml' ? profile.uri : decodedUriFor(profile.uri);
  const key = uri.toString();
  const errorsOf = (): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  if (!ctx.client?.isRunning()) return { errors: [], uri, checked: false };

  const known = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  // An open document is linted as it is edited (push saved it first): its current diagnostics are the answer.
  if (known) return { errors: errorsOf(), uri, checked: true };

  const deadlineMs = ctx.config.diagnosticDelayMs + 4000;
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const published = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) resolve(true);
    });
  });
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'mobileconfig') await vscode.languages.setTextDocumentLanguage(doc, 'mobileconfig');
    const checked = await published;
    return { errors: errorsOf(), uri, checked };
  } finally {
    clearTimeout(timer);
    sub?.dispose();
  }
}
