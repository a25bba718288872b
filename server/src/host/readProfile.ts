// Node side of reading a profile from disk (CLI, language server, the extension's read-only viewer).

import { readFile } from 'node:fs/promises';
import { readProfileBytes, type ProfileContent } from '../core';

export type ReadProfileResult = { ok: true; profile: ProfileContent } | { ok: false; error: string };

export async function readProfileFile(path: string): Promise<ReadProfileResult> {
  let bytes: Uint8Array;
  try {
    const buffer = await readFile(path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const words: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a folder, not a file', EACCES: 'permission denied', EPERM: 'permission denied' };
    return { ok: false, error: words[code ?? ''] ?? 'cannot be read' };
  }
  return { ok: true, profile: readProfileBytes(bytes) };
}
