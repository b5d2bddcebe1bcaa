/**
 * The small "Saved" line at the top of the page, announced to screen readers through its
 * `aria-live` region, and cleared again after a moment.
 */

const VISIBLE_MS = 2500;

/** Creates the announcer for the status element. */
export function createStatusAnnouncer(element: HTMLElement): (text: string, kind?: 'ok' | 'error') => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text, kind = 'ok') => {
    clearTimeout(timer);
    element.dataset.kind = kind;
    // Clearing first makes a repeated "Saved" a new announcement.
    element.textContent = '';
    requestAnimationFrame(() => {
      element.textContent = text;
    });
    if (kind === 'ok') {
      timer = setTimeout(() => {
        element.textContent = '';
      }, VISIBLE_MS);
    }
  };
}
