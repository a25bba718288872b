// Validation that reuses each payload's problems while the payload's subtree is unchanged. The steps
// and their order are those of validateProfile (validate/index.ts); only checkPayload results are cached,
// keyed by the payload node (the incremental reparse keeps untouched nodes and reports touched ones).
import type { DictNode, PlistDocument } from '../plist/ast';
import type { KeySchema, PayloadSchema } from '../schema/types';
import type { Ctx, SchemaLookup } from '../validate/context';
import { applySeverity, defaultSeverity, type ValidateOptions } from '../validate/options';
import { checkPayload } from '../validate/payloads';
import type { Problem } from '../validate/problem';
import { Report } from '../validate/report';
import { checkProfile } from '../validate/structure';
import { checkUniqueness } from '../validate/uniqueness';

interface Cached {
  /** Payload start offset and index when the problems were computed. */
  start: number;
  index: number;
  problems: Problem[];
}

export interface IncrementalValidator {
  validate(doc: PlistDocument, options?: ValidateOptions): Problem[];
  /** Forget what is known about these nodes (their subtree changed). */
  invalidate(nodes: readonly object[]): void;
}

function moved(p: Problem, by: number): Problem {
  const out: Problem = { ...p, offset: p.offset + by };
  if (p.related) out.related = p.related.map((r) => ({ ...r, offset: r.offset + by }));
  return out;
}

export function createIncrementalValidator(registry: SchemaLookup): IncrementalValidator {
  let cache = new WeakMap<object, Cached>();
  let targetsKey = '';
  const mergedKeys = new Map<PayloadSchema, KeySchema[]>();
  const newCtx = (report: Report, options: ValidateOptions): Ctx => ({
    report,
    registry,
    targets: options.targetPlatforms ?? [],
    payloadType: '',
    payloadSupport: undefined,
    depth: 0,
    rootListsUnreliable: false,
    mergedKeys,
  });

  return {
    invalidate(nodes) {
      for (const n of nodes) cache.delete(n);
    },
    validate(doc, options = {}) {
      const key = JSON.stringify(options.targetPlatforms ?? []);
      if (key !== targetsKey) {
        cache = new WeakMap();
        targetsKey = key;
      }
      const report = new Report();
      const ctx = newCtx(report, options);
      const { root, payloads } = checkProfile(ctx, doc);
      const structural = report.problems.length;
      const perPayload: Problem[] = [];
      payloads.forEach((payload: DictNode, index) => {
        const start = payload.span.offset;
        const hit = cache.get(payload);
        if (hit && hit.index === index) {
          if (hit.start !== start) {
            hit.problems = hit.problems.map((p) => moved(p, start - hit.start));
            hit.start = start;
          }
          perPayload.push(...hit.problems);
          return;
        }
        const own = new Report();
        checkPayload(newCtx(own, options), payload, index);
        cache.set(payload, { start, index, problems: own.problems });
        perPayload.push(...own.problems);
      });
      checkUniqueness(ctx, root, payloads);
      const syntax: Problem[] = doc.problems.map((p) => ({
        code: p.code, severity: defaultSeverity(p.code), message: p.message, offset: p.offset, length: p.length,
      }));
      // Same order as validateProfile before its stable sort: structure, payloads, uniqueness.
      const ordered = [...syntax, ...report.problems.slice(0, structural), ...perPayload, ...report.problems.slice(structural)];
      const all = ordered.sort((a, b) => a.offset - b.offset || a.length - b.length);
      return applySeverity(all, options.severity);
    },
  };
}
