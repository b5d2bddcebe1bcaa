import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { fromRoot } from './paths';

/**
 * The folder where end-to-end tests leave PNGs for a person to look at
 * (`test-results/screenshots/`, git-ignored). Created on first use.
 */
export function screenshotDir(): string {
  const dir = fromRoot('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Saves a PNG of what a reader sees of a Playwright (Chromium) or Puppeteer (Firefox) page (the
 * viewport, never the full page: a full-page shot hides a card that runs off the screen) as
 * `<screenshotDir>/<name>.png` and returns the file's path.
 */
export async function saveScreenshot(page: PlaywrightPage | PuppeteerPage, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name.replace(/\.png$/, '')}.png`) as `${string}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
