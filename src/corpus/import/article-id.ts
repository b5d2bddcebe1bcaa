/**
 * Article ids: slug(outlet) + "-" + the first four significant words of the headline.
 * Significant words: accent-folded, lower-cased, apostrophes removed, split at anything
 * that is not a letter or digit, dropping one-letter words ("U.S." → "u", "s") and the
 * words in ID_STOPWORDS. E.g. "The Washington Post" + "Trump remark on Russian presence in
 * Venezuela is puzzling" → "the-washington-post-trump-remark-russian-presence".
 */
import { foldedWords } from './text-rules';

/** Words left out of the headline part of an id. */
export const ID_STOPWORDS = new Set('the a an of on in to is are and for at by with from as'.split(' '));

/** Headline words an id takes. */
export const ID_HEADLINE_WORDS = 4;

/** Kebab-case slug of a name: folded words joined by "-" (nothing dropped). */
export function slug(text: string): string {
  return foldedWords(text).join('-');
}

/** The id of an article from its outlet and headline, by the rule above. */
export function articleId(outlet: string, headline: string): string {
  const words = foldedWords(headline)
    .filter((w) => w.length > 1 && !ID_STOPWORDS.has(w))
    .slice(0, ID_HEADLINE_WORDS);
  return [slug(outlet), ...words].join('-');
}
