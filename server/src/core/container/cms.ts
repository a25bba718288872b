// Reads a CMS (PKCS #7) SignedData: the signed content (a signed profile's plist) and the
// certificates, picking the one that signed it. Nothing is verified here: this is for showing
// and linting the content, not for trusting it.

import { childrenOf, isContext, isUniversal, octetsOf, oidOf, readTlv, stringOf, Tag, type Tlv } from './der';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_SUBJECT_KEY_ID = '2.5.29.14';

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

export interface NameAttribute {
  /** Short name (CN, O, OU, C...) or the dotted OID when unknown. */
  type: string;
  value: string;
}

export interface DistinguishedName {
  attributes: NameAttribute[];
  /** One line, most specific first: "CN=..., OU=..., O=..., C=...". */
  text: string;
}

export interface CertificateSummary {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  serialHex: string;
  notBefore?: string;
  notAfter?: string;
}

export type SignedContent =
  | { ok: true; content: Uint8Array | undefined; certificates: CertificateSummary[]; signer: CertificateSummary | undefined }
  | { ok: false; reason: string };

/** True when the bytes begin like a CMS ContentInfo of type SignedData. */
export function looksLikeSignedData(bytes: Uint8Array): boolean {
  const outer = readTlv(bytes, 0);
  if (!isUniversal(outer, Tag.sequence) || !outer.constructed) return false;
  const oid = readTlv(bytes, outer.contentStart, outer.contentEnd);
  return isUniversal(oid, Tag.oid) && oidOf(bytes, oid) === OID_SIGNED_DATA;
}

export function readSignedData(bytes: Uint8Array): SignedContent {
  const fail = (reason: string): SignedContent => ({ ok: false, reason });
  const outer = readTlv(bytes, 0);
  if (!isUniversal(outer, Tag.sequence)) return fail('the data is not an ASN.1 structure');
  const info = childrenOf(bytes, outer);
  if (!info || !isUniversal(info[0], Tag.oid)) return fail('the signature structure is damaged');
  if (oidOf(bytes, info[0]) !== OID_SIGNED_DATA) return fail(`the content type is ${oidOf(bytes, info[0])}, not signed data`);
  const explicit = info[1] && isContext(info[1], 0) ? childrenOf(bytes, info[1]) : undefined;
  const signedData = explicit && isUniversal(explicit[0], Tag.sequence) ? childrenOf(bytes, explicit[0]) : undefined;
  if (!signedData || signedData.length < 4) return fail('the signed data is damaged or truncated');

  // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
  const encap = isUniversal(signedData[2], Tag.sequence) ? childrenOf(bytes, signedData[2]) : undefined;
  if (!encap) return fail('the signed content is damaged');
  let content: Uint8Array | undefined;
  if (encap[1] && isContext(encap[1], 0)) {
    const wrapped = childrenOf(bytes, encap[1]);
    if (!wrapped || !isUniversal(wrapped[0], Tag.octetString)) return fail('the signed content is not an octet string');
    content = octetsOf(bytes, wrapped[0]);
    if (!content) return fail('the signed content is damaged');
  }

  const certificates: { summary: CertificateSummary; issuerDer: Uint8Array; serial: Uint8Array; keyId?: Uint8Array }[] = [];
  let signerInfos: Tlv | undefined;
  for (const element of signedData.slice(3)) {
    if (isContext(element, 0)) {
      for (const cert of childrenOf(bytes, element) ?? []) {
        const parsed = readCertificate(bytes, cert);
        if (parsed) certificates.push(parsed);
      }
    } else if (isUniversal(element, Tag.set)) signerInfos = element;
  }

  const signer = findSigner(bytes, signerInfos, certificates);
  return { ok: true, content, certificates: certificates.map((c) => c.summary), signer: signer?.summary ?? certificates[0]?.summary };
}

