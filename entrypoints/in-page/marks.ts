import type { EntityType } from '@/src/core/corpus-types';
import type { SubjectKind } from '@/src/shared/protocol';

/** What a mark looks like: one style per kind of thing. */
export type MarkStyleKind = 'person' | 'organization' | 'place' | 'event';

/** One marked mention on the page. */
export interface Mark {
  kind: SubjectKind;
  /** Entity or event id. */
  subjectId: string;
  style: MarkStyleKind;
  range: Range;
  /** The block text around the mention, for ranking the card's passages. */
  context: string;
}

/** The highlight style of an entity type: countries share the place style. */
export function styleOfType(type: EntityType): MarkStyleKind {
  return type === 'country' ? 'place' : type;
}

/** Orders marks as a reader meets them: document order of their start. */
export function compareMarks(a: Mark, b: Mark): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}

/** Whether two marks are the same mention (a rescan makes new ranges for unchanged text). */
export function sameMark(a: Mark, b: Mark): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.subjectId !== b.subjectId) return false;
  try {
    return (
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range) === 0 &&
      a.range.compareBoundaryPoints(Range.END_TO_END, b.range) === 0
    );
  } catch {
    return false; // ranges in different documents
  }
}
