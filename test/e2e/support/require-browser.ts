import { existsSync } from 'node:fs';
import { test } from 'vitest';
import { type BrowserName, browserBinaries } from './paths';

const labels: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox ESR' };

/**
 * Checks that a browser's binary is installed, for use while a `describe` block is being
 * collected: `if (!requireBrowser('chromium')) return;`. When it is missing, it registers a
 * test that says so and returns false. Under CI=true that test fails (a CI run must not pass
 * without its browser tests); elsewhere it is skipped, and the reason is printed.
 */
export function requireBrowser(name: BrowserName): boolean {
  const binary = browserBinaries[name];
  if (existsSync(binary)) return true;
  const message =
    `${labels[name]} is not installed (${binary} is missing). ` +
    `Install it with: apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'}`;
  if (process.env.CI === 'true') {
    test(`${labels[name]} is installed`, () => {
      throw new Error(`${message}. Browser tests cannot be skipped under CI=true.`);
    });
  } else {
    console.warn(`Skipping the ${labels[name]} tests: ${message}`);
    test.skip(`${labels[name]} tests (skipped: ${message})`, () => {});
  }
  return false;
}
