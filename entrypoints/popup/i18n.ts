/**
 * The popup's strings, all from `_locales` through `browser.i18n`, so the UI can be
 * translated without touching code. Keys are typed from messages.json by WXT.
 */

/** A message key that exists in `_locales/en/messages.json`. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** The message for `key`, with `$1`…`$9` placeholders filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text =
    substitutions.length > 0
      ? browser.i18n.getMessage(
          key,
          substitutions.map((value) => String(value)),
        )
      : browser.i18n.getMessage(key);
  // An empty answer means the key is missing from the locale: show the key, not a blank.
  return text || key;
}

/**
 * Fills the static page's strings: `data-i18n` sets an element's text, and
 * `data-i18n-label`, `data-i18n-placeholder` and `data-i18n-title` set `aria-label`,
 * `placeholder` and `title`.
 */
export function localizePage(root: ParentNode): void {
  const fill = (attribute: string, apply: (element: HTMLElement, text: string) => void) => {
    for (const element of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      const key = element.getAttribute(attribute);
      if (key) apply(element, t(key as MessageKey));
    }
  };
  fill('data-i18n', (element, text) => {
    element.textContent = text;
  });
  fill('data-i18n-label', (element, text) => element.setAttribute('aria-label', text));
  fill('data-i18n-placeholder', (element, text) => element.setAttribute('placeholder', text));
  fill('data-i18n-title', (element, text) => element.setAttribute('title', text));
}
