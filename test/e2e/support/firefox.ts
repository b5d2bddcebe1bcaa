import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserBinaries, firefoxBuildDir } from './paths';
import { pollUntil } from './poll';
import { createTempProfile, removeProfile } from './temp-profile';

/** The add-on id the Firefox manifest declares (`browser_specific_settings.gecko.id` in wxt.config.ts). */
export const geckoId = 'sourcelight@sourcelight.dev';

/**
 * The internal UUID the tests give the add-on, so its pages have a known address. Firefox
 * otherwise picks a random one per profile.
 */
export const fixedExtensionUuid = '5f1c2a9e-3d47-4b8e-a6c0-7e2d91b4f358';

/** Firefox ESR running with the Firefox build installed as a temporary add-on. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<fixed uuid>/`, with the trailing slash. */
  extensionBaseUrl: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and resolves once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and removes the temporary profile. */
  close(): Promise<void>;
}

/**
 * Launches Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver)
 * in a fresh temporary profile and installs the unpacked Firefox build as a temporary
 * add-on. `--remote-allow-system-access` lets the driver navigate to moz-extension:// pages.
 */
export async function launchFirefoxWithExtension(
  extensionDir: string = firefoxBuildDir,
): Promise<FirefoxWithExtension> {
  const profileDir = await createTempProfile('firefox');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserBinaries.firefox,
      headless: true,
      userDataDir: profileDir,
      timeout: 60_000,
      protocolTimeout: 60_000,
      defaultViewport: { width: 1280, height: 900 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: fixedExtensionUuid }),
      },
    });
    await browser.installExtension(extensionDir);
    const extensionBaseUrl = `moz-extension://${fixedExtensionUuid}/`;
    const launched = browser;
    return {
      browser: launched,
      extensionBaseUrl,
      async openExtensionPage(path) {
        const page = await launched.newPage();
        await navigateToExtensionPage(page, new URL(path.replace(/^\//, ''), extensionBaseUrl).href);
        return page;
      },
      async close() {
        await launched.close().catch(() => {});
        await removeProfile(profileDir);
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await removeProfile(profileDir);
    throw error;
  }
}

/**
 * Navigates to a moz-extension:// URL and waits until the document there has loaded.
 * Puppeteer's `page.goto` to a moz-extension:// page never resolves over BiDi although the
 * page loads, so the navigation is started without awaiting it and `location.href` is polled.
 */
async function navigateToExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 0 }).catch(() => {
    // Expected: the navigation promise is abandoned (and rejects when the page closes).
  });
  await pollUntil(
    () => page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url),
    { timeoutMs: 60_000, intervalMs: 150, description: `${url} to load in Firefox` },
  );
}
