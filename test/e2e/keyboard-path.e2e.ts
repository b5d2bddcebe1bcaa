import { afterAll, beforeAll, expect, test } from 'vitest';
import { cardIsClosed, centreOfMark, readCard } from './support/content-checks';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { useTestPages } from './support/test-pages';

/**
 * The card by keyboard and screen reader: stepping resumes where the reader left off after
 * Escape, arrows move between passages without scrolling the page, focus leaving a keyboard-
 * opened card closes it, and a card opened by hover is announced by a polite live region.
 * Stepping is sent as the background sends it for the shortcut (headless browsers cannot
 * press command shortcuts; shortcuts.e2e.ts checks they are assigned).
 */
const url = useTestPages();

/** The active mark (the one whose card is open) as text plus its place in the document. */
function activeMark(): string | null {
  const active = CSS.highlights.get('sourcelight-active') as unknown as Set<Range> | undefined;
  const range = [...(active ?? [])][0];
  if (!range) return null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let index = 0;
  while (walker.nextNode() && walker.currentNode !== range.startContainer) index++;
  return `${range.toString()}@${index}:${range.startOffset}`;
}

inEachBrowser((openSession) => {
  let session: ExtensionSession;
  let driver: PageDriver;
  beforeAll(async () => {
    session = await openSession();
    driver = await session.contentTab();
    await driver.goto(url('demo.html'));
    await driver.waitForScan('the demo page to be scanned');
  });
  afterAll(async () => {
    await driver?.close();
    await session?.close();
  });

  test('after Escape, stepping back resumes from the last mention, not from the end', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await driver.sendToTab('stepMention', { direction: 1 });
      await driver.waitForCard(readCard, `the card of mention ${i + 1}`);
      seen.push(await driver.waitFor(activeMark, 'the active mark'));
    }
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
    await driver.sendToTab('stepMention', { direction: -1 });
    await driver.waitForCard(readCard, 'the card after stepping back');
    expect(await driver.waitFor(activeMark, 'the active mark')).toBe(seen[1]);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
  });

  test('arrow keys move between passages and do not scroll the page', async () => {
    await driver.sendToTab('stepMention', { direction: 1 });
    const card = await driver.waitForCard(readCard, 'the card to open focused');
    expect(card.passages.length).toBeGreaterThan(1);
    const scrollBefore = await driver.evaluate(() => window.scrollY);
    await driver.press('ArrowDown');
    await driver.press('ArrowDown');
    const focused = await driver.inCard((root) => {
      const items = Array.from(root.querySelectorAll('.passage'));
      return items.indexOf(root.activeElement as Element);
    });
    expect(focused).toBe(1);
    expect(await driver.evaluate(() => window.scrollY)).toBe(scrollBefore);
  });

  test('focus leaving a keyboard-opened card for the page closes it', async () => {
    await driver.press('Home');
    await driver.press('Shift+Tab');
    await driver.press('Shift+Tab');
    await driver.press('Shift+Tab');
    await driver.waitFor(cardIsClosed, 'the card to close when focus left it');
  });

  test('a card opened by hover is announced by a polite live region', async () => {
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    if (!point) throw new Error('no Rosneft mark');
    await driver.hover(point.x, point.y);
    await driver.waitForCard(readCard, 'the card to open on hover');
    const announced = await driver.waitForCard((root) => {
      const region = root.querySelector('[role="status"].announce');
      return region?.textContent ? region.textContent : null;
    }, 'the announcement');
    expect(announced).toMatch(/Rosneft/);
    await driver.press('Escape');
    await driver.hover(2, 2);
    await driver.waitFor(cardIsClosed, 'the card to close');
  });
});
