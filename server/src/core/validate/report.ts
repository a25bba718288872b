// Collects problems for one validation run.

import type { Span } from '../plist/ast';
import { defaultSeverity } from './options';
import type { Problem, RelatedSpan } from './problem';
import type { ValidationCode } from './codes';

export interface Extras {
  data?: Record<string, unknown>;
  related?: RelatedSpan[];
}

export class Report {
  readonly problems: Problem[] = [];

  add(code: ValidationCode, span: Span, message: string, extras: Extras = {}): void {
    const problem: Problem = { code, severity: defaultSeverity(code), message, offset: span.offset, length: span.length };
    if (extras.data) problem.data = extras.data;
    if (extras.related && extras.related.length > 0) problem.related = extras.related;
    this.problems.push(problem);
  }
}
