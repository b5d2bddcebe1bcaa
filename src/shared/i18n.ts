/**
 * Sourcelight's UI strings, all from `_locales` through `browser.i18n`, so every page and
 * the in-page card can be translated without touching code. Keys are typed from
 * messages.json by WXT.
 */
import { browser } from 'wxt/browser';

/** A message key that exists in `_locales/en/messages.json`. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * The message for `key`, with `$1`…`$9` placeholders filled from `substitutions`. A missing
 * message shows its key rather than a blank label.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text =
    substitutions.length > 0
      ? browser.i18n.getMessage(
          key,
          substitutions.map((value) => String(value)),
        )
      : browser.i18n.getMessage(key);
  return text || key;
}

/** Attributes that name a message, and where the message goes. */
const LOCALIZED_ATTRIBUTES: Array<[string, (element: HTMLElement, text: string) => void]> = [
  [
    'data-i18n',
    (element, text) => {
      element.textContent = text;
    },
  ],
  ['data-i18n-label', (element, text) => element.setAttribute('aria-label', text)],
  ['data-i18n-aria-label', (element, text) => element.setAttribute('aria-label', text)],
  ['data-i18n-placeholder', (element, text) => element.setAttribute('placeholder', text)],
  ['data-i18n-title', (element, text) => element.setAttribute('title', text)],
];

/**
 * Fills a static page's strings: `data-i18n` sets an element's text (as text, never HTML),
 * `data-i18n-label`/`data-i18n-aria-label`, `data-i18n-placeholder` and `data-i18n-title`
 * set `aria-label`, `placeholder` and `title`.
 */
export function localizePage(root: ParentNode): void {
  for (const [attribute, apply] of LOCALIZED_ATTRIBUTES) {
    for (const element of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      const key = element.getAttribute(attribute);
      if (key) apply(element, t(key as MessageKey));
    }
  }
}
