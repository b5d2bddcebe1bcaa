/**
 * The options page's strings, all from `_locales` through `browser.i18n`, so the page is
 * ready for translation. Static text is marked in index.html with `data-i18n` attributes.
 */
import { browser } from 'wxt/browser';

/** A message name from `_locales/en/messages.json`. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * The localised message; falls back to the key itself so a missing message is visible
 * rather than an empty label.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Fills every `[data-i18n]` element's text and every `[data-i18n-aria-label]` element's
 * accessible name under `root`. Text goes in as `textContent`, never as HTML.
 */
export function localizeTree(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as MessageKey);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as MessageKey));
  }
}
