/**
 * The facts the popup's empty state shows about the corpus, computed from the background's
 * overview: the date span and the events in date order.
 */

import { formatIsoDate } from '@/src/shared/format/format-date';
import type { CorpusOverview } from '@/src/shared/protocol';

/**
 * "27 Mar 2019 – 3 Jun 2019" for the corpus's dates, one date when both ends are the same,
 * null when the corpus has no dated article. `joinRange` words the range in the UI language.
 */
export function formatDateSpan(
  from: string | null,
  to: string | null,
  joinRange: (from: string, to: string) => string = (start, end) => `${start} – ${end}`,
): string | null {
  const only = from ?? to;
  if (!only) return null;
  if (!from || !to || from === to) return formatIsoDate(only);
  return joinRange(formatIsoDate(from), formatIsoDate(to));
}

/** The overview's events, dated ones first in date order, then undated ones by name. */
export function eventsByDate(events: CorpusOverview['events']): CorpusOverview['events'] {
  return [...events].sort((a, b) => {
    if (a.date && b.date) return a.date.localeCompare(b.date) || a.name.localeCompare(b.name);
    if (a.date) return -1;
    if (b.date) return 1;
    return a.name.localeCompare(b.name);
  });
}
