// Read-only remote profile content for Compare with Remote: `profilestudio-remote:/<tenant>/<item>/<name>`.
// Fetched on demand through the tenant API; the document is never written back.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { formatApiError } from '../../../tenant/src/api/errors';
import { REMOTE_SCHEME } from '../languageClient';

export const remoteUriFor = (tenantId: string, itemId: string, name: string): vscode.Uri =>
  vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${tenantId}/${itemId}/${name.replace(/[\\/]/g, '_')}.mobileconfig` });

export class RemoteProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly reg: vscode.Disposable;

  constructor(private readonly ctx: Ctx) {
    this.reg = vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, tenantId = '', itemId = ''] = uri.path.split('/');
    const result = await this.ctx.access(tenantId).call((api) => api.getProfile(itemId));
    if (!result.ok) return `<!-- Could not load the remote profile: ${formatApiError(result.error)} -->\n`;
    return result.value.profile;
  }

  /** Re-fetch an open remote document (after a push or pull). */
  reload(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.reg.dispose();
    this.changed.dispose();
  }
}
