// Public face of the container layer: recognise signed, binary and text profiles.
export { detectContainer, payloadKindOf, type ContainerInfo, type ContainerKind, type PayloadKind } from './detect';
export { readSignedData, type CertificateSummary, type DistinguishedName, type NameAttribute, type SignedContent } from './cms';
export { decodeText, decodeUtf8, encodeUtf8, type DecodedText, type TextEncoding } from './textDecode';
export { binaryPlistToXml, encodeBase64, type BinaryPlistResult } from './binaryPlist';
export { readProfileBytes, ContainerCodes, type ContainerCode, type ContainerProblem, type ProfileContent } from './readProfile';
