/**
 * Applies the `theme` setting to an extension page (popup, options): light, dark, or the
 * system's (`prefers-color-scheme`). The pages' style sheets key their `color-scheme` on the
 * `data-theme` attribute, so setting it switches every colour.
 */
import type { Theme } from './settings';

/** Sets the page's theme; `system` leaves the choice to the browser. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
