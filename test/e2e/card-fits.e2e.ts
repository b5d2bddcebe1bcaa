import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatAxeViolations, seriousAxeViolations } from './support/axe';
import { cardIsClosed, mirrorCardForAxe, readCard, removeCardMirror } from './support/content-checks';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { useTestPages } from './support/test-pages';

/**
 * The card always fits the window: for a mention near the top, in the middle and near the
 * bottom of the viewport, on a wide and a narrow window, the whole card (header with its close
 * button, passages, footer) lies inside the viewport. Screenshots are of the viewport only,
 * which is what a reader sees.
 */
const url = useTestPages();

/** Scrolls the page so that the first mark reading `text` sits at `at` (0 top, 1 bottom) of the viewport. */
function placeMark(arg: { text: string; at: number }): { x: number; y: number; at: number } | null {
  for (const kind of ['person', 'organization', 'place', 'event']) {
    const highlight = CSS.highlights.get(`sourcelight-${kind}`) as unknown as Set<Range> | undefined;
    for (const range of highlight ?? []) {
      if (range.toString() !== arg.text) continue;
      const before = range.getClientRects()[0];
      if (!before) return null;
      window.scrollBy({ top: before.top - arg.at * window.innerHeight, behavior: 'instant' });
      const rect = range.getClientRects()[0];
      if (!rect) return null;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        at: rect.top / window.innerHeight,
      };
    }
  }
  return null;
}

/** The open card's box, the viewport's size, and whether its header and close button are in view. */
function cardBox(root: ShadowRoot) {
  const card = root.querySelector('.card:not(.loading)');
  const close = root.querySelector('.close');
  if (!card || !close) return null;
  const box = card.getBoundingClientRect();
  const button = close.getBoundingClientRect();
  return {
    top: box.top,
    left: box.left,
    bottom: box.bottom,
    right: box.right,
    width: window.innerWidth,
    height: window.innerHeight,
    closeInView: button.top >= 0 && button.bottom <= window.innerHeight,
  };
}

const windows = [
  { width: 1280, height: 800 },
  { width: 400, height: 700 },
];
const places = [
  { name: 'top', at: 0.08 },
  { name: 'middle', at: 0.5 },
  { name: 'bottom', at: 0.9 },
];

function cardFitsScenario(openSession: () => Promise<ExtensionSession>): void {
  let session: ExtensionSession;
  let driver: PageDriver;
  beforeAll(async () => {
    session = await openSession();
    driver = await session.contentTab();
    await driver.goto(url('demo.html'));
    await driver.waitForScan('the content script to scan the demo page');
  });
  afterAll(async () => {
    await driver?.close();
    await session?.close();
  });

  for (const size of windows) {
    for (const place of places) {
      test(`the whole card is inside a ${size.width}x${size.height} window for a mention at the ${place.name}${place.name === 'middle' ? ', and axe finds nothing serious with it open' : ''}`, async () => {
        await driver.setViewport(size.width, size.height);
        const point = await driver.evaluate(placeMark, { text: 'Sergei Lavrov', at: place.at });
        if (!point) throw new Error('no mark for Sergei Lavrov');
        expect(Math.abs(point.at - place.at)).toBeLessThan(0.1);
        await driver.hover(point.x, point.y);
        const card = await driver.waitForCard(readCard, 'the card to open on hover');
        expect(card.passages.length).toBeGreaterThan(0);
        // Floating UI settles over a frame or two: read once it has.
        const box = await driver.waitForCard(
          (root) =>
            root.querySelector('.wrap')?.getAttribute('style')?.includes('--card-max-height') ? true : null,
          'the card to be sized',
        );
        expect(box).toBe(true);
        const fitted = await driver.inCard(cardBox);
        if (!fitted) throw new Error('the card closed');
        await driver.screenshot(`${driver.browser}-card-${size.width}x${size.height}-${place.name}`);
        expect(fitted.top).toBeGreaterThanOrEqual(0);
        expect(fitted.left).toBeGreaterThanOrEqual(0);
        expect(fitted.bottom).toBeLessThanOrEqual(fitted.height);
        expect(fitted.right).toBeLessThanOrEqual(fitted.width);
        expect(fitted.closeInView).toBe(true);
        if (place.name === 'middle') {
          // axe with the card open: the page as a whole, then the card's own tree (see mirrorCardForAxe).
          const onPage = await seriousAxeViolations(driver);
          expect(
            onPage.filter((v) => v.id.startsWith('landmark')),
            formatAxeViolations('page', onPage),
          ).toEqual([]);
          expect(await driver.inCard(mirrorCardForAxe)).toBe(true);
          const inCard = await seriousAxeViolations(driver, '#sourcelight-axe-mirror');
          await driver.evaluate(removeCardMirror);
          expect(inCard, formatAxeViolations('the card', inCard)).toEqual([]);
        }
        await driver.press('Escape');
        await driver.hover(2, 2);
        await driver.waitFor(cardIsClosed, 'the card to close');
      });
    }
  }
}

inEachBrowser(cardFitsScenario);
