/**
 * Functions that run inside a test page (passed to `evaluate` of either driver), so each is
 * self-contained: they read what Sourcelight painted and rendered without touching it.
 */

/** How many ranges each Sourcelight highlight holds (-1: highlight not registered). */
export function readHighlightCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    counts[kind] = highlight ? highlight.size : -1;
  }
  return counts;
}

/** Scrolls the first highlighted range whose text is `text` into view and returns its centre. */
export function centreOfMark(text: string): { x: number; y: number } | null {
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    for (const range of highlight ?? []) {
      if (range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = range.getClientRects()[0];
      if (!rect) return null;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** What the open card shows, or null when no card is open. */
export function readCard(): {
  name: string;
  passages: Array<{ text: string; source: string }>;
  focusInside: boolean;
} | null {
  const host = document.querySelector('sourcelight-card');
  const card = host?.shadowRoot?.querySelector('.card:not(.loading)');
  if (!host || !card) return null;
  return {
    name: card.querySelector('.name')?.textContent ?? '',
    passages: Array.from(card.querySelectorAll('.passage')).map((item) => ({
      text: item.querySelector('.quote')?.textContent ?? '',
      source: item.querySelector('.source')?.textContent ?? '',
    })),
    focusInside: document.activeElement === host,
  };
}

/** Records the page's text as a reader sees it before any extension code runs (init script). */
export function recordInnerTextAtLoad(): void {
  document.addEventListener('DOMContentLoaded', () => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
    (window as unknown as { __innerTextAtLoad: string }).__innerTextAtLoad = document.body.innerText;
  });
}

/** Whether the page's visible text is what it was at load. */
export function innerTextUnchanged(): boolean {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
  return (window as unknown as { __innerTextAtLoad?: string }).__innerTextAtLoad === document.body.innerText;
}

/** Whether Sourcelight's content script finished a scan of this page. */
export function contentScriptPainted(): boolean {
  return performance.getEntriesByName('sourcelight:painted').length > 0;
}
