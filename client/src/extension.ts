// Activation wires the context, the commands and the language server, and little else.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { createLanguageClient } from './languageClient';

let ctx: Ctx | undefined;

/** What activate() returns: the context, for the extension's own tests (not a public API). */
export interface ProfileStudioExports {
  ctx: Ctx;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProfileStudioExports> {
  try {
    ctx = new Ctx(context);
    context.subscriptions.push(ctx);
    registerCommands(ctx);
    const launched = process.env.PROFILE_STUDIO_DEMO_TENANT;
    await ctx.demo.pruneStale(launched?.split('|')[1]?.replace(/\/+$/, ''));
    await ctx.demo.connectFromEnv(launched);
    ctx.client = createLanguageClient(context.extensionUri, ctx.config);
    // Tenant features work without the server, so a server that fails to start is reported, not fatal.
    const say = ctx.say;
    await ctx.client.start().catch((e: unknown) => say.error(`The Profile Studio language server did not start: ${e instanceof Error ? e.message : String(e)}`));
    return { ctx };
  } catch (e) {
    void vscode.window.showErrorMessage(`Profile Studio failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.client?.stop();
  ctx = undefined;
}
