/**
 * The facts the popup's empty state shows about the corpus, computed from the background's
 * overview: the events in date order (the date span is `formatDateSpan` in src/shared/format).
 */

import type { CorpusOverview } from '@/src/shared/protocol';

/** The overview's events, dated ones first in date order, then undated ones by name. */
export function eventsByDate(events: CorpusOverview['events']): CorpusOverview['events'] {
  return [...events].sort((a, b) => {
    if (a.date && b.date) return a.date.localeCompare(b.date) || a.name.localeCompare(b.name);
    if (a.date) return -1;
    if (b.date) return 1;
    return a.name.localeCompare(b.name);
  });
}
