// Reading a local profile without blocking the extension host: bytes through vscode.workspace.fs, then
// XML text as-is, or the embedded plist of a signed (CMS/PEM) or binary profile decoded for reading.
import * as vscode from 'vscode';
import { readProfileBytes } from '../../../server/src/core';

export type ProfileEncoding = 'xml' | 'signed' | 'binary';

export interface LocalProfile {
  uri: vscode.Uri;
  bytes: Uint8Array;
  encoding: ProfileEncoding;
  /** XML plist text (decoded for signed/binary files); undefined if it could not be decoded. */
  text?: string;
  /** Why decoding failed, or who signed it. */
  note?: string;
}

/** How the file is stored, from its first bytes: XML text, signed (DER or PEM CMS) or a binary plist. */
export function sniffEncoding(bytes: Uint8Array): ProfileEncoding {
  if (bytes[0] === 0x30 && bytes[1] !== undefined && bytes[1] >= 0x80 && bytes[1] <= 0x84) return 'signed';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('-----BEGIN')) return 'signed';
  if (head.startsWith('bplist')) return 'binary';
  return 'xml';
}

export async function readLocalProfile(uri: vscode.Uri): Promise<LocalProfile> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  const content = readProfileBytes(bytes);
  const encoding: ProfileEncoding = content.kind === 'signed-der' || content.kind === 'signed-pem' ? 'signed' : content.kind === 'bplist' ? 'binary' : 'xml';
  if (content.problem) return { uri, bytes, encoding, note: content.problem.message };
  const note = content.signer ? `Signed by ${content.signer.subject.text}` : undefined;
  return { uri, bytes, encoding, text: content.text, ...(note ? { note } : {}) };
}

/** The profile's top-level PayloadDisplayName, if it has one (a cheap scan; the server does real parsing). */
export function displayNameOf(text: string): string | undefined {
  // The top-level dict's keys sit at depth 1; payload dicts are deeper, so track <dict> depth.
  let depth = 0;
  const re = /<(\/?)dict\b[^>]*?(\/?)>|<key>\s*PayloadDisplayName\s*<\/key>\s*<string>([^<]*)<\/string>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] !== undefined) {
      if (depth === 1) return decodeEntities(m[3]).trim() || undefined;
    } else if (m[2]) {
      // <dict/> opens and closes
    } else depth += m[1] ? -1 : 1;
  }
  return undefined;
}

const decodeEntities = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
