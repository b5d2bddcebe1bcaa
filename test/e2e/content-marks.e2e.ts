import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardIsClosed,
  centreOfMark,
  innerTextUnchanged,
  readCard,
  readHighlightCounts,
  recordInnerTextAtLoad,
  sourcelightTimelineEntries,
} from './support/content-checks';
import { inEachBrowserTab } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { useTestPages } from './support/test-pages';

/**
 * The heart of Sourcelight in real browsers: a page that mentions the corpus's actors gets
 * marks, hover opens a card of cited passages, Escape closes it, the keyboard steps through
 * mentions, the page's text is untouched, a mutation is picked up, and the page's own
 * performance timeline shows no sign of the extension (no fingerprint).
 */
const url = useTestPages();

/** The same scenario in each browser. */
function markingScenario(newDriver: () => Promise<PageDriver>): void {
  let driver: PageDriver;

  beforeAll(async () => {
    driver = await newDriver();
    await driver.goto(url('demo.html'));
    await driver.waitForScan('the content script to scan the demo page');
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('marks people, organizations, places and events, and leaves the text alone', async () => {
    const counts = await driver.evaluate(readHighlightCounts);
    expect(counts.person).toBeGreaterThan(5);
    expect(counts.organization).toBeGreaterThan(2);
    expect(counts.place).toBeGreaterThan(2);
    expect(counts.event).toBeGreaterThan(0);
    expect(await driver.evaluate(innerTextUnchanged)).toBe(true);
  });

  test('opens a card of cited passages on hover, and Escape closes it', async () => {
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    expect(point).not.toBeNull();
    if (!point) return;
    await driver.hover(point.x, point.y);
    const card = await driver.waitForCard(readCard, 'the card to open on hover');
    expect(card.name).toBe('Rosneft');
    expect(card.passages.length).toBeGreaterThan(0);
    expect(card.passages[0]?.text).toMatch(/Rosneft/);
    expect(card.passages[0]?.source).toMatch(/·/);
    expect(card.scope).toMatch(/^From Sourcelight's sources: \d+ articles on Russia in Venezuela, .*2019$/);
    await driver.screenshot(`${driver.browser}-card-hover`);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
    expect(await driver.evaluate(innerTextUnchanged)).toBe(true);
  });

  test('steps through mentions from the keyboard shortcut, with focus in the card', async () => {
    expect(await driver.sendToTab('stepMention', { direction: 1 })).toBe(true);
    const first = await driver.waitForCard(readCard, 'the card of the first mention');
    expect(first.focusInside).toBe(true);
    expect(await driver.sendToTab('stepMention', { direction: 1 })).toBe(true);
    const second = await driver.waitForCard(
      (root) => root.querySelector('.card:not(.loading) .name')?.textContent ?? null,
      'the card of the next mention',
    );
    expect(typeof second).toBe('string');
    await driver.press('Tab');
    expect(await driver.evaluate(() => document.activeElement?.localName ?? '')).toMatch(
      /^sourcelight-card-/,
    );
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
  });

  test('picks up text the page adds later', async () => {
    const before = (await driver.evaluate(readHighlightCounts)).organization ?? 0;
    await driver.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Rostec and Rosneft both denied the report in a statement.';
      document.querySelector('article')?.append(p);
    });
    await driver.waitFor(
      (() => {
        const h = CSS.highlights.get('sourcelight-organization') as unknown as Set<Range> | undefined;
        return [...(h ?? [])].some(
          (r) => r.toString() === 'Rostec' && r.startContainer.textContent?.startsWith('Later'),
        );
      }) as () => boolean,
      'the added paragraph to be marked',
    );
    expect((await driver.evaluate(readHighlightCounts)).organization).toBeGreaterThan(before);
  });

  test('marks the story inside a same-origin frame', async () => {
    await driver.goto(url('frames.html'));
    const marked = await driver.waitFor(() => {
      const frame = document.getElementById('story') as HTMLIFrameElement | null;
      const highlights = (frame?.contentWindow as (Window & typeof globalThis) | null)?.CSS?.highlights;
      const people = highlights?.get('sourcelight-person') as unknown as Set<Range> | undefined;
      return people && people.size > 0 ? people.size : null;
    }, 'marks inside the same-origin frame');
    expect(marked).toBeGreaterThan(5);
  });

  test('marks nothing on a page that is not about the corpus', async () => {
    await driver.goto(url('plain.html'));
    await driver.waitForScan('the content script to scan the plain page');
    const counts = await driver.evaluate(readHighlightCounts);
    expect(Object.values(counts).reduce((a, b) => a + Math.max(0, b), 0)).toBe(0);
  });

  test("leaves nothing in the page's performance timeline, marked or not", async () => {
    await driver.goto(url('plain.html'));
    await driver.waitForScan('the content script to scan the plain page again');
    expect(await driver.evaluate(sourcelightTimelineEntries)).toEqual([]);
    await driver.goto(url('demo.html'));
    await driver.waitForScan('the content script to scan the demo page again');
    expect((await driver.evaluate(readHighlightCounts)).person).toBeGreaterThan(0);
    expect(await driver.evaluate(sourcelightTimelineEntries)).toEqual([]);
  });
}

inEachBrowserTab((newTab) => markingScenario(() => newTab(recordInnerTextAtLoad)));
