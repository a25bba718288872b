// Completion results in core terms: offsets and text, never editor positions.
import type { Edit } from '../validate/problem';

export type CompletionKind = 'key' | 'value' | 'payload' | 'element' | 'profile';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One-line detail (e.g. the key's type). */
  detail?: string;
  /** Markdown shown beside the item. */
  documentation?: string;
  /** Replaces `[offset, offset + length)` with `text`; `text` uses LSP snippet syntax when `snippet`. */
  edit: Edit;
  snippet: boolean;
  /** Plain-text edits elsewhere in the document (e.g. keys a payload type requires). */
  additionalEdits?: Edit[];
  /** Orders items: required keys first. */
  sortText?: string;
  filterText?: string;
}
