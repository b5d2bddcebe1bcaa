import { afterAll, beforeAll, expect, test } from 'vitest';
import { cardIsClosed, centreOfMark, readCard, readHighlightCounts } from './support/content-checks';
import { inEachBrowserTab } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { countColour, decodePng } from './support/png-pixels';
import { expectedDefaults } from './support/stored-settings';
import { useTestPages } from './support/test-pages';

/**
 * Marks where a reader sees text, and nowhere else, on generated hostile pages
 * (test/pages/hostile/): text in open shadow roots (attached, declarative, nested, slotted)
 * is marked, painted and hovered like any other; a story that lives only in shadow DOM is
 * marked; srcdoc and about:blank frames are marked and counted in the tab's state; text CSS
 * hides (zero-size, off-screen, screen-reader only, clipped, transparent, font-size 0,
 * display none, visibility hidden) is neither marked nor counted toward the page's verdict.
 */
const url = useTestPages();

/** Where each highlighted range lies: its text, the host of its shadow root, the light element marking it. */
function markPlaces(): Array<{ text: string; host: string | null; hidden: string | null; slotted: boolean }> {
  const places: Array<{ text: string; host: string | null; hidden: string | null; slotted: boolean }> = [];
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    for (const range of highlight ?? []) {
      const root = range.startContainer.getRootNode();
      const parent = range.startContainer.parentElement;
      places.push({
        text: range.toString(),
        host: root instanceof ShadowRoot ? root.host.id || root.host.tagName.toLowerCase() : null,
        hidden: parent?.closest('[data-hidden]')?.getAttribute('data-hidden') ?? null,
        slotted: parent?.closest('#slotted') !== null && parent?.closest('#slotted') !== undefined,
      });
    }
  }
  return places;
}

/** Scrolls the first mark of `text` inside the shadow root of host `#host` into view; its box in CSS pixels. */
function boxOfShadowMark(wanted: { text: string; host: string }): {
  left: number;
  top: number;
  width: number;
  height: number;
  ratio: number;
} | null {
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    for (const range of highlight ?? []) {
      const root = range.startContainer.getRootNode();
      if (range.toString() !== wanted.text || !(root instanceof ShadowRoot) || root.host.id !== wanted.host)
        continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = range.getBoundingClientRect();
      return {
        left: rect.left,
        top: rect.top,
        width: rect.width,
        height: rect.height,
        ratio: window.devicePixelRatio,
      };
    }
  }
  return null;
}

/**
 * Pixels of the highlight colour under a box of the viewport (the underline sits just below
 * the text's box): taken from a viewport screenshot, so what counts is what was painted.
 */
async function highlightPixelsUnder(
  driver: PageDriver,
  box: { left: number; top: number; width: number; height: number; ratio: number },
): Promise<number> {
  // Let the scroll settle and the frame paint.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const page = driver.page as unknown as { screenshot(options: object): Promise<Uint8Array> };
  const image = decodePng(await page.screenshot({ type: 'png' }));
  const scale = image.width / (await driver.evaluate(() => window.innerWidth));
  const x0 = Math.max(0, Math.floor(box.left * scale));
  const y0 = Math.max(0, Math.floor(box.top * scale));
  const x1 = Math.min(image.width, Math.ceil((box.left + box.width) * scale));
  const y1 = Math.min(image.height, Math.ceil((box.top + box.height + 8) * scale));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    rgba.set(image.rgba.subarray(from, from + width * 4), y * width * 4);
  }
  return countColour({ width, height, rgba }, expectedDefaults.highlightColor, 48);
}

/** What the background keeps for a tab: its verdict, the entities named and how often. */
interface TabState {
  onTopic: boolean;
  entities: string[];
  counts: Record<string, number>;
}

