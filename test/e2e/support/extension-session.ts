import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './chromium';
import { type FirefoxWithExtension, geckoId, launchFirefoxWithExtension } from './firefox';
import { chromiumDriver, firefoxDriver, type PageDriver } from './page-driver';
import { pollUntil } from './poll';
import { requireBrowser } from './require-browser';
import { chromiumUiPage, firefoxUiPage, type UiPage } from './ui-page';

/**
 * One browser with Sourcelight loaded, seen the same way in Chromium and Firefox: open its
 * pages, open ordinary tabs, read and write `storage.sync`, and find a tab's id. Scenarios
 * for the popup and the options page are written once against it.
 */
export interface ExtensionSession {
  browser: 'chromium' | 'firefox';
  /** The extension's `runtime.id`: Chromium's generated id, or the Firefox add-on id. */
  runtimeId: string;
  /** Opens `popup.html`, `options.html` (with any query) in a new tab, once it has loaded. */
  openUi(path: string): Promise<UiPage>;
  /** A new ordinary tab; `init` runs before the page's scripts on every navigation. */
  contentTab(init?: () => void): Promise<PageDriver>;
  /** Runs a self-contained function in an extension context (service worker, or an extension page). */
  inExtension<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Everything in `storage.sync`, as the extension sees it. */
  readSync(): Promise<Record<string, unknown>>;
  /** Replaces `storage.sync` with `items` (cleared first), as one change. */
  replaceSync(items: Record<string, unknown>): Promise<void>;
  /** The id of the tab showing `url`, asked of each tab's content script. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** The slice of the extension APIs the helpers below use (no browser typings in Node). */
interface ExtensionApi {
  storage: {
    sync: {
      get(): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: {
    query(filter: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * Runs in an extension context (Chromium's service worker or a Firefox extension page):
 * asks every tab's content script for its page state and returns the id of the tab whose
 * URL is `url` (tab URLs themselves are hidden without the "tabs" permission), or null.
 */
async function findTabId(url: string): Promise<number | null> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = (scope.browser ?? scope.chrome) as ExtensionApi;
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    const message = {
      id: Date.now() % 1e6,
      type: 'currentPageState',
      data: undefined,
      timestamp: Date.now(),
    };
    const reply = (await api.tabs.sendMessage(tab.id, message).catch(() => undefined)) as
      | { res?: { url?: string } }
      | undefined;
    if (reply?.res?.url === url) return tab.id;
  }
  return null;
}

/** Runs in an extension context: the whole of `storage.sync`. */
function readSyncStorage(): Promise<Record<string, unknown>> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return ((scope.browser ?? scope.chrome) as ExtensionApi).storage.sync.get();
}

/** Runs in an extension context: clears `storage.sync` and stores `items`. */
async function replaceSyncStorage(items: Record<string, unknown>): Promise<void> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = (scope.browser ?? scope.chrome) as ExtensionApi;
  await api.storage.sync.clear();
  if (Object.keys(items).length > 0) await api.storage.sync.set(items);
}

/** Polls {@link findTabId} until the tab's content script answers. */
function pollTabId(run: (url: string) => Promise<number | null>, url: string): Promise<number> {
  return pollUntil(() => run(url), {
    timeoutMs: 20_000,
    intervalMs: 250,
    description: `a tab showing ${url}`,
  });
}

/** Chromium: storage and tabs through the service worker. */
export async function chromiumSession(): Promise<ExtensionSession> {
  const chrome: ChromiumWithExtension = await launchChromiumWithExtension();
  return {
    browser: 'chromium',
    runtimeId: chrome.extensionId,
    async openUi(path) {
      return chromiumUiPage(await chrome.openExtensionPage(path));
    },
    contentTab: (init) => chromiumDriver(chrome, init),
    inExtension: (fn) => chrome.worker.evaluate(fn),
    readSync: () => chrome.worker.evaluate(readSyncStorage),
    replaceSync: (items) => chrome.worker.evaluate(replaceSyncStorage, items),
    tabIdOf: (url) => pollTabId((wanted) => chrome.worker.evaluate(findTabId, wanted), url),
    close: () => chrome.close(),
  };
}

/**
 * Firefox: storage and tabs through an extension page kept open for the purpose (MV2's
 * background page cannot be driven over BiDi). It is the popup page: it only reads settings.
 */
export async function firefoxSession(): Promise<ExtensionSession> {
  const firefox: FirefoxWithExtension = await launchFirefoxWithExtension();
  let relay: PuppeteerPage | null = null;
  const relayPage = async () => {
    if (!relay || relay.isClosed()) relay = await firefox.openExtensionPage('popup.html');
    return relay;
  };
  return {
    browser: 'firefox',
    runtimeId: geckoId,
    async openUi(path) {
      const page = firefoxUiPage(await firefox.openExtensionPage(path));
      await page.front();
      return page;
    },
    contentTab: (init) => firefoxDriver(firefox, init),
    inExtension: async (fn) => (await relayPage()).evaluate(fn),
    readSync: async () => (await relayPage()).evaluate(readSyncStorage),
    replaceSync: async (items) => (await relayPage()).evaluate(replaceSyncStorage, items),
    tabIdOf: async (url) => {
      const page = await relayPage();
      return pollTabId((wanted) => page.evaluate(findTabId, wanted), url);
    },
    close: () => firefox.close(),
  };
}

/**
 * Runs one scenario in each browser, as `describe('in Chromium')` and `describe('in Firefox')`,
 * each given the function that starts its session. A missing browser fails under CI=true and
 * is skipped, with the reason, elsewhere (see requireBrowser).
 */
export function inEachBrowser(scenario: (openSession: () => Promise<ExtensionSession>) => void): void {
  describe('in Chromium', () => {
    if (!requireBrowser('chromium')) return;
    scenario(chromiumSession);
  });
  describe('in Firefox', () => {
    if (!requireBrowser('firefox')) return;
    scenario(firefoxSession);
  });
}

/**
 * Runs a scenario of ordinary tabs in each browser (see {@link inEachBrowser}): the browser
 * starts before the scenario's tests and ends after them; `newTab` opens a tab in it.
 */
export function inEachBrowserTab(
  scenario: (newTab: (init?: () => void) => Promise<PageDriver>) => void,
): void {
  inEachBrowser((openSession) => {
    let session: ExtensionSession | undefined;
    beforeAll(async () => {
      session = await openSession();
    });
    afterAll(async () => {
      await session?.close();
    });
    scenario(async (init) => {
      if (!session) throw new Error('the browser did not start');
      return session.contentTab(init);
    });
  });
}
