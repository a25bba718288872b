// Validation entry point: syntax problems from the parser plus every semantic rule, with
// severities applied. Never throws on any AST: a rule that meets an impossible shape skips it.

import type { PlistDocument } from '../plist/ast';
import type { ValidationContext, SchemaLookup } from './context';
import { applySeverity, defaultSeverity, type ValidateOptions } from './options';
import { checkPayload } from './payloads';
import type { Problem } from './problem';
import { Report } from './report';
import { checkProfile } from './structure';
import { checkUniqueness } from './uniqueness';

export type { SchemaLookup } from './context';
export type { ValidateOptions, SeveritySetting } from './options';
export type { Problem, RelatedSpan, Severity, Edit } from './problem';
export { AllCodeInfo, ValidationCodes, ValidationCodeInfo, allCodes } from './codes';

/** Returns the document's syntax problems and the profile's semantic problems, in source order. */
export function validateProfile(doc: PlistDocument, registry: SchemaLookup, options: ValidateOptions = {}): Problem[] {
  const report = new Report();
  const ctx: ValidationContext = { report, registry, targets: options.targetPlatforms ?? [], payloadType: '', payloadSupport: undefined, depth: 0, rootListsUnreliable: false,
    mergedKeys: new Map() };
  const { root, payloads } = checkProfile(ctx, doc);
  payloads.forEach((p, i) => checkPayload(ctx, p, i));
  checkUniqueness(ctx, root, payloads);

  const syntax: Problem[] = doc.problems.map((p) => ({
    code: p.code, severity: defaultSeverity(p.code), message: p.message, offset: p.offset, length: p.length,
  }));
  const all = [...syntax, ...report.problems].sort((a, b) => a.offset - b.offset || a.length - b.length);
  return applySeverity(all, options.severity);
}
