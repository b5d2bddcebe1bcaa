import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardIsClosed,
  cardIsMounted,
  centreOfMark,
  readCard,
  readHighlightCounts,
} from './support/content-checks';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { useTestPages } from './support/test-pages';

/**
 * What a hostile page can do to Sourcelight: nothing. The pages under test/pages/hostile/ load
 * page-attacks.js before any extension runs; it listens for every message and event a content
 * script might send, re-dispatches and blindly forges WXT's start handshake and location event
 * (with the real extension id), patches attachShadow, and claims the card's old element name.
 * Each test below failed on the code that used WXT's content-script context and an open card.
 */
const url = useTestPages();

/** What page-attacks.js recorded, read from the page. */
interface Hostile {
  messages: string[];
  heard: string[];
  forgedRounds: number;
  stolenRoots: unknown[];
  claimedUpgrades: number;
}

function readHostile(): {
  messages: string[];
  heard: string[];
  forgedRounds: number;
  stolen: number;
  claimed: number;
} {
  const hostile = (window as unknown as { __hostile: Hostile }).__hostile;
  return {
    messages: hostile.messages,
    heard: hostile.heard,
    forgedRounds: hostile.forgedRounds,
    stolen: hostile.stolenRoots.length,
    claimed: hostile.claimedUpgrades,
  };
}

/** Whether page-attacks.js has finished its rounds of forged events (self-contained). */
function forgingDone(): boolean {
  return (window as unknown as { __hostile: Hostile }).__hostile.forgedRounds >= 40;
}

/** Waits in the page (for "nothing happens" checks, which need a window of time). */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function steeringScenario(openSession: () => Promise<ExtensionSession>): void {
  let session: ExtensionSession;
  let driver: PageDriver;
  const pageUrl = (page: string) => `${url(`hostile/${page}`)}?id=${encodeURIComponent(session.runtimeId)}`;

  beforeAll(async () => {
    session = await openSession();
    driver = await session.contentTab();
  });
  afterAll(async () => {
    await driver?.close();
    await session?.close();
  });

  test('a page that forges the start handshake cannot switch Sourcelight off, and hears nothing from it', async () => {
    await driver.goto(pageUrl('steering.html'));
    await driver.waitForScan('the content script to scan the hostile page');
    await driver.waitFor(forgingDone, 'the page to finish forging');
    const counts = await driver.evaluate(readHighlightCounts);
    expect(counts.organization).toBeGreaterThan(0);
    expect(counts.person).toBeGreaterThan(3);
    // Still alive after the forging: a real hover opens a card from the background.
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    if (!point) throw new Error('no Rosneft mark');
    await driver.hover(point.x, point.y);
    const card = await driver.waitForCard(readCard, 'the card to open after the forged events');
    expect(card.name).toBe('Rosneft');
    const hostile = await driver.evaluate(readHostile);
    expect(hostile.messages).toEqual([]);
    expect(hostile.heard).toEqual([]);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
  });

  test('synthetic pointer, click, focus and key events from the page neither open nor pin the card', async () => {
    await driver.goto(pageUrl('steering.html'));
    await driver.waitForScan('the content script to scan the hostile page again');
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    if (!point) throw new Error('no Rosneft mark');
    await driver.evaluate(async (at) => {
      const target = document.elementFromPoint(at.x, at.y) ?? document.body;
      const init = { bubbles: true, composed: true, clientX: at.x, clientY: at.y };
      for (let i = 0; i < 10; i++) {
        target.dispatchEvent(new PointerEvent('pointermove', init));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      target.dispatchEvent(new MouseEvent('click', init));
      document.getElementById('rosneft-link')?.focus();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      document.getElementById('rosneft-link')?.blur();
      document.getElementById('rosneft-link')?.focus();
    }, point);
    await driver.evaluate(pause, 1500);
    expect(await driver.evaluate(cardIsMounted)).toBe(false);
  });

  test("the card's shadow root is closed: the page cannot steal, read or rewrite it, nor close it with a fake Escape", async () => {
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    if (!point) throw new Error('no Rosneft mark');
    await driver.click(point.x, point.y);
    const card = await driver.waitForCard(readCard, 'the card to open on a real click');
    expect(card.name).toBe('Rosneft');
    const seen = await driver.evaluate(() => {
      const host = Array.from(document.body.children).find((e) =>
        e.localName.startsWith('sourcelight-card-'),
      );
      let attachedAgain = false;
      try {
        host?.attachShadow({ mode: 'open' });
        attachedAgain = true;
      } catch {}
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      return {
        name: host?.localName ?? '',
        shadowRoot: host ? host.shadowRoot !== null : null,
        attachedAgain,
      };
    });
    expect(seen.name).toMatch(/^sourcelight-card-[0-9a-f]{12}$/);
    expect(seen.shadowRoot).toBe(false);
    expect(seen.attachedAgain).toBe(false);
    const hostile = await driver.evaluate(readHostile);
    expect(hostile.stolen).toBe(0);
    expect(hostile.claimed).toBe(0);
    await driver.evaluate(pause, 600);
    const after = await driver.inCard(readCard);
    expect(after?.name).toBe('Rosneft');
    expect(after?.passages[0]?.text).toMatch(/Rosneft/);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close on a real Escape');
  });

  test("a page that removes the card's host does not break the card", async () => {
    const point = await driver.evaluate(centreOfMark, 'Rosneft');
    if (!point) throw new Error('no Rosneft mark');
    await driver.click(point.x, point.y);
    await driver.waitForCard(readCard, 'the card to open');
    await driver.evaluate(() => {
      for (const e of Array.from(document.body.children))
        if (e.localName.startsWith('sourcelight-card-')) e.remove();
    });
    await driver.hover(5, 5);
    await driver.click(5, 5);
    const lavrov = await driver.evaluate(centreOfMark, 'Sergei Lavrov');
    if (!lavrov) throw new Error('no Lavrov mark');
    await driver.click(lavrov.x, lavrov.y);
    const card = await driver.waitForCard(readCard, 'a card to open again after its host was removed');
    expect(card.name).toMatch(/Lavrov/);
    await driver.press('Escape');
    await driver.waitFor(cardIsClosed, 'the card to close');
  });

  test('an unmarked page hears no message or event from Sourcelight', async () => {
    await driver.goto(pageUrl('steering-plain.html'));
    await driver.waitForScan('the content script to scan the unmarked page');
    await driver.waitFor(forgingDone, 'the page to finish forging');
    const counts = await driver.evaluate(readHighlightCounts);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    const hostile = await driver.evaluate(readHostile);
    expect(hostile.messages).toEqual([]);
    expect(hostile.heard).toEqual([]);
    expect(hostile.stolen).toBe(0);
  });
}

inEachBrowser(steeringScenario);
