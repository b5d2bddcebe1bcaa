import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce } from './support/build-once';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium';
import {
  innerTextUnchanged,
  mutationsSinceLoad,
  readHighlightCounts,
  recordInnerTextAtLoad,
} from './support/content-checks';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './support/firefox';
import { chromiumDriver, firefoxDriver, type PageDriver } from './support/page-driver';
import { fromRoot } from './support/paths';
import { requireBrowser } from './support/require-browser';
import { type StaticServer, serveStatic } from './support/static-server';

/**
 * Thirty-two pages saved from real sites (../shared/pages): each loads with the extension,
 * the content script finishes without an error, the page's text is unchanged, and since none
 * of them is about the corpus's story, nothing is marked: no false marks on the open web.
 */
const pagesDir = fromRoot('..', 'shared', 'pages');
const pages = existsSync(pagesDir)
  ? readdirSync(pagesDir)
      .filter((name) => name.endsWith('.html'))
      .sort()
  : [];
let server: StaticServer | undefined;
const PAGE_POLICY = "default-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'";

beforeAll(async () => {
  buildOnce();
  // The saved pages' own scripts expect their sites and the network: they rewrite the page or
  // navigate away offline. Blocking them keeps each page as saved; content scripts still run.
  if (pages.length > 0) server = await serveStatic(pagesDir, { 'content-security-policy': PAGE_POLICY });
});
afterAll(async () => {
  await server?.close();
});

function realPagesScenario(newDriver: () => Promise<PageDriver>, extensionErrors: () => string[]): void {
  let driver: PageDriver;
  beforeAll(async () => {
    driver = await newDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });

  test.each(pages)('%s: loads, unmarked and unchanged, with no extension error', async (name) => {
    if (!server) throw new Error('page server did not start');
    const errorsBefore = extensionErrors().length;
    await driver.goto(`${server.origin}/${name}`);
    await driver.waitForScan(`the content script to finish on ${name}`, 30_000);
    await driver.waitFor(mutationsSinceLoad, `${name} to finish loading`, 30_000);
    const counts = await driver.evaluate(readHighlightCounts);
    expect(counts, name).toEqual({ person: 0, organization: 0, place: 0, event: 0 });
    expect(await driver.evaluate(innerTextUnchanged), name).toBe(true);
    // The pages' own scripts are blocked, so every change to the DOM would be ours: none.
    expect(await driver.evaluate(mutationsSinceLoad), name).toEqual([]);
    expect(extensionErrors().slice(errorsBefore), name).toEqual([]);
  });
}

describe.runIf(pages.length > 0 || process.env.CI === 'true')('real pages', () => {
  test('are present', () => {
    expect(pages.length, `no saved pages in ${pagesDir}`).toBeGreaterThan(0);
  });

  describe('in Chromium', () => {
    if (!requireBrowser('chromium')) return;
    let chrome: ChromiumWithExtension | undefined;
    const errors: string[] = [];
    beforeAll(async () => {
      chrome = await launchChromiumWithExtension();
    });
    afterAll(async () => {
      await chrome?.close();
    });
    realPagesScenario(
      async () => {
        if (!chrome) throw new Error('Chromium did not start');
        const driver = await chromiumDriver(chrome, recordInnerTextAtLoad);
        const page = driver.page as import('playwright-core').Page;
        // Errors thrown by the content script are reported against the extension's URL.
        page.on('console', (message) => {
          if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) {
            errors.push(message.text());
          }
        });
        page.on('pageerror', (error) => {
          if (error.stack?.includes('chrome-extension://')) errors.push(error.message);
        });
        return driver;
      },
      () => errors,
    );
  });

  describe('in Firefox', () => {
    if (!requireBrowser('firefox')) return;
    let firefox: FirefoxWithExtension | undefined;
    const errors: string[] = [];
    beforeAll(async () => {
      firefox = await launchFirefoxWithExtension();
    });
    afterAll(async () => {
      await firefox?.close();
    });
    realPagesScenario(
      async () => {
        if (!firefox) throw new Error('Firefox did not start');
        const driver = await firefoxDriver(firefox, recordInnerTextAtLoad);
        const page = driver.page as import('puppeteer-core').Page;
        page.on('pageerror', (error) => {
          if (String((error as Error).stack ?? '').includes('moz-extension://'))
            errors.push((error as Error).message);
        });
        return driver;
      },
      () => errors,
    );
  });
});

if (pages.length === 0 && process.env.CI !== 'true') {
  console.warn(`Skipping the real-page tests: ${pagesDir} is absent (it ships beside the repository in CI).`);
}
