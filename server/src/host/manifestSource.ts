// Node side of preference manifests: finds *.plist files under the folders the user names, indexes them by
// pfm_domain (reading only each file's head), and converts a domain's manifests when it is first needed.
// A file that cannot be read or converted is reported once through `log`, with its path, and skipped.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  manifestDomainOf, mergeManifestSchemas, readProfileBytes, schemaFromManifestText,
  type ManifestSource, type PayloadSchema, type SchemaIndexEntry,
} from '../core';

/** Folders deeper than this are not searched (a link loop or a whole disk named by mistake). */
const MAX_DEPTH = 8;
/** pfm_domain sits near the top of a manifest (keys are sorted); the head is read first. */
const HEAD_BYTES = 8192;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface ManifestFolders extends ManifestSource {
  /** Manifest files found, per domain (for the log and tests). */
  files(): Map<string, string[]>;
}

export function manifestFolderSource(folders: readonly string[], log: (message: string) => void = () => undefined): ManifestFolders {
  let byDomain: Map<string, string[]> | undefined;
  const reported = new Set<string>();
  const loaded = new Map<string, PayloadSchema | null>();

  const problem = (path: string, why: string): void => {
    if (reported.has(path)) return;
    reported.add(path);
    log(`manifest ${printable(path)} skipped: ${printable(why)}`);
  };

  const scan = (): Map<string, string[]> => {
    if (byDomain) return byDomain;
    byDomain = new Map();
    for (const folder of folders) {
      const root = resolve(folder);
      if (!isFolder(root)) {
        problem(root, 'not a folder');
        continue;
      }
      for (const path of plistFiles(root, problem)) {
        const domain = domainOf(path, problem);
        if (!domain) continue;
        const list = byDomain.get(domain) ?? [];
        if (!list.includes(path)) list.push(path);
        byDomain.set(domain, list);
      }
    }
    return byDomain;
  };

  return {
    index(): SchemaIndexEntry[] {
      return [...scan().keys()].sort().map((domain) => ({ payloadType: domain, title: domain, file: domain }));
    },
    load(domain: string): PayloadSchema | undefined {
      const cached = loaded.get(domain);
      if (cached !== undefined) return cached ?? undefined;
      const schemas: PayloadSchema[] = [];
      for (const path of scan().get(domain) ?? []) {
        const text = readText(path, problem);
        if (text === undefined) continue;
        const result = schemaFromManifestText(text);
        if (!result.ok) problem(path, result.error);
        else if (result.domain !== domain) problem(path, `its pfm_domain changed to ${result.domain}`);
        else schemas.push(result.schema);
      }
      const merged = mergeManifestSchemas(schemas);
      loaded.set(domain, merged ?? null);
      return merged;
    },
    files: () => scan(),
  };
}

/** Paths and parser messages may hold control characters: shown escaped, never raw. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

function plistFiles(root: string, problem: (path: string, why: string) => void): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problem(dir, `cannot be listed (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && depth < MAX_DEPTH) walk(path, depth + 1);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.plist')) {
        out.push(path);
      }
    }
  };
  walk(root, 0);
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function domainOf(path: string, problem: (path: string, why: string) => void): string | undefined {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, n).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    problem(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`);
    return undefined;
  }
  const fromHead = head.startsWith('bplist') ? undefined : manifestDomainOf(head);
  if (fromHead) return fromHead;
  const text = readText(path, problem);
  const domain = text === undefined ? undefined : manifestDomainOf(text);
  if (text !== undefined && !domain) problem(path, 'no pfm_domain');
  return domain;
}

/** XML text of a manifest; binary plists go through the core's container reader like profiles do. */
function readText(path: string, problem: (path: string, why: string) => void): string | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (e) {
    problem(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`);
    return undefined;
  }
  const content = readProfileBytes(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  if (content.problem) {
    problem(path, content.problem.message);
    return undefined;
  }
  return content.text;
}
