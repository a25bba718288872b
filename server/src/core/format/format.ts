// Re-indents a plist the way Apple's tools write one: one element per line, the root <dict> at
// column 0 inside <plist>, one indent per enclosing dict/array, tabs unless told otherwise.
// Only whitespace between elements in dict/array/plist context changes; text inside <string>,
// <key>, <data>... is never touched, so the plist value is preserved by construction. Returns edits
// (offsets into the original text); refuses (no edits) when the markup itself is broken, since
// re-indenting a misread structure could move text into the wrong element.

import type { PlistDocument } from '../plist/ast';
import type { Edit } from '../validate/problem';
import { createScanner } from '../xml/scanner';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  /** Line break to write; default: the document's first line break, else "\n". */
  eol?: '\n' | '\r\n';
}

/** Problems that leave the markup well-formed enough to re-indent safely. */
const SAFE_XML_PROBLEMS = new Set(['xml.bad-entity', 'xml.whitespace-before-declaration']);

const INDENTING = new Set(['dict', 'array']);
const CONTAINER_CONTEXT = new Set(['dict', 'array', 'plist']);

export function canFormat(doc: PlistDocument): boolean {
  return doc.problems.every((p) => !p.code.startsWith('xml.') || SAFE_XML_PROBLEMS.has(p.code));
}

export function format(doc: PlistDocument, options: FormatOptions): Edit[] {
  if (!canFormat(doc)) return [];
  const text = doc.text;
  const eol = options.eol ?? (/\r\n|\n/.exec(text)?.[0] as '\n' | '\r\n' | undefined) ?? '\n';
  const unit = options.insertSpaces ? ' '.repeat(Math.max(1, options.tabSize)) : '\t';
  const edits: Edit[] = [];
  const stack: string[] = [];
  let indentLevel = 0; // dicts and arrays on the stack
  let prevEnd = -1; // end of the previous item in container context (-1: none yet)
  let prevOpenedTop = false; // the previous item was the start tag of the element now on top

  const inContainerContext = () => stack.length === 0 || CONTAINER_CONTEXT.has(stack[stack.length - 1]);

  const setGap = (end: number, wanted: string) => {
    if (prevEnd < 0) return;
    if (text.slice(prevEnd, end) !== wanted) edits.push({ offset: prevEnd, length: end - prevEnd, text: wanted });
  };

  /** An item (tag, comment, declaration) starts at `offset` in container context. */
  const itemStart = (offset: number, closesTop: boolean) => {
    const level = indentLevel - (closesTop && INDENTING.has(stack[stack.length - 1]) ? 1 : 0);
    setGap(offset, closesTop && prevOpenedTop ? '' : eol + unit.repeat(level));
    prevOpenedTop = false;
  };

  const scanner = createScanner(text);
  for (let t = scanner.scan(); t !== 'eos'; t = scanner.scan()) {
    const offset = scanner.tokenOffset;
    switch (t) {
      case 'startTagOpen': {
        const context = inContainerContext();
        if (context) itemStart(offset, false);
        if (scanner.scan() !== 'startTagName') return []; // cannot happen without an xml.* problem
        const name = scanner.tokenText();
        let close = scanner.scan();
        while (close !== 'startTagClose' && close !== 'startTagSelfClose' && close !== 'eos') close = scanner.scan();
        if (close === 'eos') return [];
        if (close === 'startTagSelfClose') {
          if (context) prevEnd = scanner.tokenEnd;
        } else {
          stack.push(name);
          if (INDENTING.has(name)) indentLevel++;
          if (CONTAINER_CONTEXT.has(name)) {
            prevEnd = scanner.tokenEnd;
            prevOpenedTop = true;
          }
        }
        break;
      }
      case 'endTagOpen': {
        if (scanner.scan() !== 'endTagName') return [];
        const name = scanner.tokenText();
        const closesContainer = CONTAINER_CONTEXT.has(name) && stack[stack.length - 1] === name;
        if (closesContainer) itemStart(offset, true);
        let close = scanner.scan();
        while (close !== 'endTagClose' && close !== 'eos') close = scanner.scan();
        if (close === 'eos') return [];
        const popped = stack.pop();
        if (popped && INDENTING.has(popped)) indentLevel--;
        if (inContainerContext()) {
          prevEnd = scanner.tokenEnd;
          prevOpenedTop = false;
        }
        break;
      }
      case 'comment':
      case 'processingInstruction':
      case 'doctype':
      case 'cdata':
        if (inContainerContext()) {
          itemStart(offset, false);
          prevEnd = scanner.tokenEnd;
        }
        break;
      default:
        // Text between items in container context is whitespace (anything else is a problem and
        // formatting was refused); text inside scalars is left alone.
        break;
    }
  }
  if (prevEnd >= 0 && prevEnd < text.length && text.slice(prevEnd).trim() === '') setGap(text.length, eol);
  else if (prevEnd === text.length) setGap(text.length, eol);
  return edits;
}

/** Applies non-overlapping edits to a text in one pass (tests, and callers that want a string). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.offset), e.text);
    at = e.offset + e.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
