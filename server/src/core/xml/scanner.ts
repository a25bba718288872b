// A restartable XML scanner: a small state machine over the source text that yields one token at a
// time with its offset and length. It never throws and never stops early: any character sequence is
// tokenized (unknown bytes become `text` or `unknown` tokens), so the parser decides what is an error.
// Restartable: create a scanner at any offset with the state the previous scan left there, and it
// continues exactly as a scan from the start would (used to rescan a small region around the cursor).

export type TokenType =
  | 'startTagOpen' // `<` that starts an element
  | 'startTagName'
  | 'attributeName'
  | 'attributeEquals'
  | 'attributeValue' // quoted value including its quotes (may be unterminated)
  | 'startTagClose' // `>`
  | 'startTagSelfClose' // `/>`
  | 'endTagOpen' // `</`
  | 'endTagName'
  | 'endTagClose' // `>`
  | 'whitespace' // inside a tag
  | 'unknown' // a character run inside a tag that fits nowhere
  | 'text' // character data between markup (no `<` and no `&`)
  | 'entityRef' // `&...;` (may be malformed: see `unterminated`)
  | 'cdata' // `<![CDATA[ ... ]]>`
  | 'comment' // `<!-- ... -->`
  | 'doctype' // `<!DOCTYPE ... >` or any other `<!...>` declaration
  | 'processingInstruction' // `<?xml ... ?>` and other `<? ... ?>`
  | 'eos';

export type ScannerState =
  | 'content'
  | 'afterStartTagOpen' // just after `<`: a name may follow
  | 'withinStartTag'
  | 'afterEndTagOpen' // just after `</`
  | 'withinEndTag';

export interface Scanner {
  scan(): TokenType;
  readonly tokenType: TokenType;
  readonly tokenOffset: number;
  readonly tokenLength: number;
  readonly tokenEnd: number;
  /** True when a comment, CDATA, PI, doctype, quoted value or entity ran out before its terminator. */
  readonly unterminated: boolean;
  readonly state: ScannerState;
  tokenText(): string;
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f;
const AMP = 0x26;
const EQ = 0x3d;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const SEMI = 0x3b;
const HASH = 0x23;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Longest entity reference we look for a `;` in (the longest legal one, `&#x10FFFF;`, is 10). */
const MAX_ENTITY_LENGTH = 32;

export function isWhitespaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff;
}

export function isNameStartCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0xc0 && c !== 0xfeff);
}

