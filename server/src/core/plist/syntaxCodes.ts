// Stable codes for the problems the scanner and parser report. Never rename or reuse a code: it is
// the key for severity overrides, goldens and quick fixes. The validation layer re-exports this table.
// Every syntax problem is an error (macOS refuses a profile that is not a well-formed plist), except
// where a comment below says otherwise.

export const SyntaxCodes = {
  // XML well-formedness
  unclosedTag: 'xml.unclosed-tag',
  mismatchedTag: 'xml.mismatched-tag',
  unexpectedEndTag: 'xml.unexpected-end-tag',
  malformedTag: 'xml.malformed-tag',
  unexpectedText: 'xml.unexpected-text',
  badEntity: 'xml.bad-entity',
  unknownElement: 'xml.unknown-element',
  unterminated: 'xml.unterminated',
  misplacedDeclaration: 'xml.misplaced-declaration',
  /** Whitespace before `<?xml`: strict XML parsers refuse it, Apple's reader skips it (suggest a warning). */
  whitespaceBeforeDeclaration: 'xml.whitespace-before-declaration',
  contentAfterRoot: 'xml.content-after-root',
  /** A character XML 1.0 forbids (a control other than tab/CR/LF, U+FFFE/U+FFFF, a lone surrogate half). */
  forbiddenCharacter: 'xml.forbidden-character',
  // plist structure
  notAPlist: 'plist.not-a-plist',
  missingPlistElement: 'plist.missing-plist-element',
  missingRoot: 'plist.missing-root',
  multipleRoots: 'plist.multiple-roots',
  keyWithoutValue: 'plist.key-without-value',
  valueWithoutKey: 'plist.value-without-key',
  misplacedKey: 'plist.misplaced-key',
  duplicateKey: 'plist.duplicate-key',
  // plist value syntax
  badInteger: 'plist.bad-integer',
  badReal: 'plist.bad-real',
  badDate: 'plist.bad-date',
  badBase64: 'plist.bad-base64',
  nonEmptyBoolean: 'plist.non-empty-boolean',
} as const;

export type SyntaxCode = (typeof SyntaxCodes)[keyof typeof SyntaxCodes];

export const syntaxCodeList: readonly SyntaxCode[] = Object.values(SyntaxCodes);
