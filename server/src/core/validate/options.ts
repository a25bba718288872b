// Validation options and the one place default severities and user overrides are applied.

import type { Platform } from '../schema/types';
import { AllCodeInfo } from './codes';
import type { Problem, Severity } from './problem';

export type SeveritySetting = Severity | 'off';

export interface ValidateOptions {
  /** Per-code severity overrides; `off` drops the code entirely. */
  severity?: Record<string, SeveritySetting>;
  /** Platforms the profile is meant for; platform checks run only when this is non-empty. */
  targetPlatforms?: Platform[];
}

/** Applies overrides to problems whose severity is the code's default. */
export function applySeverity(problems: Problem[], overrides: Record<string, SeveritySetting> | undefined): Problem[] {
  if (!overrides) return problems;
  const out: Problem[] = [];
  for (const p of problems) {
    const setting = Object.prototype.hasOwnProperty.call(overrides, p.code) ? overrides[p.code] : undefined;
    if (setting === 'off') continue;
    out.push(setting ? { ...p, severity: setting } : p);
  }
  return out;
}

export function defaultSeverity(code: string): Severity {
  return AllCodeInfo[code]?.severity ?? 'error';
}
