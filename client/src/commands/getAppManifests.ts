// "Get App Manifests…": fetches the ProfileManifests collection (URL from the settings) with git into the
// extension's global storage and adds that folder to `profileStudio.manifestPaths`, so app preference
// payloads (Chrome, Edge, Office, com.apple.Safari...) get completion, hover and checking. Nothing of the
// collection ships with the extension; once fetched it works offline.
import { mkdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { reloadManifestsMethod } from '../../../server/src/lsp/protocol';
import { cloneOrUpdate, GitError } from '../manifests/git';

export const MANIFESTS_FOLDER = 'ProfileManifests';

export const getAppManifests = (ctx: Ctx) => async (): Promise<string | undefined> => {
  const url = ctx.config.manifestsRepositoryUrl;
  if (!url) return void ctx.say.error('Set profileStudio.manifests.repositoryUrl to the manifests repository to fetch.');
  const storage = ctx.extension.globalStorageUri.fsPath;
  const dest = vscode.Uri.joinPath(ctx.extension.globalStorageUri, MANIFESTS_FOLDER).fsPath;
  try {
    await mkdir(storage, { recursive: true });
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Getting app manifests', cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        let last = 0;
        try {
          return await cloneOrUpdate(url, dest, {
            signal: abort.signal,
            onProgress: ({ phase, percent }) => {
              const increment = percent !== undefined && percent >= last ? percent - last : undefined;
              if (percent !== undefined) last = percent;
              progress.report({ message: percent !== undefined ? `${phase} ${percent}%` : phase, increment });
            },
          });
        } finally {
          sub.dispose();
        }
      },
    );
    await ctx.config.addManifestPath(dest);
    // Same folder, new content: the server reads it again (a changed setting would not tell it).
    if (result.action === 'updated') await ctx.client?.sendNotification(reloadManifestsMethod);
    if (result.action === 'kept') {
      ctx.log.warn(`App manifests not updated: ${result.reason}`);
      ctx.say.info(`App manifests could not be updated (${result.reason}); the copy fetched earlier is in use.`);
    } else {
      ctx.log.info(`App manifests ${result.action} into ${dest}`);
      ctx.say.info(`App manifests ${result.action === 'cloned' ? 'fetched' : 'updated'}; app preference payloads are now checked.`);
    }
    return dest;
  } catch (e) {
    if (e instanceof GitError && e.kind === 'cancelled') return void ctx.say.info('Getting app manifests was cancelled.');
    const why = e instanceof GitError ? e.message : `could not write the global storage folder (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`;
    return void ctx.say.error(`Get App Manifests failed: ${why}`);
  }
};
