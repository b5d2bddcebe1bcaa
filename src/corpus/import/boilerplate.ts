/**
 * Site chrome and end matter that is not article text. Lines here are either dropped
 * (reported as boilerplate) or moved to the article's notes (credit lines, corrections,
 * repost notices), since they say something about the article rather than in it.
 */

/**
 * Whole lines that are site chrome on the sites seen so far: article-action placeholders,
 * browser banners, newsletter prompts, share buttons and counts, read times, "Read more"
 * labels, share prompts, trust-principles links.
 */
export const CHROME_LINES: RegExp[] = [
  /^Placeholder while article actions load$/,
  /^IE 11 is not supported\. For an optimal experience visit our site on another browser\.$/,
  /^Subscribe free to our daily newsletter$/,
  /^\d+ Min Read$/i,
  /^Shares?$/,
  /^[\d.,]+[kKmM]?$/, // a share count such as "1,606" (a number alone on a line)
  /^Read more$/i,
  /^Please follow and like us:?$/,
  /^Our Standards:\s*The Thomson Reuters Trust Principles\.$/,
];

/** True when a whole line is site chrome. */
export function isChromeLine(text: string): boolean {
  return CHROME_LINES.some((r) => r.test(text));
}

/** A "related stories" heading: it and the teaser titles after it are dropped. */
export const RELATED_HEADING = /^Related (?:Coverage|Posts|Stories|Articles|Content)$/i;

/** An author box at the end of a page: it and every line after it (the bio) are dropped. */
export const AUTHOR_BOX = /^About the Author$/i;

/** A label that follows a link to another story ("Barter and dollars…" / "Read more"). */
export const READ_MORE = /^Read more$/i;

/** A repost notice; the line is moved to notes (and identifies the original outlet). */
export const REPOST_LINE = /^This (?:post|article|story) was originally (?:posted|published) on\b/i;

/**
 * Credit lines and correction notices: moved to notes. Contributor lines ("Anton
 * Troianovski in Moscow contributed to this report."), Reuters' "Reporting by …; Editing
 * by …", and notices that the article was corrected or updated.
 */
export const NOTE_LINES: RegExp[] = [
  /contributed (?:reporting )?to this (?:report|story|article)\.?$/i,
  /^(?:Additional )?(?:Reporting|Writing|Editing) by\b/i,
  /^This (?:article|story|post) (?:has been|was) (?:updated|corrected)\b/i,
  /^(?:Correction|Clarification|Update)s?\s*[:—-]/i,
];

/** True when a line belongs in the notes rather than the body. */
export function isNoteLine(text: string): boolean {
  return NOTE_LINES.some((r) => r.test(text));
}
