// Add Tenant: vendor, name, URL, token (JumpCloud: API key + optional org id). The token is checked with
// a cheap authenticated call before anything is saved; it goes to SecretStorage only.
import * as vscode from 'vscode';
import type { VendorKind } from '../../../tenant/src/api/tenantApi';
import { type Ctx, describe } from '../ctx';
import type { TenantRecord } from '../tenants/registry';
import { JUMPCLOUD_DEFAULT_URL, validateUrl } from './urls';

export interface AddTenantArgs {
  kind?: VendorKind;
  label?: string;
  baseUrl?: string;
  token?: string;
  orgId?: string;
  /** Make it the active tenant (default: only when it is the first). */
  activate?: boolean;
}

export const addTenant =
  (ctx: Ctx) =>
  async (args: AddTenantArgs = {}): Promise<string | undefined> => {
    const kind = args.kind ?? (await pickVendor());
    if (!kind) return undefined;
    const vendor = kind === 'kandji' ? 'Kandji' : 'JumpCloud';
    const baseUrl =
      args.baseUrl ??
      (await vscode.window.showInputBox({
        title: `Add ${vendor} tenant (1/3)`,
        prompt: kind === 'kandji' ? 'Kandji API URL (Settings → Access → API URL)' : 'JumpCloud API URL',
        placeHolder: kind === 'kandji' ? 'https://yourcompany.api.kandji.io' : JUMPCLOUD_DEFAULT_URL,
        value: kind === 'jumpcloud' ? JUMPCLOUD_DEFAULT_URL : undefined,
        ignoreFocusOut: true,
        validateInput: validateUrl,
      }));
    if (!baseUrl) return undefined;
    const urlProblem = validateUrl(baseUrl);
    if (urlProblem) return void ctx.say.error(urlProblem);
    const token =
      args.token ??
      (await vscode.window.showInputBox({
        title: `Add ${vendor} tenant (2/3)`,
        prompt: kind === 'kandji' ? 'API token (stored in VS Code secret storage only)' : 'API key (stored in VS Code secret storage only)',
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'Required'),
      }));
    if (!token) return undefined;
    const orgId =
      kind === 'jumpcloud'
        ? (args.orgId ??
          (args.token === undefined
            ? await vscode.window.showInputBox({
                title: 'Add JumpCloud tenant (optional)',
                prompt: 'Organization ID (only for multi-tenant administrators; leave empty otherwise)',
                ignoreFocusOut: true,
              })
            : undefined))
        : undefined;
    const suggested = defaultLabel(kind, baseUrl);
    const label =
      args.label ??
      (await vscode.window.showInputBox({ title: `Add ${vendor} tenant (3/3)`, prompt: 'A name for this tenant', value: suggested, ignoreFocusOut: true })) ??
      undefined;
    if (label === undefined) return undefined;

    const draft: Omit<TenantRecord, 'id'> = { label: label.trim() || suggested, kind, baseUrl: baseUrl.replace(/\/+$/, ''), orgId: orgId?.trim() || undefined };
    const verified = await ctx.progress(`Checking the ${vendor} credentials`, () => ctx.connections.build(draft, token.trim()).verify());
    if (!verified.ok) {
      ctx.say.error(`Could not add ${draft.label}: ${describe(verified.error)}`);
      return undefined;
    }
    const record = await ctx.tenants.add(draft);
    await ctx.credentials.set(record.id, token.trim());
    if (args.activate) await ctx.tenants.setActive(record.id);
    void ctx.say.info(`Added ${vendor} tenant ${record.label}.`);
    return record.id;
  };

async function pickVendor(): Promise<VendorKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Kandji', detail: 'API URL and API token', vendor: 'kandji' as const },
      { label: 'JumpCloud', detail: 'API key and optional organization ID', vendor: 'jumpcloud' as const },
    ],
    { title: 'Add Tenant', placeHolder: 'Which MDM?' },
  );
  return picked?.vendor;
}

function defaultLabel(kind: VendorKind, baseUrl: string): string {
  try {
    const host = new URL(baseUrl).hostname;
    return kind === 'kandji' ? host.split('.')[0] || host : `JumpCloud (${host})`;
  } catch {
    return kind === 'kandji' ? 'Kandji' : 'JumpCloud';
  }
}
