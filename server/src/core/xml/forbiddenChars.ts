// Characters XML 1.0 does not allow anywhere in a document: controls other than tab, line feed and
// carriage return, U+FFFE/U+FFFF, and halves of a surrogate pair without the other half. A profile
// holding one is not well-formed, so Apple's reader refuses the whole file.

export interface ForbiddenRun {
  offset: number;
  length: number;
  /** The first few code units of the run, as U+XXXX (for the message; never the raw characters). */
  names: string[];
}

const isPlainCode = (c: number) => (c >= 0x20 && c < 0xd800) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0xe000 && c < 0xfffe);

/** Runs of forbidden characters, in order (one linear pass; the common case allocates nothing). */
export function forbiddenCharacterRuns(text: string): ForbiddenRun[] {
  const runs: ForbiddenRun[] = [];
  let current: ForbiddenRun | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isPlainCode(c)) {
      current = undefined;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        current = undefined;
        i++;
        continue;
      }
    }
    if (current && current.offset + current.length === i) current.length++;
    else runs.push((current = { offset: i, length: 1, names: [] }));
    if (current.names.length < 3) current.names.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return runs;
}

/** The problem message for one run. */
export function forbiddenRunMessage(run: ForbiddenRun): string {
  const what = run.length === 1 ? `Character ${run.names[0]} is` : `${run.length} characters (${run.names.join(', ')}${run.length > run.names.length ? ', ...' : ''}) are`;
  return `${what} not allowed in XML, so macOS refuses the profile; remove ${run.length === 1 ? 'it' : 'them'}.`;
}
