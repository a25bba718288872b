// Server settings from initializationOptions and workspace/didChangeConfiguration, read defensively:
// whatever the client sends, we end up with valid options.
import { PLATFORMS, type Platform, type SeveritySetting, type ValidateOptions } from '../core';

export interface ServerSettings {
  diagnosticDelayMs: number;
  targetPlatforms: Platform[];
  severityOverrides: Record<string, SeveritySetting>;
  /** Folders of preference manifests (ProfileManifests format), searched recursively. */
  manifestPaths: string[];
}

export const defaultSettings: ServerSettings = { diagnosticDelayMs: 200, targetPlatforms: [], severityOverrides: {}, manifestPaths: [] };

const severities: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Accepts the flat shape `{ diagnosticDelayMs, targetPlatforms, severityOverrides, manifestPaths }` and the settings
 * section shape `{ profileStudio: { targetPlatforms, severityOverrides, manifestPaths, diagnostics: { delayMs } } }`.
 */
export function readSettings(raw: unknown, base: ServerSettings = defaultSettings): ServerSettings {
  const outer = record(raw);
  const src = record(outer?.profileStudio) ?? outer;
  if (!src) return base;
  const delay = src.diagnosticDelayMs ?? record(src.diagnostics)?.delayMs;
  const targets = src.targetPlatforms;
  const overrides = record(src.severityOverrides);
  const manifests = src.manifestPaths;
  return {
    diagnosticDelayMs: typeof delay === 'number' && Number.isFinite(delay) ? Math.max(0, Math.min(5000, delay)) : base.diagnosticDelayMs,
    targetPlatforms: Array.isArray(targets) ? targets.filter((t): t is Platform => PLATFORMS.includes(t as Platform)) : base.targetPlatforms,
    severityOverrides: overrides
      ? Object.fromEntries(Object.entries(overrides).filter((e): e is [string, SeveritySetting] => severities.includes(e[1] as SeveritySetting)))
      : base.severityOverrides,
    manifestPaths: Array.isArray(manifests)
      ? [...new Set(manifests.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()))]
      : base.manifestPaths,
  };
}

export function validateOptions(s: ServerSettings): ValidateOptions {
  return { targetPlatforms: s.targetPlatforms, severity: s.severityOverrides };
}
