// THE table of stable diagnostic codes. Codes are never renamed or reused: they key severity
// overrides, quick fixes, golden files and the docs page.
//
// `data` shapes that quick fixes rely on (core/fixes reads them; keep them stable):
//   { fix: 'new-uuid' }                          profile|payload.missing-payload-uuid, profile.duplicate-uuid, profile.malformed-uuid
//   { suggestion: string }                       payload.unknown-key, payload.unknown-apple-type (absent when nothing is close),
//                                                payload.unlisted-key, value.case-mismatch (always)
//   { expectedType: SchemaType, key: string }    value.wrong-type, value.integer-as-boolean, value.numeric-string
//   { missingKeys: string[], payloadType: string } payload.missing-required-key (+ `alternatives` for a one-of group),
//                                                profile.missing-payload-*, payload.missing-payload-* (payloadType
//                                                'Configuration' for the profile, '' when the payload has no type)
//   { allowed: (string|number|boolean)[] }       value.not-allowed, value.unlisted-value, value.case-mismatch
//   { range: {min?, max?} }                      value.out-of-range
//   { format: string }                           value.format-mismatch
//   { keys: string[] }                           payload.conflicting-keys
//   { expected: 'Configuration' }                profile.wrong-payload-type
//   { platform: Platform, version?: string }     platform.*
// Related spans (`Problem.related`): profile.duplicate-uuid and profile.duplicate-identifier point at the first use.

import { type ContainerCode, ContainerCodes } from '../container/readProfile';
import { type SyntaxCode, SyntaxCodes } from '../plist/syntaxCodes';
import type { Severity } from './problem';

export interface CodeInfo {
  severity: Severity;
  /** One line for the docs table and SARIF rule descriptions. */
  summary: string;
}

export { SyntaxCodes };

const S = SyntaxCodes;
const syntaxError = (summary: string): CodeInfo => ({ severity: 'error', summary });

/** Codes reported by the parser (xml.* and plist.*): errors, since macOS refuses a malformed plist (one exception). */
export const SyntaxCodeInfo: Record<SyntaxCode, CodeInfo> = {
  [S.unclosedTag]: syntaxError('An element is never closed.'),
  [S.mismatchedTag]: syntaxError('An end tag does not match the open element.'),
  [S.unexpectedEndTag]: syntaxError('An end tag with no open element to close.'),
  [S.malformedTag]: syntaxError('A tag that cannot be read (bad name, attribute or missing `>`).'),
  [S.unexpectedText]: syntaxError('Text where only elements may appear.'),
  [S.badEntity]: syntaxError('An unknown or malformed `&...;` entity.'),
  [S.unknownElement]: syntaxError('An element that is not part of the plist format.'),
  [S.unterminated]: syntaxError('A comment, CDATA section or declaration runs to the end of the file.'),
  [S.misplacedDeclaration]: syntaxError('The `<?xml ...?>` declaration is not at the very start of the file.'),
  // Apple's reader skips it; strict XML readers refuse it: worth fixing, not fatal.
  [S.whitespaceBeforeDeclaration]: { severity: 'warning', summary: 'Whitespace before the `<?xml ...?>` declaration.' },
  [S.contentAfterRoot]: syntaxError('Content after the closing `</plist>`.'),
  [S.forbiddenCharacter]: syntaxError('A character XML does not allow (a control character other than tab, CR, LF; U+FFFE/U+FFFF; half a surrogate pair).'),
  [S.notAPlist]: syntaxError('The file is neither an XML plist, a binary plist nor a signed profile.'),
  [S.missingPlistElement]: syntaxError('No `<plist>` element.'),
  [S.missingRoot]: syntaxError('The `<plist>` element holds no value.'),
  [S.multipleRoots]: syntaxError('The `<plist>` element holds more than one value.'),
  [S.keyWithoutValue]: syntaxError('A `<key>` with no value after it.'),
  [S.valueWithoutKey]: syntaxError('A value inside a `<dict>` with no `<key>` before it.'),
  [S.misplacedKey]: syntaxError('A `<key>` outside a `<dict>`.'),
  [S.duplicateKey]: syntaxError('The same key twice in one dictionary.'),
  [S.badInteger]: syntaxError('`<integer>` text that is not a whole number in 64 bits.'),
  [S.badReal]: syntaxError('`<real>` text that is not a number.'),
  [S.badDate]: syntaxError('`<date>` text not in the form YYYY-MM-DDTHH:MM:SSZ.'),
  [S.badBase64]: syntaxError('`<data>` text that is not valid base64.'),
  [S.nonEmptyBoolean]: syntaxError('`<true/>` or `<false/>` with content.'),
};

