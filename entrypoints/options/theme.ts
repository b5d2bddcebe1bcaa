/**
 * Applies the theme setting to the options page itself. `system` leaves the choice to
 * `prefers-color-scheme` (style.css sets `color-scheme: light dark`); `light` and `dark`
 * force one through the `data-theme` attribute on the root element.
 */
import type { Theme } from '@/src/shared/settings';

/** Sets the page's theme. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
