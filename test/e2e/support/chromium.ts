import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { browserBinaries, chromeBuildDir } from './paths';
import { createTempProfile, removeProfile } from './temp-profile';

/** Chromium running with the unpacked Chrome build loaded. */
export interface ChromiumWithExtension {
  /** The persistent context (one profile, one window). */
  context: BrowserContext;
  /** The extension's id, the host of its `chrome-extension://` URLs. */
  extensionId: string;
  /** The extension's background service worker; `worker.evaluate` reads `chrome.storage`. */
  worker: Worker;
  /** Opens `chrome-extension://<id>/<path>` (e.g. `popup.html`) in a new tab once loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and removes the temporary profile. */
  close(): Promise<void>;
}

/** Options for {@link launchChromiumWithExtension}. */
export interface ChromiumLaunchOptions {
  /** Show a window (for `npm start` on a desktop). Default: headless. */
  headless?: boolean;
  /** The unpacked extension to load. Default: `.output/chrome-mv3`. */
  extensionDir?: string;
  /**
   * Let Playwright close the browser and exit the process on Ctrl-C (its default). A script
   * that cleans up after itself on signals passes false.
   */
  handleSignals?: boolean;
}

/**
 * Launches Debian's Chromium through playwright-core with the unpacked extension loaded in a
 * fresh temporary profile (extensions only load in a persistent context), and waits for the
 * extension's service worker to learn its id. Flags keep the browser off the network.
 */
export async function launchChromiumWithExtension(
  options: ChromiumLaunchOptions = {},
): Promise<ChromiumWithExtension> {
  const { headless = true, extensionDir = chromeBuildDir, handleSignals = true } = options;
  const profileDir = await createTempProfile('chromium');
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: browserBinaries.chromium,
      headless,
      timeout: 60_000,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const worker = await findExtensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const launched = context;
    return {
      context: launched,
      extensionId,
      worker,
      async openExtensionPage(path) {
        const page = await launched.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, {
          waitUntil: 'load',
          timeout: 60_000,
        });
        return page;
      },
      async close() {
        await launched.close().catch(() => {});
        await removeProfile(profileDir);
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await removeProfile(profileDir);
    throw error;
  }
}

/** The extension's service worker, whether it started before or after we looked. */
async function findExtensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 60_000 });
}
