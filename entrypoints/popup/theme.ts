/**
 * Applies the `theme` setting: light, dark, or the system's (`prefers-color-scheme`). The
 * stylesheet's colours use `light-dark()`, which follows `color-scheme`, so setting one
 * attribute switches every colour.
 */
import type { Theme } from '@/src/shared/settings';

/** Sets the page's theme; `system` leaves the choice to the browser. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
