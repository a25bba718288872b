// What an ADE renewal must carry, checked before anything is uploaded. The CLI and the extension both ask
// these questions and word the answers in their own way.

/** A server token is a few kilobytes; anything this large is the wrong file, and is not uploaded. */
export const MAX_TOKEN_BYTES = 1024 * 1024;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators and an optional leading +. */
const PHONE = /^\+?[\d\s().-]+$/;

export const isContactEmail = (text: string): boolean => EMAIL.test(text.trim());

export const isContactPhone = (text: string): boolean => PHONE.test(text.trim()) && /\d/.test(text);

/** Why a token file of this many bytes is not sent (completing "the token file …"), or undefined. */
export function tokenSizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'is empty';
  if (bytes > MAX_TOKEN_BYTES) return `is ${(bytes / 1024 / 1024).toFixed(1)} MB; a server token is a few kilobytes: check that this is the .p7m file from Apple`;
  return undefined;
}
