import { formatIsoDate } from './format-date';

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
