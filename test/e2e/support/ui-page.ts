import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { pollUntil } from './poll';
import { saveScreenshot, screenshotDir } from './screenshots';

/**
 * An extension page (popup.html or options.html opened as a tab) behind one interface for
 * both drivers, with the actions a reader takes there: click, type, press keys, choose a
 * file. Selectors are CSS selectors; every action waits for its element to exist first.
 */
export interface UiPage {
  browser: 'chromium' | 'firefox';
  page: PlaywrightPage | PuppeteerPage;
  /** Runs a self-contained function in the page. */
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<T>;
  /** Evaluates script source in the page (used to load axe-core past the page's CSP). */
  evaluateSource(source: string): Promise<unknown>;
  /** Polls a page function until it returns a truthy value, and returns that value. */
  waitFor<T, A = undefined>(
    fn: (arg: A) => T,
    what: string,
    arg?: A,
    timeoutMs?: number,
  ): Promise<NonNullable<T>>;
  /** Clicks the centre of the element `selector` matches, with the mouse. */
  click(selector: string): Promise<void>;
  /** Focuses `selector` and types `text` key by key (`\n` presses Enter). */
  type(selector: string, text: string): Promise<void>;
  /** Presses one key (Playwright/Puppeteer key names: 'Escape', 'ArrowDown', '/'). */
  press(key: string): Promise<void>;
  /** Chooses a file with the file input `selector`, as the file picker would. */
  chooseFile(selector: string, fileName: string, contents: string): Promise<void>;
  /** Brings this tab to the front (keyboard focus, timers and frames run unthrottled). */
  front(): Promise<void>;
  /**
   * Saves a PNG under the screenshot folder and returns its path: the whole page, or with
   * `viewportOnly` what fits the viewport (a popup shows no more than its window).
   */
  screenshot(name: string, viewportOnly?: boolean): Promise<string>;
  /** Sets the viewport (e.g. a popup's width). */
  setViewport(width: number, height: number): Promise<void>;
  /** Whether the tab is still open (a popup closes itself after some actions). */
  isClosed(): boolean;
  close(): Promise<void>;
}

/** Saves a PNG of what the viewport shows as `<screenshotDir>/<name>.png`; returns its path. */
async function saveViewportScreenshot(page: PlaywrightPage | PuppeteerPage, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name.replace(/\.png$/, '')}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Polls until `selector` matches an element, so actions never race the page's rendering. */
async function waitForSelector(
  evaluate: (fn: (selector: string) => boolean, selector: string) => Promise<boolean>,
  selector: string,
): Promise<void> {
  await pollUntil(() => evaluate((s) => document.querySelector(s) !== null, selector), {
    timeoutMs: 20_000,
    description: `${selector} to appear`,
  });
}

/** Wraps a Playwright page of Chromium showing an extension page. */
export function chromiumUiPage(page: PlaywrightPage): UiPage {
  const evaluate = <T, A>(fn: (arg: A) => T, arg?: A) =>
    page.evaluate(fn as (a: unknown) => never, arg) as Promise<T>;
  return {
    browser: 'chromium',
    page,
    evaluate,
    evaluateSource: (source) => page.evaluate(source),
    waitFor: (fn, what, arg, timeoutMs = 20_000) =>
      pollUntil(async () => (await evaluate(fn, arg)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    async click(selector) {
      await waitForSelector(evaluate, selector);
      await page.locator(selector).first().click({ timeout: 20_000 });
    },
    async type(selector, text) {
      await waitForSelector(evaluate, selector);
      await page.locator(selector).first().focus();
      await page.keyboard.type(text, { delay: 10 });
    },
    press: (key) => page.keyboard.press(key),
    async chooseFile(selector, fileName, contents) {
      await waitForSelector(evaluate, selector);
      await page
        .locator(selector)
        .first()
        .setInputFiles({
          name: fileName,
          mimeType: 'application/json',
          buffer: Buffer.from(contents, 'utf8'),
        });
    },
    front: () => page.bringToFront(),
    screenshot: (name, viewportOnly = false) =>
      viewportOnly ? saveViewportScreenshot(page, name) : saveScreenshot(page, name),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    isClosed: () => page.isClosed(),
    close: async () => {
      if (!page.isClosed()) await page.close();
    },
  };
}

/** Wraps a Puppeteer page of Firefox (over WebDriver BiDi) showing an extension page. */
export function firefoxUiPage(page: PuppeteerPage): UiPage {
  const uploadDirs: string[] = [];
  const removeUploads = () =>
    Promise.all(uploadDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  page.once('close', () => void removeUploads());
  const evaluate = <T, A>(fn: (arg: A) => T, arg?: A) =>
    page.evaluate(fn as (a: unknown) => never, arg) as Promise<T>;
  return {
    browser: 'firefox',
    page,
    evaluate,
    evaluateSource: (source) => page.evaluate(source),
    waitFor: (fn, what, arg, timeoutMs = 20_000) =>
      pollUntil(async () => (await evaluate(fn, arg)) || undefined, {
        timeoutMs,
        description: what,
      }) as never,
    async click(selector) {
      await waitForSelector(evaluate, selector);
      await page.click(selector);
    },
    async type(selector, text) {
      await waitForSelector(evaluate, selector);
      await page.focus(selector);
      await page.keyboard.type(text, { delay: 10 });
    },
    press: (key) => page.keyboard.press(key as never),
    async chooseFile(selector, fileName, contents) {
      await waitForSelector(evaluate, selector);
      // Firefox reads a chosen file lazily, when the page calls file.text(), so the file
      // must outlive this call: it is removed when the page closes.
      const dir = await mkdtemp(join(tmpdir(), 'sourcelight-upload-'));
      uploadDirs.push(dir);
      const path = join(dir, fileName);
      await writeFile(path, contents, 'utf8');
      const input = await page.$(selector);
      if (!input) throw new Error(`${selector} disappeared`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    front: async () => {
      await page.bringToFront();
    },
    screenshot: (name, viewportOnly = false) =>
      viewportOnly ? saveViewportScreenshot(page, name) : saveScreenshot(page, name),
    setViewport: (width, height) => page.setViewport({ width, height }),
    isClosed: () => page.isClosed(),
    close: async () => {
      if (!page.isClosed()) await page.close();
      await removeUploads();
    },
  };
}
