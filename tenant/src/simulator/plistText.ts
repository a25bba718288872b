// Text-level edits of an XML plist's top-level keys. Kandji rewrites the top-level PayloadIdentifier and
// PayloadDisplayName of uploaded profiles; everything else must stay byte-for-byte, so no reserialising.
import { XMLValidator } from 'fast-xml-parser';

interface TopLevelEntry {
  key: string;
  /** Range of the whole value element. */
  valueStart: number;
  valueEnd: number;
  /** Range of the text inside a <string> value, if it is one. */
  textStart?: number;
  textEnd?: number;
}

interface RootDict {
  entries: TopLevelEntry[];
  /** Offset of the root dict's closing tag. */
  closeStart: number;
}

const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g;

function scanRoot(xml: string): RootDict | undefined {
  const stack: string[] = [];
  const entries: TopLevelEntry[] = [];
  let pendingKey: string | undefined;
  let keyStart = -1;
  let valueOpen: { start: number; name: string; contentStart: number } | undefined;
  let rootSeen = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const name = m[2];
    if (!name) continue;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    const depthInRoot = rootSeen ? stack.length - 1 : -1; // plist is stack[0], root dict stack[1]
    if (!closing) {
      if (!rootSeen && name === 'dict' && stack.length === 1) rootSeen = true;
      if (rootSeen && depthInRoot === 1 && name === 'key' && !selfClosing) keyStart = m.index + m[0].length;
      else if (rootSeen && depthInRoot === 1 && pendingKey !== undefined) {
        if (selfClosing) {
          entries.push({ key: pendingKey, valueStart: m.index, valueEnd: m.index + m[0].length });
          pendingKey = undefined;
        } else valueOpen = { start: m.index, name, contentStart: m.index + m[0].length };
      }
      if (!selfClosing) stack.push(name);
    } else {
      stack.pop();
      if (rootSeen && stack.length === 2 && name === 'key' && keyStart >= 0) {
        pendingKey = xml.slice(keyStart, m.index).trim();
        keyStart = -1;
      } else if (valueOpen && stack.length === 2 && name === valueOpen.name && pendingKey !== undefined) {
        const entry: TopLevelEntry = { key: pendingKey, valueStart: valueOpen.start, valueEnd: m.index + m[0].length };
        if (name === 'string') {
          entry.textStart = valueOpen.contentStart;
          entry.textEnd = m.index;
        }
        entries.push(entry);
        pendingKey = undefined;
        valueOpen = undefined;
      } else if (rootSeen && stack.length === 1 && name === 'dict') {
        return { entries, closeStart: m.index };
      }
    }
  }
  return undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Sets a top-level string value, keeping the rest of the text untouched; appends the key if missing. */
export function setTopLevelString(xml: string, key: string, value: string): string {
  const root = scanRoot(xml);
  if (!root) return xml;
  const entry = root.entries.find((e) => e.key === key);
  const escaped = escapeXml(value);
  if (entry?.textStart !== undefined && entry.textEnd !== undefined) {
    return xml.slice(0, entry.textStart) + escaped + xml.slice(entry.textEnd);
  }
  if (entry) return xml.slice(0, entry.valueStart) + `<string>${escaped}</string>` + xml.slice(entry.valueEnd);
  const lineStart = xml.lastIndexOf('\n', root.closeStart) + 1;
  const indent = /^[ \t]*$/.test(xml.slice(lineStart, root.closeStart)) ? xml.slice(lineStart, root.closeStart) : '';
  const insert = `\t<key>${escapeXml(key)}</key>\n${indent}\t<string>${escaped}</string>\n${indent}`;
  return xml.slice(0, root.closeStart) + insert + xml.slice(root.closeStart);
}

export function getTopLevelString(xml: string, key: string): string | undefined {
  const entry = scanRoot(xml)?.entries.find((e) => e.key === key);
  return entry?.textStart !== undefined ? unescapeXml(xml.slice(entry.textStart, entry.textEnd)) : undefined;
}

/** Well-formed XML whose root is a plist holding a dict: what a .mobileconfig upload must be. */
export function checkProfileXml(bytes: Buffer): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'The submitted file is empty.' };
  if (bytes.subarray(0, 8).toString('latin1') === 'bplist00') return { ok: false, reason: 'Binary property lists are not accepted; upload the XML form.' };
  const text = bytes.toString('utf8');
  if (!/^\s*(<\?xml|<!DOCTYPE|<plist)/.test(text)) return { ok: false, reason: 'The file is not an XML property list (signed profiles are not accepted).' };
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) return { ok: false, reason: `The file is not well-formed XML: ${verdict.err.msg} (line ${verdict.err.line}).` };
  if (!scanRoot(text)) return { ok: false, reason: 'The property list has no top-level dictionary.' };
  return { ok: true, text };
}
