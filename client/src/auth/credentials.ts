// The one owner of tenant secrets: SecretStorage keyed per tenant id. Nothing else stores a token.
import * as vscode from 'vscode';

const keyFor = (tenantId: string): string => `profileStudio.tenant.${tenantId}`;

export class Credentials implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the tenant id whose secret changed (also for changes from another window). */
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.sub = secrets.onDidChange((e) => {
      const prefix = keyFor('');
      if (e.key.startsWith(prefix)) this.changed.fire(e.key.slice(prefix.length));
    });
  }

  async get(tenantId: string): Promise<string | undefined> {
    return this.secrets.get(keyFor(tenantId));
  }

  async set(tenantId: string, token: string): Promise<void> {
    await this.secrets.store(keyFor(tenantId), token);
  }

  async delete(tenantId: string): Promise<void> {
    await this.secrets.delete(keyFor(tenantId));
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
