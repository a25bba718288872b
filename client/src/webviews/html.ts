// The one way a Profile Studio webview page is built: a strict Content-Security-Policy with a fresh nonce,
// no remote resources (scripts and styles only from the extension's media/webview), every value escaped.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Control characters from a server become visible escapes instead of moving the text around. */
export const visible = (s: string): string => {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const control = (code < 0x20 && ch !== '\n' && ch !== '\t') || code === 0x7f;
    out += control ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
};

export const text = (s: string | number | boolean | undefined | null): string => (s === undefined || s === null || s === '' ? '—' : escapeHtml(visible(String(s))));

export interface PageParts {
  title: string;
  body: string;
  /** Script file in media/webview (loaded with the nonce); omit for a page without script. */
  script?: string;
  /** Data handed to the script as JSON in a non-executable element. */
  data?: unknown;
}

export function renderPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: PageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview', name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  // JSON in a <script type="application/json"> is data, never run; "<" is escaped so it cannot close the tag.
  const data = parts.data === undefined ? '' : `<script id="data" type="application/json" nonce="${nonce}">${JSON.stringify(parts.data).replace(/</g, '\\u003c')}</script>`;
  const script = parts.script ? `<script nonce="${nonce}" src="${media(parts.script)}"></script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('page.css')}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${parts.body}
${data}
${script}
</body>
</html>`;
}

/** Webview options: scripts on only when the page has one, resources only from media/webview. */
export function webviewOptions(extensionUri: vscode.Uri, scripts: boolean): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: scripts, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'webview')], retainContextWhenHidden: false };
}
