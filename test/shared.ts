// ../shared (corpus, Apple's data, API notes and specs) sits beside the clone on the build machine. A test
// that needs it skips with a visible reason where it is missing, and in CI (CI=true) it fails instead.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

/** The shared folder, seen from the repository root (tests run from the root). */
export const SHARED_DIR = resolve(__dirname, '..', '..', 'shared');

export const sharedPath = (...parts: string[]): string => join(SHARED_DIR, ...parts);

const reported = new Set<string>();

/**
 * `false` when ../shared/<part> exists; otherwise the reason to pass as a test's `skip`. In CI a missing
 * part also registers one failing test that names it, so a CI run without ../shared cannot pass.
 */
export function sharedMissing(part: string): string | false {
  if (existsSync(sharedPath(part))) return false;
  const reason = `../shared/${part} is not present (it sits beside the repository; see README, Prerequisites)`;
  if (process.env.CI && !reported.has(part)) {
    reported.add(part);
    test(`CI needs ../shared/${part}`, () => assert.fail(reason));
  }
  return reason;
}