export { ContainerCodes };

/** Codes for files whose plist cannot be taken out of its container (reported on the whole file). */
export const ContainerCodeInfo: Record<ContainerCode, CodeInfo> = {
  [ContainerCodes.unreadableSignature]: { severity: 'error', summary: 'A signed profile whose CMS structure cannot be read.' },
  [ContainerCodes.detachedSignature]: { severity: 'error', summary: 'A signature without the profile inside it (detached).' },
  [ContainerCodes.badBinaryPlist]: { severity: 'error', summary: 'A binary plist (bplist00) that cannot be decoded.' },
  [ContainerCodes.notAPlist]: { severity: 'error', summary: 'A file that is not a property list at all (binary data, or text with no XML in it).' },
};

/** Codes the language server adds itself (server/src/lsp/diagnostics.ts); listed so the table is complete. */
export const AdapterCodeInfo: Record<string, CodeInfo> = {
  'file.binary-profile': { severity: 'info', summary: 'A signed or binary profile: shown decoded and read-only in the editor.' },
  'server.internal-error': { severity: 'warning', summary: 'The language server could not check the file (details in its log).' },
};

export const ValidationCodes = {
  noRoot: 'profile.no-root',
  rootNotDict: 'profile.root-not-dict',
  wrongProfileType: 'profile.wrong-payload-type',
  profileMissingType: 'profile.missing-payload-type',
  profileMissingIdentifier: 'profile.missing-payload-identifier',
  profileMissingUuid: 'profile.missing-payload-uuid',
  profileMissingVersion: 'profile.missing-payload-version',
  profileMissingContent: 'profile.missing-payload-content',
  profileBadVersion: 'profile.unsupported-payload-version',
  emptyContent: 'profile.empty-payload-content',
  payloadNotDict: 'profile.payload-not-dict',
  duplicateUuid: 'profile.duplicate-uuid',
  duplicateIdentifier: 'profile.duplicate-identifier',
  malformedUuid: 'profile.malformed-uuid',
  payloadMissingType: 'payload.missing-payload-type',
  payloadMissingIdentifier: 'payload.missing-payload-identifier',
  payloadMissingUuid: 'payload.missing-payload-uuid',
  payloadMissingVersion: 'payload.missing-payload-version',
  payloadUnusualVersion: 'payload.unusual-payload-version',
  unknownAppleType: 'payload.unknown-apple-type',
  customType: 'payload.custom-type',
  unknownKey: 'payload.unknown-key',
  unlistedKey: 'payload.unlisted-key',
  missingRequiredKey: 'payload.missing-required-key',
  conflictingKeys: 'payload.conflicting-keys',
  wrongType: 'value.wrong-type',
  integerAsBoolean: 'value.integer-as-boolean',
  notAllowed: 'value.not-allowed',
  outOfRange: 'value.out-of-range',
  formatMismatch: 'value.format-mismatch',
  emptyKey: 'value.empty-key',
  platformUnsupported: 'platform.unsupported',
  platformRemoved: 'platform.removed',
  platformDeprecated: 'platform.deprecated',
  supervisedOnly: 'platform.supervised-only',
  identifierSameAsProfile: 'payload.identifier-same-as-profile',
  keyNewerThanData: 'payload.key-newer-than-data',
  unlistedPreference: 'payload.unlisted-preference',
  caseMismatch: 'value.case-mismatch',
  numericString: 'value.numeric-string',
  unlistedValue: 'value.unlisted-value',
} as const;

export type ValidationCode = (typeof ValidationCodes)[keyof typeof ValidationCodes];

const C = ValidationCodes;

