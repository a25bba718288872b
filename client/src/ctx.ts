// The one context object every command and view receives: configuration, tenants, credentials, API
// connections, the tree, the language client, the request log and the disposables they own.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ApiError, formatApiError } from '../../tenant/src/api/errors';
import type { Result, TenantApi } from '../../tenant/src/api/tenantApi';
import { Credentials } from './auth/credentials';
import type { DevicePickItem } from './commands/pickDevice';
import { modalSecretPrompts, type SecretPrompts } from './commands/secrets';
import { Config } from './config';
import { Connections } from './tenants/connections';
import { DemoTenants } from './tenants/demo';
import { Links } from './tenants/links';
import { type TenantRecord, TenantRegistry } from './tenants/registry';
import type { TenantAccess } from './views/nodes/access';
import { DecodedProvider } from './viewers/decodedProvider';
import { RemoteProvider } from './viewers/remoteProvider';
import { TenantTree } from './views/tenantTree';
import { DetailsPanels } from './webviews/detailsPanel';
import { ReportPanels } from './webviews/reportPanel';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly log: vscode.LogOutputChannel;
  readonly credentials: Credentials;
  readonly tenants: TenantRegistry;
  readonly connections: Connections;
  readonly demo: DemoTenants;
  readonly tree: TenantTree;
  readonly statusBar: vscode.StatusBarItem;
  readonly say: Say;
  readonly links: Links;
  readonly decoded: DecodedProvider;
  readonly remote: RemoteProvider;
  readonly details: DetailsPanels;
  readonly reports: ReportPanels;
  /** The Reveal Secret dialogs (the extension's own tests swap them: the test host refuses modals). */
  secretPrompts: SecretPrompts = modalSecretPrompts;
  /** The device QuickPick while it is open (the extension's own tests answer it through the workbench). */
  devicePicker: vscode.QuickPick<DevicePickItem> | undefined;
  client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.own(vscode.window.createOutputChannel('Profile Studio', { log: true }));
    this.credentials = this.own(new Credentials(extension.secrets));
    this.tenants = this.own(new TenantRegistry(extension.globalState));
    this.connections = new Connections(this.tenants, this.credentials, this.log, () => this.config.requestTimeoutMs);
    this.demo = this.own(new DemoTenants(this));
    this.say = new Say(this.log);
    this.links = new Links(extension.workspaceState);
    this.decoded = this.own(new DecodedProvider(this.config));
    this.remote = this.own(new RemoteProvider(this));
    this.details = this.own(new DetailsPanels(extension.extensionUri));
    this.reports = this.own(new ReportPanels(this));
    this.tree = this.own(
      new TenantTree(
        {
          tenants: () => this.tenants.list(),
          activeTenantId: () => this.tenants.active()?.id,
          access: (id) => this.access(id),
        },
        extension.extensionUri,
      ),
    );
    this.statusBar = this.own(vscode.window.createStatusBarItem('profileStudio.activeTenant', vscode.StatusBarAlignment.Left, 50));
    this.statusBar.name = 'Profile Studio Tenant';
    this.statusBar.command = 'profileStudio.switchTenant';
    this.own(this.tenants.onDidChange(() => this.tenantsChanged()));
    this.own(
      this.credentials.onDidChange((id) => {
        this.connections.forget(id);
        this.tree.tenantNode(id)?.refresh();
      }),
    );
    this.own(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('profileStudio.requestTimeoutSeconds')) this.connections.forget();
      }),
    );
    this.tenantsChanged();
  }

  own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  /** Registry record or undefined; commands check and say why. */
  tenant(id: string | undefined): TenantRecord | undefined {
    return id ? this.tenants.get(id) : undefined;
  }

  api(tenantId: string): Promise<Result<TenantApi>> {
    return this.connections.get(tenantId);
  }

  access(tenantId: string): TenantAccess {
    return {
      tenantId,
      call: async (fn) => {
        const api = await this.api(tenantId);
        if (!api.ok) return api;
        const result = await fn(api.value);
        if (!result.ok) this.log.warn(`[${this.tenant(tenantId)?.label ?? tenantId}] ${result.error.kind}: ${result.error.message}`);
        return result;
      },
    };
  }

  /** Runs network work under a notification with a Cancel button; `token` is checked between steps. */
  progress<T>(title: string, work: (report: (msg: string) => void, token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (p, token) =>
      work((message) => p.report({ message }), token),
    );
  }

  private tenantsChanged(): void {
    const active = this.tenants.active();
    void vscode.commands.executeCommand('setContext', 'profileStudio.hasTenants', this.tenants.list().length > 0);
    this.statusBar.text = `$(cloud) ${active ? active.label : 'No tenant'}`;
    this.statusBar.tooltip = active
      ? `Profile Studio: active tenant ${active.label} (${active.kind === 'kandji' ? 'Kandji' : 'JumpCloud'}). Click to switch.`
      : 'Profile Studio: add a tenant or try the demo tenant';
    this.statusBar.command = active ? 'profileStudio.switchTenant' : 'profileStudio.addTenant';
    this.statusBar.show();
    this.tree.tenantsChanged();
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

/**
 * The one place an ApiError becomes UI text (never a token, never a raw body). Messages never block the
 * command that shows them: a command finishes (and tests see its result) while the notification stays up.
 */
export class Say {
  /** The last message shown, for tests and the log. */
  last: { level: 'info' | 'error'; text: string } | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  info(message: string): void {
    this.last = { level: 'info', text: message };
    void vscode.window.showInformationMessage(message);
  }

  error(message: string): void {
    this.last = { level: 'error', text: message };
    this.log.error(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
      if (choice === 'Show Log') this.log.show(true);
    });
  }

  apiError(action: string, error: ApiError, tenant?: TenantRecord): void {
    const where = tenant ? ` on ${tenant.label}` : '';
    this.error(`${action} failed${where}: ${describe(error)}`);
  }
}

export const describe = (error: ApiError): string => formatApiError(error);
