/**
 * Dates as the popup shows them: "27 Mar 2019" for a day, "Mar 2019" for a month, and
 * "c. 3 Jun 2019 (inferred)" where the article states no date and one was inferred. Written
 * out by hand rather than with `Intl`, whose English month abbreviations differ between
 * ICU versions ("Sep" / "Sept") and so between browsers and Node.
 */
import type { CitedArticle } from '@/src/shared/protocol';

const monthAbbreviations = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * Formats an ISO day ("2019-03-27"), month ("2019-03") or year ("2019") for display.
 * Anything that is not such a date is returned unchanged, so a malformed value is still shown
 * as the source gave it rather than hidden.
 */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!match) return iso;
  const [, year, month, day] = match;
  if (!month) return year ?? iso;
  const monthName = monthAbbreviations[Number(month) - 1];
  if (!monthName) return iso;
  if (!day) return `${monthName} ${year}`;
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > 31) return iso;
  return `${dayNumber} ${monthName} ${year}`;
}

/** How an article's date reads, and whether it was inferred rather than stated. */
export interface ArticleDateLabel {
  text: string;
  inferred: boolean;
}

/** The default wording of an inferred date; `$1` is the formatted date. */
export const defaultInferredTemplate = 'c. $1 (inferred)';

/**
 * The date to show for an article: its stated date, else its inferred date worded with
 * `inferredTemplate` (so the reader never mistakes an estimate for a dateline), else null.
 */
export function articleDateLabel(
  article: Pick<CitedArticle, 'published' | 'dateInferred'>,
  inferredTemplate: string = defaultInferredTemplate,
): ArticleDateLabel | null {
  if (article.published) return { text: formatIsoDate(article.published), inferred: false };
  if (article.dateInferred) {
    return { text: inferredTemplate.replace('$1', formatIsoDate(article.dateInferred.date)), inferred: true };
  }
  return null;
}
