/**
 * Small text tests shared by the import rules: folding for comparison, word counts, and
 * whether a line reads like a title (a subhead or a link to another story) rather than a
 * sentence of the article.
 */

/** Lower-cases and strips accents, so "Guaidó" and "Guaido" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded words of a text: letters and digits only, apostrophes removed ("aren’t" → "arent"). */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Number of whitespace-separated words in a line. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Longest line, in words, that can be a title (subhead, related-story link, teaser). */
export const TITLE_MAX_WORDS = 14;
/** A title ending in "?" is a subhead only this short; longer questions are one-sentence paragraphs. */
export const QUESTION_TITLE_MAX_WORDS = 8;

/** The last character that is not a closing quote or bracket. */
function lastMeaningfulChar(text: string): string {
  return text.replace(/[\s"'”’)\]]+$/u, '').at(-1) ?? '';
}

/**
 * True when a line reads like a title rather than a sentence: at most TITLE_MAX_WORDS
 * words, starting with a capital or digit, and not ending like a sentence (".", "!", ":",
 * ";" or ","). A "?" or "…" ending is allowed (teasers, question subheads).
 */
export function isTitleLine(text: string): boolean {
  if (wordCount(text) > TITLE_MAX_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(text)) return false;
  return !/[.!:;,]/.test(lastMeaningfulChar(text));
}

/**
 * True when a body line stands alone as a subhead or a link to another story: a title line
 * that, if it is a question, is short (QUESTION_TITLE_MAX_WORDS), since "MIAMI — Will the
 * United States be hashing out…?" is a one-sentence paragraph, "Why is Cuba interested?" a subhead.
 */
export function isStandaloneTitle(text: string): boolean {
  if (!isTitleLine(text)) return false;
  if (lastMeaningfulChar(text) === '?') return wordCount(text) <= QUESTION_TITLE_MAX_WORDS;
  return !text.endsWith('…');
}