/** Runs in an extension context: the tab state the background keeps for `url` (badge, "On this page"). */
async function tabStateFor(url: string): Promise<TabState | null> {
  const scope = globalThis as unknown as {
    browser?: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
    chrome?: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
  };
  const stored = await (scope.browser ?? scope.chrome)?.storage.session.get(null);
  for (const [key, value] of Object.entries(stored ?? {})) {
    const state = value as {
      url?: string;
      onTopic?: boolean;
      entities?: Array<{ id: string; count: number }>;
    } | null;
    if (!key.startsWith('pageState:') || state?.url !== url) continue;
    const entities = state.entities ?? [];
    return {
      onTopic: state.onTopic === true,
      entities: entities.map((e) => e.id).sort(),
      counts: Object.fromEntries(entities.map((e) => [e.id, e.count])),
    };
  }
  return null;
}

/** The open card, read in the page (the one place this file reads the card). */
function waitForCard(driver: PageDriver, what: string) {
  return driver.waitForCard(readCard, what);
}

function hostilePagesScenario(newDriver: () => Promise<PageDriver>): void {
  let driver: PageDriver;
  beforeAll(async () => {
    driver = await newDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('marks text in attached, declarative, nested and slotted shadow content, slotted text once', async () => {
    await driver.goto(url('hostile/shadow.html'));
    await driver.waitForScan('the content script to scan the shadow-root page');
    const places = await driver.waitFor(() => {
      const highlight = CSS.highlights.get('sourcelight-organization') as unknown as Set<Range> | undefined;
      return (highlight?.size ?? 0) > 0 || null;
    }, 'marks on the shadow-root page');
    expect(places).toBe(true);
    const marks = await driver.evaluate(markPlaces);
    const hosts = new Set(marks.map((mark) => mark.host));
    expect([...hosts].sort()).toEqual(expect.arrayContaining(['attached', 'declarative', 'inner']));
    expect(marks.find((m) => m.host === 'attached' && m.text === 'Rosneft')).toBeDefined();
    expect(marks.find((m) => m.host === 'declarative' && m.text === 'Mike Pompeo')).toBeDefined();
    expect(marks.find((m) => m.host === 'inner' && m.text === 'Sergei Lavrov')).toBeDefined();
    // Slotted text is light DOM: one mark, where the node is; text in no slot is not shown.
    expect(marks.filter((m) => m.slotted && m.text === 'Rostec')).toHaveLength(1);
    expect(marks.filter((m) => m.slotted && m.text === 'Rosneft')).toHaveLength(0);
  });

  test('paints the marks inside a shadow root (underline pixels under the text)', async () => {
    const box = await driver.evaluate(boxOfShadowMark, { text: 'Rosneft', host: 'attached' });
    expect(box).not.toBeNull();
    if (!box) return;
    expect(await highlightPixelsUnder(driver, box)).toBeGreaterThan(10);
  });

  test('opens a card on hover over a mark inside a shadow root', async () => {
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    expect(point).not.toBeNull();
    if (!point) return;
    await driver.hover(point.x - 3, point.y);
    await driver.hover(point.x, point.y);
    const card = await waitForCard(driver, 'the card of a mark in a shadow root');
    expect(card.name).toBe('Rosneft');
    expect(card.passages.length).toBeGreaterThan(0);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
  });

  test('picks up text a script adds inside a shadow root later', async () => {
    await driver.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Rostec denied the report in a statement to reporters in Caracas and Moscow.';
      document.getElementById('attached')?.shadowRoot?.append(p);
    });
    const marked = await driver.waitFor(
      (() => {
        const highlight = CSS.highlights.get('sourcelight-organization') as unknown as Set<Range> | undefined;
        return [...(highlight ?? [])].some(
          (r) => r.toString() === 'Rostec' && r.startContainer.textContent?.startsWith('Later'),
        );
      }) as () => boolean,
      'the paragraph added in the shadow root to be marked',
    );
    expect(marked).toBe(true);
  });

  test('marks a story that lives only in shadow DOM, with the page around it', async () => {
    await driver.goto(url('hostile/shadow-only.html'));
    await driver.waitForScan('the content script to scan the shadow-only page');
    const marks = await driver.waitFor(() => {
      const count = ['person', 'organization', 'place', 'event'].reduce(
        (sum, kind) =>
          sum + ((CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range>)?.size ?? 0),
        0,
      );
      return count > 0 || null;
    }, 'marks on the shadow-only page');
    expect(marks).toBe(true);
    const places = await driver.evaluate(markPlaces);
    expect(places.filter((m) => m.host === 'app').length).toBeGreaterThan(3);
    expect(places.filter((m) => m.host === null && m.text === 'Nicolás Maduro')).toHaveLength(1);
  });

  test('marks srcdoc and about:blank frames, and the tab state counts their mentions', async () => {
    const pageUrl = url('hostile/frames.html');
    await driver.goto(pageUrl);
    const framed = await driver.waitFor(() => {
      const count = (id: string) => {
        const frame = document.getElementById(id) as HTMLIFrameElement | null;
        const registry = (frame?.contentWindow as (Window & typeof globalThis) | null)?.CSS?.highlights;
        let total = 0;
        for (const kind of ['person', 'organization', 'place', 'event']) {
          total += (registry?.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined)?.size ?? 0;
        }
        return total;
      };
      const counts = { srcdoc: count('srcdoc'), blank: count('blank') };
      return counts.srcdoc > 0 && counts.blank > 0 ? counts : null;
    }, 'marks in the srcdoc and about:blank frames');
    expect(framed.srcdoc).toBeGreaterThan(3);
    expect(framed.blank).toBeGreaterThan(3);
    expect(Object.values(await driver.evaluate(readHighlightCounts)).every((n) => n === 0)).toBe(true);
    // Rosneft is named only in the srcdoc frame, Lavrov only in the about:blank one.
    const state = await pollState(
      driver,
      pageUrl,
      (s) => s.entities.includes('rosneft') && s.entities.includes('sergey-lavrov'),
    );
    expect(state.entities).toEqual(expect.arrayContaining(['rosneft', 'sergey-lavrov', 'vladimir-putin']));
  });

  test('leaves out text a reader cannot see: zero-size, off-screen, screen-reader only, clipped, transparent, font-size 0', async () => {
    await driver.goto(url('hostile/hidden.html'));
    await driver.waitForScan('the content script to scan the hidden-text page');
    await driver.waitFor(() => {
      const highlight = CSS.highlights.get('sourcelight-organization') as unknown as Set<Range> | undefined;
      return (highlight?.size ?? 0) > 0 || null;
    }, 'marks in the visible story');
    const marks = await driver.evaluate(markPlaces);
    expect(marks.filter((m) => m.hidden === null && m.text === 'Rosneft')).toHaveLength(1);
    expect([...new Set(marks.map((m) => m.hidden).filter((h) => h !== null))]).toEqual([]);
    // The tab state counts what a reader sees: Rosneft once, not once per hidden copy.
    const state = await pollState(driver, url('hostile/hidden.html'), (s) => s.entities.includes('rosneft'));
    expect(state.counts.rosneft).toBe(1);
  });

  test('keeps an off-topic page off-topic when the story is only in a display:none block', async () => {
    const pageUrl = url('hostile/offtopic-hidden.html');
    await driver.goto(pageUrl);
    await driver.waitForScan('the content script to scan the off-topic page');
    const state = await pollState(driver, pageUrl, () => true);
    expect(state.onTopic).toBe(false);
    const counts = await driver.evaluate(readHighlightCounts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
  });
}

/** Polls the tab state the background keeps for `pageUrl` until `ready` holds. */
async function pollState(
  driver: PageDriver,
  pageUrl: string,
  ready: (state: TabState) => boolean,
): Promise<TabState> {
  const deadline = Date.now() + 15_000;
  let last: TabState | null = null;
  while (Date.now() < deadline) {
    last = await driver.inExtension(tabStateFor, pageUrl);
    if (last && ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for the tab state of ${pageUrl}; last seen ${JSON.stringify(last)}`);
}

inEachBrowserTab((newTab) => hostilePagesScenario(() => newTab()));
