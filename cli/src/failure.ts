// One vocabulary for what went wrong: the cause in plain words and, where there is one, the fix. File errors
// are named by what happened (no errno codes); API errors by what was asked and what to check.
import { closestMatch } from '../../server/src/core';
import { formatApiError, type ApiError } from '../../tenant/src/api';

/** What a file-system error means for the user: "no such file or folder", "is a folder", "permission denied". */
export function fileProblem(error: unknown): string {
  switch ((error as { code?: string }).code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'part of the path is a file, not a folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'EEXIST': return 'already exists';
    case 'ENAMETOOLONG': return 'the name is too long';
    case 'EMFILE': case 'ENFILE': return 'too many open files; try again';
    default: return 'cannot be accessed';
  }
}

/** ` (did you mean "x"?)`, or nothing when no candidate is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match ? `; did you mean "${match}"?` : '';
}

/**
 * A bare status phrase from a server ("Not Found", "Not found.", "Service Unavailable") in one casing, so the
 * same failure reads the same from either vendor; any longer message is the vendor's and is kept as it is.
 */
export function statusPhrase(message: string): string {
  if (!/^[A-Za-z]+(?: [A-Za-z]+){1,3}\.?$/.test(message)) return message;
  const words = message.replace(/\.$/, '').split(' ');
  if (!words.slice(1).every((w) => /^[A-Z][a-z]+$|^[a-z]+$/.test(w))) return message;
  return [words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1).toLowerCase(), ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
}

/**
 * One stderr line for a failed API call; `hint` replaces the generic one when the caller knows better. A vendor
 * sentence's closing period is dropped: the status and hint follow it ("... devices (HTTP 400). Assign ...").
 */
export function apiMessage(what: string, error: ApiError, hint?: string): string {
  const shown = { ...error, message: statusPhrase(error.message), ...(hint === undefined ? {} : { hint }) };
  return `${what} failed: ${formatApiError(shown)}`;
}
