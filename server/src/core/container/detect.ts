// What kind of file is this? An XML plist, a signed profile (binary DER CMS or PEM), a binary plist
// or something else; for signed profiles, also the embedded plist and who signed it.

import { decodeBase64Text } from '../plist/valueSyntax';
import { readSignedData, looksLikeSignedData, type CertificateSummary } from './cms';
import { decodeText } from './textDecode';

export type ContainerKind = 'xml' | 'signed-der' | 'signed-pem' | 'bplist' | 'unknown';
export type PayloadKind = 'xml' | 'bplist' | 'unknown';

export interface ContainerInfo {
  kind: ContainerKind;
  /** The plist bytes: the input itself, or the signed content of a signed profile. */
  payload: Uint8Array | undefined;
  /** What the payload is (for a signed profile, what was signed). */
  payloadKind: PayloadKind;
  /** Signed profiles: the certificate that signed (or, if it cannot be matched, the first one). */
  signer?: CertificateSummary;
  certificates?: CertificateSummary[];
  /** Signed profiles: why the content could not be extracted. */
  error?: string;
}

const PEM = /-----BEGIN (PKCS7|CMS|PKCS #7 SIGNED DATA)-----([\s\S]*?)-----END \1-----/;

export function detectContainer(bytes: Uint8Array): ContainerInfo {
  const direct = payloadKindOf(bytes);
  if (direct === 'bplist') return { kind: 'bplist', payload: bytes, payloadKind: 'bplist' };

  // DER: SEQUENCE with a long or indefinite length (0x30 0x80..0x84), or any SEQUENCE carrying the
  // signed-data type; the short form needs the type check since "0" is a plain text character.
  if (bytes[0] === 0x30 && ((bytes[1] >= 0x80 && bytes[1] <= 0x84) || looksLikeSignedData(bytes))) {
    return fromSignedData('signed-der', bytes);
  }

  if (direct !== 'xml') {
    const head = decodeText(bytes.subarray(0, 64)).text.trimStart();
    if (head.startsWith('-----BEGIN')) {
      const match = PEM.exec(decodeText(bytes).text);
      if (!match) return { kind: 'signed-pem', payload: undefined, payloadKind: 'unknown', error: 'the PEM block is not a PKCS7/CMS block or has no END line' };
      return fromSignedData('signed-pem', decodeBase64Text(match[2]));
    }
  }
  return { kind: direct === 'xml' ? 'xml' : 'unknown', payload: bytes, payloadKind: direct };
}

function fromSignedData(kind: 'signed-der' | 'signed-pem', der: Uint8Array): ContainerInfo {
  const signed = readSignedData(der);
  if (!signed.ok) return { kind, payload: undefined, payloadKind: 'unknown', error: signed.reason };
  if (!signed.content) {
    return { kind, payload: undefined, payloadKind: 'unknown', signer: signed.signer, certificates: signed.certificates, error: 'the signature is detached: the profile content is not inside' };
  }
  return { kind, payload: signed.content, payloadKind: payloadKindOf(signed.content), signer: signed.signer, certificates: signed.certificates };
}

export function payloadKindOf(bytes: Uint8Array): PayloadKind {
  if (startsWithAscii(bytes, 'bplist')) return 'bplist';
  const head = decodeText(bytes.subarray(0, 256)).text.trimStart();
  return head.startsWith('<') ? 'xml' : 'unknown';
}

function startsWithAscii(bytes: Uint8Array, s: string): boolean {
  if (bytes.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (bytes[i] !== s.charCodeAt(i)) return false;
  return true;
}
