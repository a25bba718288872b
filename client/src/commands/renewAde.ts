// Renew ADE Integration…: a new MDM server token (.p7m) from Apple Business Manager, with the contact and the
// default blueprint Kandji asks for each time. The token and the contact are checked before anything is sent.
import * as vscode from 'vscode';
import { isContactEmail, isContactPhone, MAX_TOKEN_BYTES, tokenSizeProblem } from '../../../tenant/src/api/adeRenewal';
import type { AdeIntegration } from '../../../tenant/src/api/fleetApi';
import type { Ctx } from '../ctx';
import { ListNode } from '../views/nodes/listNode';
import { refreshFolder } from './records';
import { isObject, pickBlueprint, tenantIdOf } from './targets';

/** Answers the extension's own tests give instead of the dialogs. */
export interface RenewArgs {
  file?: vscode.Uri;
  blueprintId?: string;
  email?: string;
  phone?: string;
}

export const renewAde =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: RenewArgs = {}): Promise<AdeIntegration | undefined> => {
    const integration = arg instanceof ListNode ? (arg.spec.data as AdeIntegration | undefined) : isObject(arg) && isObject(arg.integration) ? (arg.integration as unknown as AdeIntegration) : undefined;
    const tenantId = tenantIdOf(arg);
    const tenant = ctx.tenant(tenantId);
    if (!integration || !tenant) return void ctx.say.info('Renew an ADE integration from the Profile Studio view.');
    const file = opts.file ?? (await vscode.window.showOpenDialog({ title: `Server token for ${integration.name}`, filters: { 'Server token': ['p7m'] }, canSelectMany: false }))?.[0];
    if (!file) return undefined;
    const fileName = file.path.split('/').pop() ?? 'token.p7m';
    const token = await readToken(file);
    if ('problem' in token) return void ctx.say.error(`Renewing ${integration.name}: the token file ${fileName} ${token.problem}.`);
    const blueprintId = opts.blueprintId ?? (await pickBlueprint(ctx, tenant, 'Default blueprint for devices of this integration'))?.id;
    if (!blueprintId) return undefined;
    const email = opts.email ?? (await vscode.window.showInputBox({ prompt: 'Contact email', value: integration.email, validateInput: (v) => (isContactEmail(v) ? undefined : 'An email address (name@example.com)') }));
    if (!email) return undefined;
    const phone = opts.phone ?? (await vscode.window.showInputBox({ prompt: 'Contact phone', value: integration.phone, validateInput: (v) => (isContactPhone(v) ? undefined : 'A phone number (digits, spaces, + ( ) - .)') }));
    if (!phone) return undefined;
    // Answers given without the input boxes (the extension's tests, other commands) get the same checks.
    const badContact = !isContactEmail(email) ? `"${email}" is not an email address` : !isContactPhone(phone) ? `"${phone}" is not a phone number` : undefined;
    if (badContact) return void ctx.say.error(`Renewing ${integration.name}: ${badContact}.`);
    const done = await ctx.progress(`Renewing ${integration.name}`, () => ctx.access(tenant.id).call((api) => api.renewAdeIntegration(integration.id, { file: token.bytes, fileName, blueprintId, email: email.trim(), phone: phone.trim() })));
    if (!done.ok) return void ctx.say.apiError(`Renewing ${integration.name}`, done.error, tenant);
    ctx.say.info(`Renewed ${integration.name}${done.value.expiresAt ? `; the token now expires ${done.value.expiresAt.slice(0, 10)}` : ''}.`);
    refreshFolder(ctx, tenant.id, 'ade');
    return done.value;
  };

/** The token's bytes, or what is wrong with the file (completing "the token file <name> …"). */
async function readToken(file: vscode.Uri): Promise<{ bytes: Uint8Array } | { problem: string }> {
  try {
    // Too large a file is refused before it is read.
    const size = (await vscode.workspace.fs.stat(file)).size;
    if (size > MAX_TOKEN_BYTES) return { problem: tokenSizeProblem(size)! };
    const bytes = await vscode.workspace.fs.readFile(file);
    const problem = tokenSizeProblem(bytes.byteLength);
    return problem ? { problem } : { bytes };
  } catch (error) {
    const code = error instanceof vscode.FileSystemError ? error.code : '';
    return { problem: code === 'FileNotFound' ? 'does not exist' : code === 'NoPermissions' ? 'cannot be read (permission denied)' : code === 'FileIsADirectory' ? 'is a folder' : 'cannot be read' };
  }
}
