// Reveal in Tree: select a library item under its tenant's Library Items folder.
import type { Ctx } from '../ctx';
import { LibraryItemNode } from '../views/nodes/libraryItemNode';

export async function revealItem(ctx: Ctx, tenantId: string, itemId: string): Promise<boolean> {
  const library = ctx.tree.tenantNode(tenantId)?.library;
  if (!library) return false;
  const children = await library.getChildren();
  const node = children.find((n) => n instanceof LibraryItemNode && n.item.id === itemId);
  if (!node) return false;
  await ctx.tree.view.reveal(node, { select: true, focus: true, expand: false });
  return true;
}
