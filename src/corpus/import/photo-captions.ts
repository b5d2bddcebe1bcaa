/**
 * Recognises photo captions and credit lines. A caption is a line that ends with a photo
 * credit; a credit-only line is nothing but the credit. Sites write credits differently:
 * "(Yuri Cortez/AFP/Getty Images)", "Photograph: Carlos Jasso/Reuters",
 * "REUTERS/Carlos Garcia Rawlins", "Federico Parra/AFP/Getty Images",
 * "Ronaldo Schemidt / AFP - Getty Images", "(fmlaser)".
 */

/** A name or agency: capitalised words ("Win McNamee", "Getty Images", "AFP"). */
const NAME = String.raw`[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*)*`;
/** "Name/Agency/Agency", allowing " / " and " - " between parts (NBC). */
const SLASH_CREDIT = String.raw`${NAME}(?: ?\/ ?${NAME})+(?: - ${NAME})*`;

/** A whole line that is only a credit, e.g. "Win McNamee/Getty Images". */
const CREDIT_ONLY = new RegExp(String.raw`^(?:${SLASH_CREDIT}|\((?:[^()]*\/[^()]*)\))$`, 'u');

/** Endings that make a line a caption. */
const CREDIT_ENDINGS: RegExp[] = [
  /\bPhotograph: [^.]+$/u,
  /\bREUTERS\/[^.]+$/u,
  // a parenthesised credit: with a slash, or a single lower-case handle such as "(fmlaser)"
  /\((?:[^()]*\/[^()]*|[\p{Ll}\d_.]+)\)$/u,
  // "… 2018. Federico Parra/AFP/Getty Images", "… 2019.Ronaldo Schemidt / AFP - Getty Images"
  new RegExp(String.raw`\.\s?${SLASH_CREDIT}$`, 'u'),
];

/** True when a line is only a photo credit. */
export function isCreditOnlyLine(text: string): boolean {
  return CREDIT_ONLY.test(text);
}

/** True when a line ends with a photo credit, i.e. it is a photo caption. */
export function endsWithPhotoCredit(text: string): boolean {
  return CREDIT_ENDINGS.some((r) => r.test(text));
}

/**
 * Where a caption's photo credit starts ("Photograph: Carlos Jasso/Reuters", "REUTERS/…"), or
 * null: the credit names who took the photo, not an actor of the story, so the corpus build
 * does not tag it (a Reuters credit must not make Reuters an actor of the caption).
 */
export function photoCreditStart(text: string): number | null {
  for (const ending of CREDIT_ENDINGS) {
    const match = ending.exec(text);
    if (match) return match.index + (match[0].startsWith('.') ? 1 : 0);
  }
  return null;
}
