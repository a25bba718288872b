// A read-only details page (device, user, threat, vulnerability, ADE device, licence): titled sections of
// label/value rows in a two-column grid. No script: the page is static, escaped HTML under a strict CSP.
import * as vscode from 'vscode';
import { escapeHtml, renderPage, text, webviewOptions } from './html';

export interface DetailsContent {
  title: string;
  subtitle?: string;
  /** Short badges next to the title (e.g. "Lost mode"). */
  badges?: string[];
  sections: { title: string; fields: { label: string; value: string }[] }[];
}

export class DetailsPanels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();
  /** What each open panel shows, by key (tests read it; it never holds a secret). */
  readonly shown = new Map<string, { content: DetailsContent; html: string }>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Opens (or refreshes and focuses) the panel for `key`. */
  show(key: string, content: DetailsContent): vscode.WebviewPanel {
    let panel = this.open.get(key);
    if (!panel) {
      panel = vscode.window.createWebviewPanel('profileStudio.details', content.title, vscode.ViewColumn.Active, webviewOptions(this.extensionUri, false));
      this.open.set(key, panel);
      panel.onDidDispose(() => {
        this.open.delete(key);
        this.shown.delete(key);
      });
    } else {
      panel.reveal();
    }
    panel.title = content.title;
    const html = renderPage(panel.webview, this.extensionUri, { title: content.title, body: body(content) });
    panel.webview.html = html;
    this.shown.set(key, { content, html });
    return panel;
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
  }
}

function body(c: DetailsContent): string {
  const badges = (c.badges ?? []).map((b) => ` <span class="badge warn">${escapeHtml(b)}</span>`).join('');
  const sections = c.sections
    .map(
      (s) => `<section><h2>${text(s.title)}</h2>${
        s.fields.length
          ? `<table class="facts">${s.fields.map((f) => `<tr><th scope="row">${text(f.label)}</th><td>${text(f.value)}</td></tr>`).join('')}</table>`
          : '<p class="status">Nothing reported</p>'
      }</section>`,
    )
    .join('\n');
  return `<h1>${text(c.title)}${badges}</h1>${c.subtitle ? `<div class="subtitle">${text(c.subtitle)}</div>` : ''}<div class="sections">${sections}</div>`;
}

/** A vendor record as one section of rows (nested values as compact JSON). */
export function recordFields(record: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => ({ label: k.replace(/_/g, ' '), value: typeof v === 'object' ? JSON.stringify(v) : String(v) }));
}
