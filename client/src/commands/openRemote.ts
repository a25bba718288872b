// Open Remote Profile: the tenant's copy of a library item, read-only (a click on the item in the tree).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { remoteUriFor } from '../viewers/remoteProvider';
import { pickItem } from './targets';

export const openRemote =
  (ctx: Ctx) =>
  async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const ref = await pickItem(ctx, arg, 'Library item to open');
    if (!ref) return undefined;
    const uri = remoteUriFor(ref.tenantId, ref.itemId, ref.name ?? ref.itemId);
    ctx.remote.reload(uri);
    await vscode.window.showTextDocument(uri, { preview: true });
    return uri;
  };
