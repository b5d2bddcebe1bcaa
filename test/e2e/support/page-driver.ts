import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ChromiumWithExtension } from './chromium';
import { type InShadow, inCardChromium, inCardFirefox } from './closed-shadow';
import type { FirefoxWithExtension } from './firefox';
import { pollUntil } from './poll';
import { forgetScanReports, waitForScanReport } from './scan-report';
import { saveScreenshot } from './screenshots';

/**
 * One tab of either browser behind the same small interface, so a scenario is written once
 * and runs in Chromium (playwright-core) and Firefox (puppeteer-core over BiDi) alike.
 */
export interface PageDriver {
  browser: 'chromium' | 'firefox';
  page: PlaywrightPage | PuppeteerPage;
  /** Runs a self-contained function in the page. */
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  /** Evaluates a script's source in the page (a bundle such as axe-core's). */
  evaluateSource(source: string): Promise<unknown>;
  /**
   * Loads `url` and waits for the load event. Scan reports already stored for `url` are
   * dropped first, so {@link waitForScan} afterwards waits for the new load's own scan.
   */
  goto(url: string): Promise<void>;
  /**
   * Waits until the content script has reported a finished scan of the page now shown, as the
   * extension (not the page) sees it: see scan-report.ts.
   */
  waitForScan(what: string, timeoutMs?: number): Promise<void>;
  hover(x: number, y: number): Promise<void>;
  /** Resizes the tab's viewport (CSS pixels). */
  setViewport(width: number, height: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /**
   * Runs a self-contained function in an extension context (Chromium's service worker, a
   * Firefox extension page): to read what the background keeps, such as `storage.session`.
   */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Sends a message of the content protocol to this tab, as the background or popup would. */
  sendToTab(type: string, data: unknown): Promise<unknown>;
  /** Polls a page function until it returns a truthy value. */
  waitFor<T>(fn: () => T, what: string, timeoutMs?: number): Promise<NonNullable<T>>;
  /**
   * Runs a self-contained function on the open card's closed shadow root (see closed-shadow.ts);
   * null when no card is mounted.
   */
  inCard<T>(fn: InShadow<T>): Promise<T | null>;
  /** Polls {@link inCard} until the function returns a truthy value. */
  waitForCard<T>(fn: InShadow<T>, what: string, timeoutMs?: number): Promise<NonNullable<T>>;
  close(): Promise<void>;
}

/** The slice of the tabs API the relays use (typed here: no browser typings in Node). */
interface ExtensionTabsApi {
  tabs: {
    query(filter: object): Promise<Array<{ id?: number }>>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Wire format of @webext-core/messaging: what `sendMessage` puts on runtime messaging. */
const wireMessage = (type: string, data: unknown) => ({
  id: Math.floor(Math.random() * 1e6),
  type,
  data,
  timestamp: Date.now(),
});

/** The handler's answer inside the messaging library's `{ res }` / `{ err }` envelope. */
function unwrap(reply: unknown): unknown {
  const envelope = reply as { res?: unknown; err?: { message?: string } } | undefined;
  if (envelope?.err) throw new Error(`the content script failed: ${envelope.err.message ?? 'unknown error'}`);
  return envelope?.res;
}

/** A new Chromium tab; `init` runs in the page before its own scripts on every navigation. */
export async function chromiumDriver(session: ChromiumWithExtension, init?: () => void): Promise<PageDriver> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  if (init) await page.addInitScript(init);
  const driver: PageDriver = {
    browser: 'chromium',
    page,
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateSource: (source) => page.evaluate(source),
    goto: async (url) => {
      await session.worker.evaluate(forgetScanReports, url);
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    },
    waitForScan: async (what, timeoutMs) => {
      const url = await page.evaluate(() => location.href);
      await waitForScanReport(
        (check, wanted) => session.worker.evaluate(check, wanted),
        url,
        what,
        timeoutMs,
      );
    },
    hover: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: (name) => saveScreenshot(page, name),
    inExtension: (fn, arg) => session.worker.evaluate(fn as (a: unknown) => never, arg),
    async sendToTab(type, data) {
      // Without the "tabs" permission tab URLs are hidden: the page is the active tab once in front.
      await page.bringToFront();
      const reply = await session.worker.evaluate(
        async (message) => {
          const api = (globalThis as unknown as { chrome: ExtensionTabsApi }).chrome;
          const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          if (tab?.id === undefined) throw new Error('no active tab');
          return api.tabs.sendMessage(tab.id, message);
        },
        wireMessage(type, data),
      );
      return unwrap(reply);
    },
    waitFor: (fn, what, timeoutMs = 15_000) =>
      pollUntil(async () => (await page.evaluate(fn)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    inCard: (fn) => inCardChromium(page, fn),
    waitForCard: (fn, what, timeoutMs = 15_000) =>
      pollUntil(async () => (await inCardChromium(page, fn)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    close: () => page.close(),
  };
  return driver;
}

/** A new Firefox tab; messages to it go through an extension page that knows its tab id. */
export async function firefoxDriver(firefox: FirefoxWithExtension, init?: () => void): Promise<PageDriver> {
  const page = await firefox.browser.newPage();
  if (init) await page.evaluateOnNewDocument(init);
  let relay: PuppeteerPage | null = null;
  /** The extension page that relays messages and reads storage; opening it leaves our tab in front. */
  const relayPage = async (): Promise<PuppeteerPage> => {
    if (!relay || relay.isClosed()) {
      relay = await firefox.openExtensionPage('popup.html');
      await page.bringToFront();
    }
    return relay;
  };
  const driver: PageDriver = {
    browser: 'firefox',
    page,
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateSource: (source) => page.evaluate(source),
    goto: async (url) => {
      await (await relayPage()).evaluate(forgetScanReports, url);
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    },
    waitForScan: async (what, timeoutMs) => {
      const url = await page.evaluate(() => location.href);
      const extension = await relayPage();
      await waitForScanReport((check, wanted) => extension.evaluate(check, wanted), url, what, timeoutMs);
    },
    hover: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    setViewport: (width, height) => page.setViewport({ width, height }),
    click: (x, y) => page.mouse.click(x, y),
    press: async (key) => {
      // Puppeteer presses one key at a time: hold the modifiers of a "Shift+Tab" around the key.
      const keys = key.split('+');
      const last = keys.pop() as string;
      for (const modifier of keys) await page.keyboard.down(modifier as never);
      await page.keyboard.press(last as never);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as never);
    },
    screenshot: (name) => saveScreenshot(page, name),
    inExtension: async (fn, arg) => {
      const extension = await relayPage();
      const result = await extension.evaluate(fn as (a: unknown) => never, arg);
      await page.bringToFront();
      return result;
    },
    async sendToTab(type, data) {
      const extension = await relayPage();
      // Tab URLs are hidden without the "tabs" permission: ask every other tab; only ours answers.
      const answer = await extension.evaluate(
        async (message: unknown) => {
          const api = (globalThis as unknown as { browser: ExtensionTabsApi }).browser;
          const self = await api.tabs.getCurrent();
          for (const tab of await api.tabs.query({})) {
            if (tab.id === undefined || tab.id === self?.id) continue;
            const reply = await api.tabs.sendMessage(tab.id, message).catch(() => undefined);
            if (reply !== undefined) return reply;
          }
          throw new Error('no tab answered');
        },
        wireMessage(type, data),
      );
      await page.bringToFront();
      return unwrap(answer);
    },
    waitFor: (fn, what, timeoutMs = 15_000) =>
      pollUntil(async () => (await page.evaluate(fn)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    inCard: (fn) => inCardFirefox(firefox.browser, page, fn),
    waitForCard: (fn, what, timeoutMs = 15_000) =>
      pollUntil(async () => (await inCardFirefox(firefox.browser, page, fn)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    async close() {
      await relay?.close();
      await page.close();
    },
  };
  return driver;
}