export const ValidationCodeInfo: Record<ValidationCode, CodeInfo> = {
  [C.noRoot]: { severity: 'error', summary: 'The <plist> element holds no value.' },
  [C.rootNotDict]: { severity: 'error', summary: 'The top-level value of a profile must be a <dict>.' },
  [C.wrongProfileType]: { severity: 'error', summary: 'The top-level PayloadType must be "Configuration".' },
  [C.profileMissingType]: { severity: 'error', summary: 'The profile has no PayloadType.' },
  [C.profileMissingIdentifier]: { severity: 'error', summary: 'The profile has no PayloadIdentifier.' },
  [C.profileMissingUuid]: { severity: 'error', summary: 'The profile has no PayloadUUID.' },
  [C.profileMissingVersion]: { severity: 'error', summary: 'The profile has no PayloadVersion.' },
  [C.profileMissingContent]: { severity: 'error', summary: 'The profile has no PayloadContent array.' },
  [C.profileBadVersion]: { severity: 'error', summary: 'The profile PayloadVersion must be the integer 1.' },
  [C.emptyContent]: { severity: 'info', summary: 'PayloadContent is empty: the profile configures nothing.' },
  [C.payloadNotDict]: { severity: 'error', summary: 'Each item of PayloadContent must be a <dict>.' },
  [C.duplicateUuid]: { severity: 'error', summary: 'Two payloads (or a payload and the profile) share a PayloadUUID.' },
  [C.duplicateIdentifier]: { severity: 'warning', summary: 'Two payloads (or a payload and the profile) share a PayloadIdentifier.' },
  [C.malformedUuid]: { severity: 'warning', summary: 'A PayloadUUID is not shaped like a UUID (8-4-4-4-12 hex digits).' },
  [C.payloadMissingType]: { severity: 'error', summary: 'A payload has no PayloadType.' },
  [C.payloadMissingIdentifier]: { severity: 'error', summary: 'A payload has no PayloadIdentifier.' },
  [C.payloadMissingUuid]: { severity: 'error', summary: 'A payload has no PayloadUUID.' },
  [C.payloadMissingVersion]: { severity: 'warning', summary: 'A payload has no PayloadVersion (vendors omit it and it deploys; 1 is expected).' },
  [C.payloadUnusualVersion]: { severity: 'info', summary: 'A payload PayloadVersion other than 1.' },
  [C.unknownAppleType]: { severity: 'warning', summary: 'A com.apple.* PayloadType that the schemas do not describe.' },
  [C.customType]: { severity: 'info', summary: 'A PayloadType outside Apple\'s schemas (an app preference domain); its keys are not checked.' },
  [C.unknownKey]: { severity: 'warning', summary: 'A key the payload schema does not list.' },
  [C.unlistedKey]: { severity: 'warning', summary: 'A name in an open dictionary (e.g. TCC Services) close to a listed one: accepted, but likely a typo that makes the rule do nothing.' },
  [C.missingRequiredKey]: { severity: 'error', summary: 'A key the payload schema requires is missing.' },
  [C.conflictingKeys]: { severity: 'warning', summary: 'A dictionary sets two keys of which only one may be used (e.g. TCC Allowed and Authorization).' },
  [C.wrongType]: { severity: 'error', summary: 'A value has the wrong plist type for its key.' },
  [C.integerAsBoolean]: { severity: 'warning', summary: 'A boolean written as <integer>0</integer> or <integer>1</integer>: accepted, but <true/>/<false/> is the plist form.' },
  [C.notAllowed]: { severity: 'error', summary: 'A value is not one of the values allowed for its key.' },
  [C.outOfRange]: { severity: 'error', summary: 'A number is outside the range allowed for its key.' },
  [C.formatMismatch]: { severity: 'warning', summary: 'A string does not match the format its key expects.' },
  [C.emptyKey]: { severity: 'warning', summary: 'A <key> element with empty text.' },
  [C.platformUnsupported]: { severity: 'info', summary: 'A payload or key is not available on a target platform.' },
  [C.platformRemoved]: { severity: 'info', summary: 'A payload or key was removed from a target platform.' },
  [C.platformDeprecated]: { severity: 'info', summary: 'A payload or key is deprecated on a target platform.' },
  [C.supervisedOnly]: { severity: 'hint', summary: 'A payload or key takes effect only on supervised devices of a target platform.' },
  [C.identifierSameAsProfile]: { severity: 'info', summary: 'A payload PayloadIdentifier equal to the profile\'s: allowed, but a suffix keeps payloads apart.' },
  [C.keyNewerThanData]: { severity: 'info', summary: 'A key an Apple payload\'s schema does not list but that looks like Apple\'s own: the schema data may predate the OS that added it.' },
  [C.unlistedPreference]: { severity: 'info', summary: 'A preference key (app domain from a manifest, managed-preference settings) that is described nowhere and close to no described key: the app may still read it.' },
  [C.caseMismatch]: { severity: 'warning', summary: 'A value that differs from an allowed value only by letter case.' },
  [C.numericString]: { severity: 'info', summary: 'An app preference number written as <string>: apps reading a number usually convert it, but the plist form is <integer> or <real>.' },
  [C.unlistedValue]: { severity: 'warning', summary: 'A value an app preference manifest does not list for its key (manifest lists can lag the app).' },
};

/** Every stable code with its default severity and summary. */
export const AllCodeInfo: Record<string, CodeInfo> = { ...SyntaxCodeInfo, ...ContainerCodeInfo, ...ValidationCodeInfo, ...AdapterCodeInfo };

export const allCodes = (): string[] => Object.keys(AllCodeInfo);
