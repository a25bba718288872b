// What the core reports and how it proposes changes: offsets only, never editor positions.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** Machine-readable facts a quick fix needs (e.g. the suggested key). */
  data?: Record<string, unknown>;
  /** Other places that explain this problem (e.g. the first use of a duplicated UUID). */
  related?: RelatedSpan[];
}

export interface RelatedSpan {
  offset: number;
  length: number;
  message: string;
}

export interface Edit {
  offset: number;
  length: number;
  text: string;
}
