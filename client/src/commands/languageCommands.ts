// Editor-side commands: treat a .plist as a profile, open the decoded view of a signed profile,
// restart the language server, show the request log.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { LANGUAGE_ID } from '../languageClient';

export const setLanguage =
  () =>
  async (uri?: vscode.Uri): Promise<boolean> => {
    const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) return false;
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    if (uri) await vscode.window.showTextDocument(doc);
    return true;
  };

export const openDecoded =
  (ctx: Ctx) =>
  async (uri?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target || target.scheme !== 'file') return void ctx.say.info('Select a .mobileconfig file to view decoded.');
    const editor = await ctx.decoded.open(target);
    return editor.document.uri;
  };

export const restartServer = (ctx: Ctx) => async (): Promise<void> => {
  if (!ctx.client) return void ctx.say.error('The Profile Studio language server is not running.');
  await ctx.client.restart();
};

export const showLog = (ctx: Ctx) => (): void => ctx.log.show(true);
