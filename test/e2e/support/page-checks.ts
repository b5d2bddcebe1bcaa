/** What {@link readRenderState} finds in a page. */
export interface RenderState {
  /** `document.body.dataset.ready`: the UI pages set it to "true" once their script has run. */
  ready: string | null;
  /** Text of the first visible h1 or h2, or null when no heading is visible. */
  visibleHeading: string | null;
}

/**
 * Runs inside a page (pass it to `page.evaluate` of either driver, so it must not close over
 * anything): reports whether the page's script finished and which heading a reader sees.
 */
export function readRenderState(): RenderState {
  const isVisible = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const heading = Array.from(document.querySelectorAll('h1, h2')).find(
    (element) => isVisible(element) && (element.textContent ?? '').trim() !== '',
  );
  return {
    ready: document.body?.dataset.ready ?? null,
    visibleHeading: heading ? (heading.textContent ?? '').trim() : null,
  };
}
