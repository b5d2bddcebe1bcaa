import type { ArticleMeta } from './corpus-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-03-27" → "27 Mar 2019"; "2019-06" → "Jun 2019". Dates are calendar dates, no time zone. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const name = MONTHS[Number(month) - 1] ?? '';
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** An article's date as a reader should see it: stated, or inferred and said so, or "undated". */
export function articleDateLabel(article: Pick<ArticleMeta, 'published' | 'dateInferred'>): string {
  if (article.published) return formatIsoDate(article.published);
  if (article.dateInferred) return `c. ${formatIsoDate(article.dateInferred.date)} (inferred)`;
  return 'undated';
}

/** Whether a URL is usable as a link: the saved texts cut some short with "...". */
export function isCompleteUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\/[^\s]+$/.test(url) && !url.includes('...') && !url.includes('…');
}

/**
 * A plain-text citation of a quoted passage: quote, outlet, headline, date and, where the
 * source gives a whole one, the URL.
 */
export function formatCitation(
  quote: string,
  article: Pick<ArticleMeta, 'outlet' | 'headline' | 'url' | 'published' | 'dateInferred'>,
): string {
  const date = articleDateLabel(article);
  const parts = [`“${quote.trim()}”`, `${article.outlet}, “${article.headline}”, ${date}.`];
  if (article.url)
    parts.push(
      isCompleteUrl(article.url) ? article.url : `${article.url} (URL cut short in the saved source)`,
    );
  return parts.join(' — ');
}