export function isNameCode(c: number): boolean {
  return isNameStartCode(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

export function createScanner(text: string, initialOffset = 0, initialState: ScannerState = 'content'): Scanner {
  const len = text.length;
  let pos = Math.max(0, Math.min(len, initialOffset));
  let state: ScannerState = initialState;
  let tokenType: TokenType = 'eos';
  let tokenOffset = pos;
  let unterminated = false;

  const code = (i: number): number => (i < len ? text.charCodeAt(i) : -1);
  const startsWith = (s: string, at: number): boolean => text.startsWith(s, at);

  /** Moves pos past `terminator`, or to the end of text (then `unterminated`). */
  function skipPast(terminator: string): void {
    const i = text.indexOf(terminator, pos);
    if (i < 0) {
      pos = len;
      unterminated = true;
    } else pos = i + terminator.length;
  }

  function skipWhitespace(): boolean {
    const start = pos;
    while (pos < len && isWhitespaceCode(text.charCodeAt(pos))) pos++;
    return pos > start;
  }

  function skipName(): boolean {
    if (!isNameStartCode(code(pos))) return false;
    pos++;
    while (pos < len && isNameCode(text.charCodeAt(pos))) pos++;
    return true;
  }

  /**
   * An unterminated declaration or processing instruction most likely lost a quote or a `?`: end it
   * at the first `>` rather than letting it swallow the whole document.
   */
  function endAtFirstGt(from: number): void {
    const gt = text.indexOf('>', from);
    pos = gt < 0 ? len : gt + 1;
    unterminated = true;
  }

  // `<!DOCTYPE ...>` with an optional internal subset `[ ... ]`, or any other `<!` declaration.
  function skipDeclaration(): void {
    const from = pos;
    let depth = 0;
    let quote = -1;
    while (pos < len) {
      const c = text.charCodeAt(pos++);
      if (quote >= 0) {
        if (c === quote) quote = -1;
      } else if (c === DQUOTE || c === SQUOTE) quote = c;
      else if (c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
      else if (c === GT && depth === 0) return;
    }
    endAtFirstGt(from);
  }

  function scanEntity(): void {
    // pos is at '&'.
    pos++;
    const limit = Math.min(len, pos + MAX_ENTITY_LENGTH);
    let i = pos;
    if (code(i) === HASH) i++;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === SEMI) {
        pos = i + 1;
        return;
      }
      if (!isNameCode(c)) break;
      i++;
    }
    // No ';': the reference is only the name characters we saw.
    pos = i;
    unterminated = true;
  }

  function scanContent(): TokenType {
    const c = text.charCodeAt(pos);
    if (c === LT) {
      if (startsWith('<!--', pos)) {
        pos += 4;
        skipPast('-->');
        return 'comment';
      }
      if (startsWith('<![CDATA[', pos)) {
        pos += 9;
        skipPast(']]>');
        return 'cdata';
      }
      if (code(pos + 1) === BANG) {
        pos += 2;
        skipDeclaration();
        return 'doctype';
      }
      if (code(pos + 1) === QUESTION) {
        pos += 2;
        const end = text.indexOf('?>', pos);
        if (end < 0) endAtFirstGt(pos);
        else pos = end + 2;
        return 'processingInstruction';
      }
      if (code(pos + 1) === SLASH) {
        pos += 2;
        state = 'afterEndTagOpen';
        return 'endTagOpen';
      }
      pos++;
      state = 'afterStartTagOpen';
      return 'startTagOpen';
    }
    if (c === AMP) {
      scanEntity();
      return 'entityRef';
    }
    while (pos < len) {
      const d = text.charCodeAt(pos);
      if (d === LT || d === AMP) break;
      pos++;
    }
    return 'text';
  }

  function scanWithinTag(isEnd: boolean): TokenType {
    const c = text.charCodeAt(pos);
    if (skipWhitespace()) return 'whitespace';
    if (c === GT) {
      pos++;
      state = 'content';
      return isEnd ? 'endTagClose' : 'startTagClose';
    }
    if (c === LT) {
      // A new tag starts before this one was closed: hand over to content without consuming.
      state = 'content';
      return scanContent();
    }
    if (!isEnd && c === SLASH && code(pos + 1) === GT) {
      pos += 2;
      state = 'content';
      return 'startTagSelfClose';
    }
    if (!isEnd) {
      if (skipName()) return 'attributeName';
      if (c === EQ) {
        pos++;
        return 'attributeEquals';
      }
      if (c === DQUOTE || c === SQUOTE) {
        // A quoted value ends at its quote; a `<` or `>` first means the quote was never closed.
        pos++;
        while (pos < len) {
          const d = text.charCodeAt(pos);
          if (d === c) {
            pos++;
            return 'attributeValue';
          }
          if (d === LT || d === GT) break;
          pos++;
        }
        unterminated = true;
        return 'attributeValue';
      }
    }
    // Anything else up to the next delimiter.
    pos++;
    while (pos < len) {
      const d = text.charCodeAt(pos);
      if (d === GT || d === LT || d === SLASH || d === EQ || d === DQUOTE || d === SQUOTE || isWhitespaceCode(d)) break;
      if (!isEnd && isNameStartCode(d)) break;
      pos++;
    }
    return 'unknown';
  }

  function scan(): TokenType {
    unterminated = false;
    tokenOffset = pos;
    if (pos >= len) return (tokenType = 'eos');
    switch (state) {
      case 'content':
        tokenType = scanContent();
        break;
      // A `<` or `</` not followed by a name is not markup (the parser reports it): back to content,
      // so a stray `<` in text does not swallow what follows as attributes.
      case 'afterStartTagOpen':
        state = skipName() ? 'withinStartTag' : 'content';
        tokenType = state === 'content' ? scanContent() : 'startTagName';
        break;
      case 'afterEndTagOpen':
        state = skipName() ? 'withinEndTag' : 'content';
        tokenType = state === 'content' ? scanContent() : 'endTagName';
        break;
      case 'withinStartTag':
        tokenType = scanWithinTag(false);
        break;
      case 'withinEndTag':
        tokenType = scanWithinTag(true);
        break;
    }
    // Every token but eos advances; guard against a state bug turning into an endless loop.
    if (pos === tokenOffset) pos++;
    return tokenType;
  }

  return {
    scan,
    get tokenType() {
      return tokenType;
    },
    get tokenOffset() {
      return tokenOffset;
    },
    get tokenLength() {
      return pos - tokenOffset;
    },
    get tokenEnd() {
      return pos;
    },
    get unterminated() {
      return unterminated;
    },
    get state() {
      return state;
    },
    tokenText: () => text.substring(tokenOffset, pos),
  };
}

/** All tokens of `text` (for tests and small regions). */
export function tokenize(text: string): { type: TokenType; offset: number; length: number }[] {
  const scanner = createScanner(text);
  const tokens: { type: TokenType; offset: number; length: number }[] = [];
  while (scanner.scan() !== 'eos') {
    tokens.push({ type: scanner.tokenType, offset: scanner.tokenOffset, length: scanner.tokenLength });
  }
  return tokens;
}
