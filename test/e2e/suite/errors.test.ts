import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addTenant, childrenOf, extensionCtx, removeAllTenants, startSim, stopSimulators } from './helpers';

suite('Error paths show messages, never a silent empty list', () => {
  suiteTeardown(async () => {
    await removeAllTenants(await extensionCtx());
    await stopSimulators();
  });

  test('a 401 shows an error node that offers to update the token', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const tenantId = await addTenant(sim, 'kandji');
    await ctx.credentials.set(tenantId, 'revoked-token');
    const library = ctx.tree.tenantNode(tenantId)!.library;
    library.refresh();
    const kids = await childrenOf(ctx, library);
    assert.equal(kids.length, 1);
    const node = kids[0]!;
    assert.equal(node.item.contextValue, 'message.error');
    assert.match(String(node.item.label), /Could not load library items/);
    assert.equal(node.item.command?.command, 'profileStudio.updateToken');
    assert.ok(!String(node.item.label).includes('revoked-token') && !String(node.item.tooltip).includes('revoked-token'), 'no token in the node');
  });

  test('a server failure shows an error node with Retry, and Retry recovers', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('jumpcloud');
    const tenantId = await addTenant(sim, 'jumpcloud');
    const blueprints = ctx.tree.tenantNode(tenantId)!.blueprints;
    sim.faults.add({ kind: 'status', status: 500, count: 10 });
    blueprints.refresh();
    const failed = await childrenOf(ctx, blueprints);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.item.contextValue, 'message.error');
    assert.equal(failed[0]!.item.command?.command, 'profileStudio.refresh');
    sim.faults.clear();
    await vscode.commands.executeCommand('profileStudio.refresh', ...(failed[0]!.item.command?.arguments ?? []));
    const recovered = await childrenOf(ctx, blueprints);
    assert.ok(recovered.length > 1 && recovered.every((k) => k.item.contextValue !== 'message.error'), 'blueprints after retry');
  });

  test('an unreachable tenant reports the failure of a command', async () => {
    const ctx = await extensionCtx();
    const sim = await startSim('kandji');
    const tenantId = await addTenant(sim, 'kandji');
    await sim.stop();
    const result = await vscode.commands.executeCommand('profileStudio.activate', { tenantId, itemId: 'missing', name: 'Gone' });
    assert.equal(result, undefined);
    assert.equal(ctx.say.last?.level, 'error');
    assert.match(ctx.say.last?.text ?? '', /Activating failed/);
  });
});
