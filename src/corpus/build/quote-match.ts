/**
 * Where a catalog quote stands against its article. A quote is a run of the article's own
 * words inside ONE paragraph (or the headline, standfirst, a subhead or a caption): it may
 * start and end anywhere in it, but never spans two. Runs of white space compare as one
 * space (the source files keep a stray double space where the article has one); every other
 * character must be the article's own, curly quotes and apostrophes included, so a quote
 * typed with straight quotes where the article has curly ones is refused, with a hint.
 */

/** found; differs only in quotation marks or apostrophes; spans paragraphs; not there at all. */
export type QuoteVerdict = 'found' | 'quote-marks' | 'across-paragraphs' | 'missing';

const collapseSpaces = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const foldQuoteMarks = (text: string): string => text.replace(/[‘’‚‛′`]/gu, "'").replace(/[“”„‟″«»]/gu, '"');

/** Judges `quote` against an article given as its paragraphs, in order. */
export function checkQuote(quote: string, paragraphs: readonly string[]): QuoteVerdict {
  const wanted = collapseSpaces(quote);
  const blocks = paragraphs.map(collapseSpaces);
  if (blocks.some((block) => block.includes(wanted))) return 'found';
  const folded = foldQuoteMarks(wanted);
  if (blocks.some((block) => foldQuoteMarks(block).includes(folded))) return 'quote-marks';
  if (blocks.join(' ').includes(wanted)) return 'across-paragraphs';
  return 'missing';
}

/** The error message for a verdict other than `found`. */
export function quoteProblem(verdict: Exclude<QuoteVerdict, 'found'>, articleId: string): string {
  switch (verdict) {
    case 'quote-marks':
      return `quote differs from article "${articleId}" only in its quotation marks or apostrophes; copy them as the article writes them`;
    case 'across-paragraphs':
      return `quote runs across two paragraphs of article "${articleId}"; a quote must sit within one paragraph, so split it into two quotes`;
    case 'missing':
      return `quote not found verbatim in article "${articleId}"`;
  }
}
