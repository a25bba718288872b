// SARIF 2.1.0 for code scanning: one run, one rule per code used (id = code), results with 1-based regions.

import type { Severity } from '../../../server/src/core';
import { AllCodeInfo } from '../../../server/src/core';
import type { LintedFile } from './types';

const level = (s: Severity): 'error' | 'warning' | 'note' => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** Artifact URIs are relative with forward slashes, which code-scanning services resolve against the checkout. */
const uriOf = (file: string): string => file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');

export function formatSarif(files: LintedFile[], toolVersion: string): string {
  const codes = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((id) => {
    const info = AllCodeInfo[id];
    return {
      id,
      shortDescription: { text: info?.summary ?? id },
      defaultConfiguration: { level: level(info?.severity ?? 'error') },
    };
  });
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: level(d.severity),
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file) },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      }],
    })),
  );
  const notifications = files.filter((f) => f.readError).map((f) => ({
    level: 'error' as const,
    message: { text: `Cannot read ${f.file}: ${f.readError}` },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'profile-studio', version: toolVersion, rules } },
      results,
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
