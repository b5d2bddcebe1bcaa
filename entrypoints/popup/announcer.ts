/**
 * Speaks short confirmations ("Citation copied") to screen readers through the popup's
 * polite live region, without moving the focus.
 */
import { byId } from './dom';

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Announces `text` once; the same text twice in a row is announced twice. */
export function announce(text: string): void {
  const region = byId('announcer');
  region.textContent = '';
  // Let the emptied region be seen before the new text, or a repeat would be skipped.
  requestAnimationFrame(() => {
    region.textContent = text;
  });
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    region.textContent = '';
  }, 4000);
}
