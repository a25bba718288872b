// The entity references a plist may use: the five predefined XML entities and numeric character
// references. A plist has no DTD of its own that declares more, so anything else is an error.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes a whole reference such as `&amp;` or `&#x41;`; undefined when it is not a valid one. */
export function decodeEntity(ref: string): string | undefined {
  if (ref.length < 3 || ref.charCodeAt(0) !== 0x26 || ref.charCodeAt(ref.length - 1) !== 0x3b) return undefined;
  const body = ref.slice(1, -1);
  if (body.charCodeAt(0) !== 0x23) return Object.prototype.hasOwnProperty.call(NAMED, body) ? NAMED[body] : undefined;
  const hex = body[1] === 'x';
  const digits = body.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9a-fA-F]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  if (!isXmlChar(cp)) return undefined;
  return String.fromCodePoint(cp);
}

/** XML 1.0 Char production: what a character reference may produce. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Escapes text for use as element content. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
