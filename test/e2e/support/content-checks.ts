/**
 * Functions that run inside a test page (passed to `evaluate` of either driver), so each is
 * self-contained: they read what Sourcelight painted and rendered without touching it.
 */

/** How many ranges each Sourcelight highlight holds (0 where none is registered: nothing painted). */
export function readHighlightCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    counts[kind] = highlight ? highlight.size : 0;
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

/** What the open card shows (run on its shadow root: `driver.waitForCard(readCard, ...)`), or null while loading. */
export function readCard(root: ShadowRoot): {
  name: string;
  passages: Array<{ text: string; source: string }>;
  scope: string;
  focusInside: boolean;
} | null {
  const card = root.querySelector('.card:not(.loading)');
  if (!card) return null;
  return {
    name: card.querySelector('.name')?.textContent ?? '',
    passages: Array.from(card.querySelectorAll('.passage')).map((item) => ({
      text: item.querySelector('.quote')?.textContent ?? '',
      source: item.querySelector('.source')?.textContent ?? '',
    })),
    scope: card.querySelector('.scope')?.textContent ?? '',
    focusInside: document.activeElement === root.host,
  };
}

/** Whether a card is mounted in the page (its host is `sourcelight-card-<random>`, last in body). */
export function cardIsMounted(): boolean {
  return Array.from(document.body.children).some((element) =>
    element.localName.startsWith('sourcelight-card-'),
  );
}

/** Whether no card is mounted in the page (self-contained, for `waitFor`). */
export function cardIsClosed(): boolean {
  return !Array.from(document.body.children).some((element) =>
    element.localName.startsWith('sourcelight-card-'),
  );
}

/**
 * Init script: once the page has loaded (styles applied, so `innerText` is what a reader
 * sees), records its text and starts counting DOM mutations. On a page whose own scripts are
 * blocked, any mutation after that comes from an extension.
 */
export function recordInnerTextAtLoad(): void {
  window.addEventListener('load', () => {
    const state = window as unknown as { __innerTextAtLoad: string; __mutationsAfterLoad: string[] };
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
    state.__innerTextAtLoad = document.body.innerText;
    state.__mutationsAfterLoad = [];
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        state.__mutationsAfterLoad.push(
          `${record.type} on ${target.nodeName ?? '?'}${record.attributeName ? `@${record.attributeName}` : ''}`,
        );
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Whether the page's visible text is what it was at load. */
export function innerTextUnchanged(): boolean {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
  return (window as unknown as { __innerTextAtLoad?: string }).__innerTextAtLoad === document.body.innerText;
}

/** The DOM mutations seen since load (see recordInnerTextAtLoad), or null before load. */
export function mutationsSinceLoad(): string[] | null {
  return (window as unknown as { __mutationsAfterLoad?: string[] }).__mutationsAfterLoad ?? null;
}

/**
 * The names of the entries in the page's own performance timeline that mention Sourcelight:
 * anything there would let the page tell that the extension is installed.
 */
export function sourcelightTimelineEntries(): string[] {
  return performance
    .getEntries()
    .map((entry) => entry.name)
    .filter((name) => name.toLowerCase().includes('sourcelight'));
}

/**
 * The declarations of Sourcelight's `::highlight(sourcelight-<kind>)` rule as the page's
 * style sheets hold them (adopted sheets, or the fallback `<style data-sourcelight>`), so a
 * test can see how marks are painted; null when no such rule is found.
 */
export function readHighlightRule(kind: string): string | null {
  const selector = `::highlight(sourcelight-${kind})`;
  const sheets: CSSStyleSheet[] = [...document.adoptedStyleSheets];
  for (const style of document.querySelectorAll('style[data-sourcelight]')) {
    const sheet = (style as HTMLStyleElement).sheet;
    if (sheet) sheets.push(sheet);
  }
  for (const sheet of sheets) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSStyleRule && rule.selectorText === selector) return rule.style.cssText;
    }
  }
  return null;
}

/**
 * Run on the card's closed shadow root (`driver.inCard(mirrorCardForAxe)`): puts a copy of the
 * card's shadow tree, its style sheet included, in an open shadow root at the same place
 * (`#sourcelight-axe-mirror`), so axe-core, which runs in the page and cannot enter a closed
 * root, can check the card's own DOM and colours. Remove it with {@link removeCardMirror}.
 */
export function mirrorCardForAxe(root: ShadowRoot): boolean {
  document.getElementById('sourcelight-axe-mirror')?.remove();
  const mirror = document.createElement('div');
  mirror.id = 'sourcelight-axe-mirror';
  const open = mirror.attachShadow({ mode: 'open' });
  for (const node of Array.from(root.childNodes)) open.append(node.cloneNode(true));
  for (const sheet of root.adoptedStyleSheets) {
    const style = document.createElement('style');
    style.textContent = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
    open.prepend(style);
  }
  document.body.append(mirror);
  return true;
}

/** Removes the copy {@link mirrorCardForAxe} made. */
export function removeCardMirror(): boolean {
  document.getElementById('sourcelight-axe-mirror')?.remove();
  return true;
}
