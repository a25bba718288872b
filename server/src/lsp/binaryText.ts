// Recognises profile files that are not XML text (signed CMS, PEM, binary plists) from what the editor
// sent us, so the server reports one note instead of a wall of XML errors.

export type BinaryKind = 'signed' | 'pem' | 'binary-plist' | 'binary';

export function detectBinaryText(text: string): BinaryKind | undefined {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '');
  if (head.startsWith('bplist')) return 'binary-plist';
  if (/^\s*-----BEGIN (PKCS7|CMS)/.test(head)) return 'pem';
  // DER SEQUENCE with indefinite (0x80) or two-byte (0x82) length, as decoded by an editor (latin1, UTF-8 or U+FFFD).
  if (head.charCodeAt(0) === 0x30 && [0x80, 0x82, 0xfffd].includes(head.charCodeAt(1))) return 'signed';
  if (head.includes('\u0000')) return 'binary';
  return undefined;
}

export function binaryMessage(kind: BinaryKind): string {
  switch (kind) {
    case 'signed':
    case 'pem':
      return 'Signed profile: run "Profile Studio: Show Decoded Profile" to see and lint the XML inside.';
    case 'binary-plist':
      return 'Binary property list: run "Profile Studio: Show Decoded Profile" to see and lint it as XML.';
    default:
      return 'This file is not text: Profile Studio lints XML profiles, signed profiles and binary plists through the decoded view.';
  }
}
