import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where things are, relative to this file, so tests and scripts never hard-code the
 * checkout's location.
 */

/** Absolute path of the repository root. */
export const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** Absolute path of a file or folder given relative to the repository root. */
export function fromRoot(...segments: string[]): string {
  return join(repoRoot, ...segments);
}

/** The unpacked builds WXT writes, one per browser. */
export const chromeBuildDir = fromRoot('.output', 'chrome-mv3');
export const firefoxBuildDir = fromRoot('.output', 'firefox-mv2');

/** The static test pages (`demo.html`, `plain.html`) served on 127.0.0.1 during tests. */
export const testPagesDir = fromRoot('test', 'pages');

/** The browsers come from Debian (`apt-get install chromium firefox-esr`); nothing downloads one. */
export const browserBinaries = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
} as const;

/** A browser the end-to-end tests drive. */
export type BrowserName = keyof typeof browserBinaries;
