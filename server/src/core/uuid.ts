// Fresh upper-case UUIDs (the form Apple tools write) without Node APIs, so the core stays portable.

interface CryptoLike {
  randomUUID?: () => string;
}

export function newUuid(): string {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID().toUpperCase();
  return fallbackUuid();
}

/** Version-4 layout from Math.random: good enough for identifiers, not for secrets. */
function fallbackUuid(): string {
  const hex = '0123456789ABCDEF';
  let out = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
    else if (i === 14) out += '4';
    else if (i === 19) out += hex[8 + Math.floor(Math.random() * 4)];
    else out += hex[Math.floor(Math.random() * 16)];
  }
  return out;
}
