// Runs git for "Get App Manifests…": clone once, later pull --ff-only, with progress and cancellation.
// Only git itself is trusted with the URL; prompts are disabled so a private URL fails instead of hanging.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface GitProgress {
  /** e.g. "Receiving objects", with a percentage when git gives one. */
  phase: string;
  percent?: number;
}

export interface GitRunOptions {
  onProgress?: (p: GitProgress) => void;
  /** Set to abort: the child git is killed and nothing half-written is kept. */
  signal?: AbortSignal;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly kind: 'missing-git' | 'failed' | 'cancelled',
  ) {
    super(message);
  }
}

export type FetchResult = { action: 'cloned' | 'updated' } | { action: 'kept'; reason: string };

/**
 * Makes `dest` a clone of `url`: clones into a temporary sibling then renames it (a cancelled or failed
 * clone leaves nothing behind); an existing clone is updated with pull --ff-only. When the update fails
 * (offline), the copy fetched earlier is kept and the reason returned.
 */
export async function cloneOrUpdate(url: string, dest: string, options: GitRunOptions = {}): Promise<FetchResult> {
  if (existsSync(join(dest, '.git'))) {
    try {
      await runGit(['-C', dest, 'remote', 'set-url', 'origin', url], options);
      await runGit(['-C', dest, 'pull', '--ff-only', '--progress'], options);
      return { action: 'updated' };
    } catch (e) {
      if (e instanceof GitError && e.kind !== 'failed') throw e;
      return { action: 'kept', reason: (e as Error).message };
    }
  }
  const temp = `${dest}.partial`;
  await rm(temp, { recursive: true, force: true });
  try {
    await runGit(['clone', '--depth', '1', '--progress', url, temp], options);
    await rm(dest, { recursive: true, force: true });
    await rename(temp, dest);
    return { action: 'cloned' };
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    throw e;
  }
}

/** Runs one git command; resolves on exit 0, else a GitError naming the cause in git's own last line. */
export function runGit(args: string[], options: GitRunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new GitError('Cancelled.', 'cancelled'));
    const child = spawn('git', args, {
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
    });
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      child.kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      for (const line of chunk.split(/[\r\n]+/)) {
        const m = /^(?:remote: )?([A-Za-z][A-Za-z ]+?):\s+(\d+)%/.exec(line.trim());
        if (m) options.onProgress?.({ phase: m[1]!, percent: Number(m[2]) });
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT'
        ? new GitError('Git was not found. Get App Manifests needs git installed and on the PATH.', 'missing-git')
        : new GitError(`Git could not be started (${e.code ?? 'unknown error'}).`, 'failed'));
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (cancelled) return reject(new GitError('Cancelled.', 'cancelled'));
      if (code === 0) return resolve();
      const command = args[0] === '-C' ? args[2] : args[0];
      reject(new GitError(`git ${command} failed: ${lastLine(tail)}`, 'failed'));
    });
  });
}

/** Git's last meaningful stderr line (progress lines dropped), control characters escaped. */
function lastLine(stderr: string): string {
  const lines = stderr.split(/[\r\n]+/).map((l) => l.trim()).filter((l) => l && !/\d+%/.test(l));
  const last = lines.at(-1) ?? 'no message from git';
  let out = '';
  for (const ch of last.slice(0, 300)) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}
