// Typed reads of the `profileStudio.*` settings. Never a token: credentials live in SecretStorage only.
import * as vscode from 'vscode';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';

export const SECTION = 'profileStudio';

export class Config {
  private get cfg(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get targetPlatforms(): string[] {
    return this.cfg.get<string[]>('targetPlatforms', ['macOS']);
  }

  get severityOverrides(): Record<string, SeverityOverride> {
    return this.cfg.get<Record<string, SeverityOverride>>('severityOverrides', {});
  }

  get diagnosticDelayMs(): number {
    return clamp(this.cfg.get<number>('diagnostics.delayMs', 200), 0, 5000);
  }

  get formatEnabled(): boolean {
    return this.cfg.get<boolean>('format.enable', true);
  }

  get requestTimeoutMs(): number {
    return clamp(this.cfg.get<number>('requestTimeoutSeconds', 30), 1, 600) * 1000;
  }

  get openSignedDecoded(): boolean {
    return this.cfg.get<boolean>('openSignedProfilesDecoded', true);
  }

  get lintBeforePush(): boolean {
    return this.cfg.get<boolean>('push.lintFirst', true);
  }

  /** Folders of preference manifests the language server reads (searched recursively). */
  get manifestPaths(): string[] {
    return this.cfg.get<string[]>('manifestPaths', []).filter((p) => typeof p === 'string' && p.trim() !== '');
  }

  /** The git URL "Get App Manifests…" clones. */
  get manifestsRepositoryUrl(): string {
    return this.cfg.get<string>('manifests.repositoryUrl', '').trim();
  }

  /** Adds a folder to the user's manifestPaths (once); the server picks the change up live. */
  async addManifestPath(folder: string): Promise<void> {
    const inspected = this.cfg.inspect<string[]>('manifestPaths');
    const global = inspected?.globalValue ?? [];
    if (!global.includes(folder)) await this.cfg.update('manifestPaths', [...global, folder], vscode.ConfigurationTarget.Global);
  }

  /** What the server receives in initializationOptions and on didChangeConfiguration. */
  serverOptions(): { diagnosticDelayMs: number; targetPlatforms: string[]; severityOverrides: Record<string, SeverityOverride>; manifestPaths: string[] } {
    return {
      diagnosticDelayMs: this.diagnosticDelayMs,
      targetPlatforms: this.targetPlatforms,
      severityOverrides: this.severityOverrides,
      manifestPaths: this.manifestPaths,
    };
  }
}

const clamp = (n: number, lo: number, hi: number): number => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo);
