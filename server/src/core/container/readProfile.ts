// From file bytes to the XML text the linter and the viewer work on, whatever the container:
// plain XML (any supported encoding), a signed profile (DER or PEM CMS) or a binary plist.

import { binaryPlistToXml } from './binaryPlist';
import type { CertificateSummary } from './cms';
import { detectContainer, type ContainerKind } from './detect';
import { decodeText, type TextEncoding } from './textDecode';

export const ContainerCodes = {
  unreadableSignature: 'container.unreadable-signature',
  detachedSignature: 'container.detached-signature',
  badBinaryPlist: 'container.bad-binary-plist',
  notAPlist: 'container.not-a-plist',
} as const;

export type ContainerCode = (typeof ContainerCodes)[keyof typeof ContainerCodes];

export interface ContainerProblem {
  code: ContainerCode;
  message: string;
}

export interface ProfileContent {
  /** XML plist text to lint and show (empty when nothing could be extracted; see `problem`). */
  text: string;
  kind: ContainerKind;
  /** What the XML text came from inside the container. */
  innerKind: 'xml' | 'bplist' | 'unknown';
  encoding: TextEncoding | undefined;
  /** Signed profiles: who signed. */
  signer?: CertificateSummary;
  /** Signed and binary files are shown read-only: editing the text would not change the file. */
  readOnly: boolean;
  /** Why the content could not be read, to report as an error on the whole file. */
  problem?: ContainerProblem;
}

export function readProfileBytes(bytes: Uint8Array): ProfileContent {
  const info = detectContainer(bytes);
  const signed = info.kind === 'signed-der' || info.kind === 'signed-pem';
  const base = { kind: info.kind, signer: info.signer, readOnly: signed || info.kind === 'bplist' };
  if (!info.payload) {
    const code = info.error?.includes('detached') ? ContainerCodes.detachedSignature : ContainerCodes.unreadableSignature;
    return { ...base, text: '', innerKind: 'unknown', encoding: undefined, problem: { code, message: `This signed profile cannot be read: ${info.error ?? 'no content'}.` } };
  }
  if (info.payloadKind === 'bplist') {
    const converted = binaryPlistToXml(info.payload);
    if (!converted.ok) {
      return { ...base, text: '', innerKind: 'bplist', encoding: undefined, problem: { code: ContainerCodes.badBinaryPlist, message: `This binary plist cannot be read: ${converted.reason}.` } };
    }
    return { ...base, text: converted.xml, innerKind: 'bplist', encoding: undefined };
  }
  const decoded = decodeText(info.payload);
  if (looksBinary(decoded.text, info.payloadKind === 'unknown')) {
    // Random or foreign bytes would yield a screenful of tag errors naming mojibake; one error says what it is.
    const message = 'This file is not a property list: it is neither XML text, a binary plist (bplist00) nor a signed profile.';
    return { ...base, text: '', innerKind: 'unknown', encoding: decoded.encoding, problem: { code: ContainerCodes.notAPlist, message } };
  }
  return { ...base, text: decoded.text, innerKind: info.payloadKind, encoding: decoded.encoding };
}

const SAMPLE = 4096;

/**
 * Bytes that are not text: a NUL, or many control characters / undecodable bytes in the first 4 KB. A text
 * file that does not start with `<` counts too when it has no `<` at all (nothing the XML parser could place).
 */
function looksBinary(text: string, notXml: boolean): boolean {
  const sample = text.slice(0, SAMPLE);
  if (sample.trim() === '') return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  if (odd > Math.max(8, sample.length / 50)) return true;
  return notXml && !sample.includes('<');
}
