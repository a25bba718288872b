// Pull to Workspace: writes the remote profile and its metadata in the sync layout
// (profiles/<dir>/info.yaml + <name>.mobileconfig), links the file to the item and opens it.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pickItem } from './targets';
import { writePulledProfile } from './syncLayout';

export const pullToWorkspace =
  (ctx: Ctx) =>
  async (arg?: unknown, opts: { folder?: vscode.Uri; open?: boolean } = {}): Promise<vscode.Uri | undefined> => {
    const ref = await pickItem(ctx, arg, 'Library item to pull');
    if (!ref) return undefined;
    const tenant = ctx.tenant(ref.tenantId);
    if (!tenant) return undefined;
    const root = opts.folder ?? (await pickFolder());
    if (!root) return void ctx.say.info('Open a folder first: pulled profiles are written into the workspace.');
    const result = await ctx.progress(`Pulling ${ref.name ?? 'library item'} from ${tenant.label}`, () =>
      ctx.access(tenant.id).call((api) => api.getProfile(ref.itemId)),
    );
    if (!result.ok) return void ctx.say.apiError('Pull to Workspace', result.error, tenant);
    const item = result.value;
    const file = await writePulledProfile(root, item);
    await ctx.links.set(file, { tenantId: tenant.id, itemId: item.id, name: item.name, updatedAt: item.updatedAt, contentHash: item.contentHash });
    if (opts.open !== false) await vscode.window.showTextDocument(file, { preview: true });
    return file;
  };

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Pull into which folder?' }))?.uri;
}
