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
  return { ...base, text: decoded.text, innerKind: info.payloadKind, encoding: decoded.encoding };
}
