// Validation that reuses each payload's problems while the payload's subtree is unchanged. The steps
// and their order are those of validateProfile (validate/index.ts); only checkPayload results are cached,
// keyed by the payload node (the incremental reparse keeps untouched nodes and reports touched ones).
import type { DictNode, PlistDocument } from '../plist/ast';
import type { KeySchema, PayloadSchema } from '../schema/types';
import type { ValidationContext, SchemaLookup } from '../validate/context';
import { applySeverity, defaultSeverity, type ValidateOptions } from '../validate/options';
import { entryOf } from '../validate/entries';
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

export interface EditHint {
  from: PlistDocument;
  to: PlistDocument;
  edit: { start: number; end: number; delta: number };
  /** Profile structure and uniqueness results of `from` stay valid once moved by the edit. */
  profileStable: boolean;
  /** Uniqueness results of `from` stay valid once moved by the edit (structure is checked again). */
  uniquenessStable?: boolean;
}

export interface IncrementalValidator {
  validate(doc: PlistDocument, options?: ValidateOptions): Problem[];
  /** Forget what is known about these nodes (their subtree changed). */
  invalidate(nodes: readonly object[]): void;
  /** Record an incremental edit, so profile-level results can be carried over to `hint.to`. */
  noteEdit(hint: EditHint): void;
  /** Let go of what is kept about `doc` (its document was closed), so its tree can be collected. */
  forget(doc: PlistDocument): void;
}

/** Profile-level problems (structure before the payloads, uniqueness after) of one document. */
interface ProfileLevel {
  doc: PlistDocument;
  structure: Problem[];
  uniqueness: Problem[];
}

/** Moves problems after an edit; undefined when one overlaps the edited text (then recompute). */
function carry(problems: Problem[], edit: EditHint['edit']): Problem[] | undefined {
  const out: Problem[] = [];
  for (const p of problems) {
    const spans = [p, ...(p.related ?? [])];
    if (spans.some((s) => s.offset < edit.end && s.offset + s.length > edit.start)) return undefined;
    if (!spans.some((s) => s.offset >= edit.end)) {
      out.push(p);
      continue;
    }
    const q: Problem = { ...p, offset: p.offset >= edit.end ? p.offset + edit.delta : p.offset };
    if (p.related) q.related = p.related.map((r) => ({ ...r, offset: r.offset >= edit.end ? r.offset + edit.delta : r.offset }));
    out.push(q);
  }
  return out;
}

/** The payload dicts checkProfile would return for a document whose profile level is unchanged. */
function payloadsOf(doc: PlistDocument): DictNode[] {
  const root = doc.root;
  if (root?.kind !== 'dict') return [];
  // The last PayloadContent entry, as checkProfile reads it (entryOf).
  const content = entryOf(root, 'PayloadContent')?.value;
  return content?.kind === 'array' ? content.items.filter((i): i is DictNode => i.kind === 'dict') : [];
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
  const newCtx = (report: Report, options: ValidateOptions): ValidationContext => ({
    report,
    registry,
    targets: options.targetPlatforms ?? [],
    payloadType: '',
    payloadSupport: undefined,
    depth: 0,
    rootListsUnreliable: false,
    mergedKeys,
  });

  let profileLevel: ProfileLevel | undefined;
  let hints: EditHint[] = [];

  /**
   * Profile-level results carried from the last validated document over recorded edits, if all allow it;
   * `structure` is undefined when only the uniqueness results could be carried.
   */
  const carried = (doc: PlistDocument): { structure: Problem[] | undefined; uniqueness: Problem[] } | undefined => {
    if (!profileLevel || hints.length === 0 || hints[hints.length - 1]!.to !== doc) return undefined;
    let structure: Problem[] | undefined = profileLevel.structure;
    let uniqueness: Problem[] | undefined = profileLevel.uniqueness;
    let from = profileLevel.doc;
    for (const h of hints) {
      if (h.from !== from || !(h.profileStable || h.uniquenessStable)) return undefined;
      structure = h.profileStable && structure ? carry(structure, h.edit) : undefined;
      uniqueness = carry(uniqueness, h.edit);
      if (!uniqueness) return undefined;
      from = h.to;
    }
    return { structure, uniqueness };
  };

  return {
    invalidate(nodes) {
      for (const n of nodes) cache.delete(n);
    },
    forget(doc) {
      if (profileLevel?.doc.root === doc.root) profileLevel = undefined;
      if (hints.some((h) => h.to.root === doc.root)) hints = [];
    },
    noteEdit(hint) {
      hints.push(hint);
      if (hints.length > 64) hints = [];
    },
    validate(doc, options = {}) {
      const key = `${registry.generation?.() ?? 0}:${JSON.stringify(options.targetPlatforms ?? [])}`;
      if (key !== targetsKey) {
        cache = new WeakMap();
        mergedKeys.clear();
        profileLevel = undefined;
        targetsKey = key;
      }
      const report = new Report();
      const ctx = newCtx(report, options);
      const reuse = carried(doc);
      hints = [];
      let root: DictNode | undefined;
      let payloads: DictNode[];
      if (reuse?.structure) {
        root = doc.root?.kind === 'dict' ? doc.root : undefined;
        payloads = payloadsOf(doc);
      } else {
        ({ root, payloads } = checkProfile(ctx, doc));
      }
      const structure = reuse?.structure ?? report.problems.slice();
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
      let uniqueness: Problem[];
      if (reuse) uniqueness = reuse.uniqueness;
      else {
        const own = new Report();
        checkUniqueness(newCtx(own, options), root, payloads);
        uniqueness = own.problems;
      }
      profileLevel = { doc, structure, uniqueness };
      const syntax: Problem[] = doc.problems.map((p) => ({
        code: p.code, severity: defaultSeverity(p.code), message: p.message, offset: p.offset, length: p.length,
      }));
      // Same order as validateProfile before its stable sort: structure, payloads, uniqueness.
      const ordered = [...syntax, ...structure, ...perPayload, ...uniqueness];
      const all = ordered.sort((a, b) => a.offset - b.offset || a.length - b.length);
      return applySeverity(all, options.severity);
    },
  };
}
