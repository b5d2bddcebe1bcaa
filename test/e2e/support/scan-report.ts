import { pollUntil } from './poll';

/**
 * "The content script finished scanning this page", read where the page cannot look: after
 * every scan the content script reports the page's state to the background, which keeps it in
 * `storage.session` under `pageState:<tabId>` (entrypoints/background/page-state-store.ts).
 * The functions marked "runs in an extension context" are passed to `evaluate` of Chromium's
 * service worker or of a Firefox extension page, so each is self-contained.
 */

/** Runs in an extension context: whether a page state reported for `url` is stored. */
export async function hasScanReport(url: string): Promise<boolean> {
  const scope = globalThis as unknown as { browser?: SessionApi; chrome?: SessionApi };
  const stored = await (scope.browser ?? scope.chrome)?.storage.session.get(null);
  return Object.entries(stored ?? {}).some(
    ([key, value]) => key.startsWith('pageState:') && (value as { url?: unknown } | null)?.url === url,
  );
}

/**
 * Runs in an extension context: removes the page states reported for `url`, so that a wait
 * after reloading the page can only be satisfied by a report the reloaded page makes.
 */
export async function forgetScanReports(url: string): Promise<void> {
  const scope = globalThis as unknown as { browser?: SessionApi; chrome?: SessionApi };
  const session = (scope.browser ?? scope.chrome)?.storage.session;
  const stored = await session?.get(null);
  const keys = Object.entries(stored ?? {})
    .filter(
      ([key, value]) => key.startsWith('pageState:') && (value as { url?: unknown } | null)?.url === url,
    )
    .map(([key]) => key);
  if (keys.length > 0) await session?.remove(keys);
}

/** The slice of `storage.session` the functions above use (no browser typings in Node). */
interface SessionApi {
  storage: {
    session: {
      get(keys: null): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    };
  };
}

/**
 * Waits until the content script has reported a scan of `url`; `inExtension` evaluates
 * {@link hasScanReport} in an extension context of the browser under test.
 */
export async function waitForScanReport(
  inExtension: (check: typeof hasScanReport, url: string) => Promise<boolean>,
  url: string,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  await pollUntil(() => inExtension(hasScanReport, url), {
    timeoutMs,
    intervalMs: 150,
    description: what,
  });
}
