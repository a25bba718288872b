// Read-only decoded view of signed (CMS/PEM) and binary profiles: `profilestudio-decoded:` documents whose
// content is the embedded XML plist. They have the mobileconfig language, so the server lints them too.
// Opening a signed/binary .mobileconfig tab swaps it for this view (setting profileStudio.openSignedProfilesDecoded).
import * as vscode from 'vscode';
import type { Config } from '../config';
import { DECODED_SCHEME, LANGUAGE_ID } from '../languageClient';
import { readLocalProfile, sniffEncoding } from './decode';

export const decodedUriFor = (file: vscode.Uri): vscode.Uri =>
  vscode.Uri.from({ scheme: DECODED_SCHEME, path: `${file.path.replace(/\.mobileconfig$/i, '')} (decoded).mobileconfig`, query: file.toString() });

const fileOf = (decoded: vscode.Uri): vscode.Uri => vscode.Uri.parse(decoded.query);

export class DecodedProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly config: Config) {
    this.subs.push(vscode.workspace.registerTextDocumentContentProvider(DECODED_SCHEME, this));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.mobileconfig', true, false, true);
    this.subs.push(watcher, watcher.onDidChange((uri) => this.changed.fire(decodedUriFor(uri))));
    this.subs.push(vscode.window.tabGroups.onDidChangeTabs((e) => void this.swapSignedTabs(e.opened)));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const profile = await readLocalProfile(fileOf(uri));
    if (profile.text === undefined) {
      return `<!-- Profile Studio could not decode this ${profile.encoding} profile: ${profile.note ?? 'unknown format'} -->\n`;
    }
    const header = profile.encoding === 'signed' ? `<!-- Signed profile, shown decoded and read-only.${profile.note ? ` ${profile.note}.` : ''} -->\n` : '';
    const body = profile.text.replace(/^\uFEFF/, '');
    // Keep the XML declaration first when there is one, so the document stays a valid plist.
    const decl = /^<\?xml[^>]*\?>\s*/.exec(body);
    return decl ? `${decl[0]}${header}${body.slice(decl[0].length)}` : `${header}${body}`;
  }

  /** Opens the decoded view of `file` (any profile; for XML files it simply shows the text). */
  async open(file: vscode.Uri, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(decodedUriFor(file));
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return vscode.window.showTextDocument(doc, { preview: true, ...options });
  }

  private async swapSignedTabs(opened: readonly vscode.Tab[]): Promise<void> {
    if (!this.config.openSignedDecoded) return;
    for (const tab of opened) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText) || !input.uri.path.endsWith('.mobileconfig') || input.uri.scheme !== 'file') continue;
      let head: Uint8Array;
      try {
        head = (await vscode.workspace.fs.readFile(input.uri)).subarray(0, 64);
      } catch {
        continue;
      }
      if (sniffEncoding(head) === 'xml') continue;
      const file = input.uri.toString();
      await this.open(input.uri, { viewColumn: tab.group.viewColumn, preview: tab.isPreview });
      // The decoded editor may already have replaced a preview tab; close the raw one only if it is still there.
      const raw = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === file);
      if (raw) await Promise.resolve(vscode.window.tabGroups.close(raw)).catch(() => undefined);
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
