// Public face of the XML layer: the restartable scanner and entity helpers.
export { createScanner, tokenize, isNameCode, isNameStartCode, isWhitespaceCode, type Scanner, type ScannerState, type TokenType } from './scanner';
export { decodeEntity, escapeText, isXmlChar } from './entities';
