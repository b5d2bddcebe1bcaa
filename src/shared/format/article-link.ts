/**
 * Decides how an article's URL can be offered: as a link, as text only (the saved source cut
 * it short with "..." so it would lead nowhere), or not at all.
 */

/** How the popup shows an article's address. */
export type ArticleLink =
  | { kind: 'link'; href: string }
  | { kind: 'truncated'; text: string }
  | { kind: 'unlinkable'; text: string }
  | { kind: 'none' };

/**
 * Classifies an article URL. Only complete http(s) URLs become links; one containing "..." or
 * "…" was cut short in the source and is shown as text, as is one that is not a URL at all
 * (no scheme); another scheme such as `javascript:` or `file:` is never shown.
 */
export function articleLink(url: string | null | undefined): ArticleLink {
  const text = url?.trim() ?? '';
  if (text === '') return { kind: 'none' };
  if (text.includes('...') || text.includes('…')) return { kind: 'truncated', text };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { kind: 'unlinkable', text };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'none' };
  return { kind: 'link', href: parsed.href };
}
