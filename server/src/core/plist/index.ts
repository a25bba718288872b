// Public face of the plist layer: parse, inspect and convert XML property lists.
export type * from './ast';
export { parsePlist } from './parser';
export { SyntaxCodes, syntaxCodeList, type SyntaxCode } from './syntaxCodes';
export { parseIntegerText, parseRealText, parseDateText, checkBase64Text, decodeBase64Text } from './valueSyntax';
export { toValue, getEntry, getValue, getString, type PlistValue } from './value';
