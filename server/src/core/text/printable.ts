// Text from files and servers may carry terminal control sequences (ESC [ ... ) that recolour, move the
// cursor or retitle a terminal. Wherever such text reaches a terminal, a log or a message it is shown with
// its control characters written out as escapes, so it reads as data and does nothing.

/** C0 controls, DEL, C1 controls, and the bidi overrides/isolates that reorder what is shown. */
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function escapeControls(text: string, keepLayout: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code) || (keepLayout && (code === 0x0a || code === 0x09))) continue;
    out += text.slice(from, i) + (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** One line of untrusted text: every control character (line breaks too) written as \xNN or \uNNNN. */
export const printable = (text: string): string => escapeControls(text, false);

/** A block of output: line breaks and tabs kept, every other control character escaped. */
export const printableBlock = (text: string): string => escapeControls(text, true);
