// Copy ID: the item's, blueprint's or device's id to the clipboard.
import * as vscode from 'vscode';
import { BlueprintNode } from '../views/nodes/blueprintNode';
import { DeviceNode } from '../views/nodes/deviceNode';
import { LibraryItemNode } from '../views/nodes/libraryItemNode';

export const copyId =
  () =>
  async (arg?: unknown): Promise<string | undefined> => {
    const id =
      arg instanceof LibraryItemNode
        ? arg.item.id
        : arg instanceof BlueprintNode
          ? arg.blueprint.id
          : arg instanceof DeviceNode
            ? arg.device.id
            : undefined;
    if (!id) return undefined;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
    return id;
  };
