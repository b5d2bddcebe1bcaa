import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { pollUntil } from './support/poll';
import { readMentions } from './support/popup-checks';
import { useTestPages } from './support/test-pages';
import type { UiPage } from './support/ui-page';

/**
 * A page whose URL is over 8,192 characters (the demo page with a long query string) gets
 * its state kept by the background, in real browsers: `storage.session` holds its actors
 * under a bounded URL with the page's host, the toolbar badge counts them, and the popup's
 * "On this page" lists them.
 */

const pageUrl = useTestPages();
/** Longer than the 8,192 characters the background used to refuse. */
const longDemoUrl = () => `${pageUrl('demo.html')}?x=${'a'.repeat(9000)}`;

/** What the background keeps for a tab, read in an extension page. */
interface StoredState {
  url: string;
  entities: Array<{ id: string; name: string }>;
  badge: string;
}

/** Runs in an extension page: the tab's stored page state and its badge text, or null. */
async function storedStateOf(tabId: number): Promise<StoredState | null> {
  interface Api {
    storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    action?: { getBadgeText(details: { tabId: number }): Promise<string> };
    browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
  }
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (scope.browser ?? scope.chrome) as Api;
  const key = `pageState:${tabId}`;
  const state = (await api.storage.session.get(key))[key] as Omit<StoredState, 'badge'> | undefined;
  if (!state) return null;
  const badgeApi = api.action ?? api.browserAction;
  const badge = (await badgeApi?.getBadgeText({ tabId })) ?? '';
  return { url: state.url, entities: state.entities, badge };
}

function longUrlScenario(newSession: () => Promise<ExtensionSession>): void {
  let session: ExtensionSession;
  let demo: PageDriver;
  let tabId: number;
  const opened: UiPage[] = [];

  beforeAll(async () => {
    session = await newSession();
    await session.replaceSync({});
    demo = await session.contentTab();
    await demo.goto(longDemoUrl());
    // Not `waitForScan`: it looks for a stored state under the page's full URL, and a state
    // keeps a bounded one. The tab's own content script answers with the full URL.
    tabId = await session.tabIdOf(longDemoUrl());
  });
  afterAll(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    await demo?.close().catch(() => {});
    await session?.close();
  });

  test('the background keeps the state of a page with a URL over 8,192 characters', async () => {
    expect(longDemoUrl().length).toBeGreaterThan(8192);
    const popup = await session.openUi(`popup.html?tabId=${tabId}`);
    opened.push(popup);
    const stored = await pollUntil(async () => await popup.evaluate(storedStateOf, tabId), {
      timeoutMs: 15_000,
      intervalMs: 250,
      description: 'the background to store the page state of the long-URL tab',
    });
    expect(stored.entities.map((entity) => entity.name)).toEqual(expect.arrayContaining(['Rosneft']));
    expect(stored.entities.some((entity) => /Maduro/.test(entity.name))).toBe(true);
    expect(stored.url.length).toBeLessThanOrEqual(8192);
    expect(new URL(stored.url).host).toBe(new URL(longDemoUrl()).host);
    expect(stored.url.startsWith(pageUrl('demo.html?x=aaa'))).toBe(true);
    expect(Number(stored.badge)).toBe(stored.entities.length);
  });

  test('"On this page" lists its actors', async () => {
    const popup = await session.openUi(`popup.html?tabId=${tabId}`);
    opened.push(popup);
    await popup.waitFor(() => document.body.dataset.ready === 'true', 'the popup to load', undefined, 30_000);
    await popup.click('#tab-page');
    await popup.waitFor(
      () => document.querySelector<HTMLElement>('#panel-page')?.dataset.state === 'mentions',
      'the long-URL page\'s mentions in "On this page"',
    );
    const names = (await popup.evaluate(readMentions)).map((mention) => mention.name);
    expect(names).toEqual(expect.arrayContaining(['Rosneft']));
    expect(names.some((name) => /Maduro/.test(name))).toBe(true);
    expect(await popup.evaluate(() => document.querySelector('#pause-label')?.textContent ?? '')).toMatch(
      '127.0.0.1',
    );
  });
}

inEachBrowser(longUrlScenario);