function findSigner<T extends { issuerDer: Uint8Array; serial: Uint8Array; keyId?: Uint8Array }>(
  bytes: Uint8Array,
  signerInfos: Tlv | undefined,
  certificates: T[],
): T | undefined {
  const first = signerInfos ? childrenOf(bytes, signerInfos)?.[0] : undefined;
  const info = first ? childrenOf(bytes, first) : undefined;
  const sid = info?.[1];
  if (!sid) return undefined;
  if (sid.cls === 0 && sid.tagNumber === Tag.sequence) {
    const parts = childrenOf(bytes, sid);
    if (!parts || parts.length < 2) return undefined;
    const issuer = bytes.subarray(parts[0].start, parts[0].end);
    const serial = bytes.subarray(parts[1].contentStart, parts[1].contentEnd);
    return certificates.find((c) => sameBytes(c.issuerDer, issuer) && sameBytes(c.serial, serial));
  }
  if (sid.cls === 2 && sid.tagNumber === 0) {
    const keyId = bytes.subarray(sid.contentStart, sid.contentEnd);
    return certificates.find((c) => c.keyId !== undefined && sameBytes(c.keyId, keyId));
  }
  return undefined;
}

function readCertificate(bytes: Uint8Array, cert: Tlv) {
  const top = isUniversal(cert, Tag.sequence) ? childrenOf(bytes, cert) : undefined;
  const tbs = top && isUniversal(top[0], Tag.sequence) ? childrenOf(bytes, top[0]) : undefined;
  if (!tbs) return undefined;
  // [0] version is optional; then serial, signature algorithm, issuer, validity, subject.
  const i = isContext(tbs[0], 0) ? 1 : 0;
  const [serial, , issuer, validity, subject] = tbs.slice(i, i + 5);
  if (!isUniversal(serial, Tag.integer) || !isUniversal(issuer, Tag.sequence) || !isUniversal(subject, Tag.sequence)) return undefined;
  const times = validity ? (childrenOf(bytes, validity) ?? []) : [];
  const serialBytes = bytes.subarray(serial.contentStart, serial.contentEnd);
  const summary: CertificateSummary = {
    subject: readName(bytes, subject),
    issuer: readName(bytes, issuer),
    serialHex: Array.from(serialBytes, (b) => b.toString(16).padStart(2, '0')).join(''),
    notBefore: times[0] ? readTime(bytes, times[0]) : undefined,
    notAfter: times[1] ? readTime(bytes, times[1]) : undefined,
  };
  return { summary, issuerDer: bytes.subarray(issuer.start, issuer.end), serial: serialBytes, keyId: readSubjectKeyId(bytes, tbs) };
}

function readSubjectKeyId(bytes: Uint8Array, tbs: Tlv[]): Uint8Array | undefined {
  const extensionsTag = tbs.find((t) => isContext(t, 3));
  const list = extensionsTag ? childrenOf(bytes, extensionsTag) : undefined;
  const extensions = list && list[0] ? childrenOf(bytes, list[0]) : undefined;
  for (const ext of extensions ?? []) {
    const parts = childrenOf(bytes, ext);
    if (!parts || !isUniversal(parts[0], Tag.oid) || oidOf(bytes, parts[0]) !== OID_SUBJECT_KEY_ID) continue;
    const wrapped = parts[parts.length - 1];
    const inner = isUniversal(wrapped, Tag.octetString) ? readTlv(bytes, wrapped.contentStart, wrapped.contentEnd) : undefined;
    return isUniversal(inner, Tag.octetString) ? bytes.subarray(inner.contentStart, inner.contentEnd) : undefined;
  }
  return undefined;
}

function readName(bytes: Uint8Array, name: Tlv): DistinguishedName {
  const attributes: NameAttribute[] = [];
  for (const rdn of childrenOf(bytes, name) ?? []) {
    for (const pair of childrenOf(bytes, rdn) ?? []) {
      const parts = childrenOf(bytes, pair);
      if (!parts || !isUniversal(parts[0], Tag.oid) || !parts[1]) continue;
      const oid = oidOf(bytes, parts[0]);
      attributes.push({ type: ATTRIBUTE_NAMES[oid] ?? oid, value: stringOf(bytes, parts[1]) });
    }
  }
  const text = [...attributes].reverse().map((a) => `${a.type}=${a.value}`).join(', ');
  return { attributes, text };
}

function readTime(bytes: Uint8Array, tlv: Tlv): string | undefined {
  const raw = stringOf(bytes, tlv);
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(raw);
  if (!m) return raw;
  const year = m[1].length === 4 ? m[1] : (Number(m[1]) < 50 ? '20' : '19') + m[1];
  return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
