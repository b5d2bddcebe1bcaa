/**
 * The citation a reader copies from a search result: the passage verbatim, who wrote it,
 * where and when it appeared, and the address as the source gives it.
 */
import type { CitedPassage } from '@/src/shared/protocol';
import { articleDateLabel, defaultInferredTemplate } from './format-date';

/** Wording the citation needs that depends on the UI language. */
export interface CitationWording {
  /** How an inferred date reads; `$1` is the formatted date. */
  inferredTemplate: string;
}

const defaultWording: CitationWording = { inferredTemplate: defaultInferredTemplate };

/**
 * Formats a passage as a one-paragraph citation:
 * `“quote” — Author, Outlet, “Headline”, 27 Mar 2019. https://…`
 * Parts the source lacks (authors, date, URL) are left out rather than guessed; an inferred
 * date keeps its "(inferred)" marking, and a URL cut short in the source is kept as given so
 * the reader can see it is incomplete.
 */
export function formatCitation(
  passage: Pick<CitedPassage, 'text' | 'article'>,
  wording: CitationWording = defaultWording,
): string {
  const { article } = passage;
  const quote = `“${collapseSpaces(passage.text)}”`;
  const source = [
    authorList(article.authors),
    collapseSpaces(article.outlet),
    article.headline ? `“${collapseSpaces(article.headline)}”` : '',
    articleDateLabel(article, wording.inferredTemplate)?.text ?? '',
  ].filter((part) => part !== '');
  const url = article.url?.trim();
  return `${quote} — ${source.join(', ')}.${url ? ` ${url}` : ''}`;
}

/** Up to three authors joined with commas, more as "First et al.". */
function authorList(authors: readonly string[]): string {
  const names = authors.map(collapseSpaces).filter((name) => name !== '');
  if (names.length > 3) return `${names[0]} et al.`;
  return names.join(', ');
}

/** Turns runs of whitespace (line breaks in the saved text) into single spaces. */
function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
