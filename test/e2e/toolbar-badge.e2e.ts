import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { pollUntil } from './support/poll';
import { useTestPages } from './support/test-pages';

/**
 * The toolbar badge counts only what the reader sees marked: the demo page (about the story)
 * gets a count; a page that names Trump and Putin about something else is not marked in the
 * default mode, so it gets none, although its state lists the names it found.
 */
const url = useTestPages();

/** What the extension holds for each page it was told about: entities found, marking, badge. */
interface BadgeReport {
  url: string;
  entities: number;
  marking: boolean;
  badge: string;
}

/** Runs in an extension context: every stored page state with its tab's badge text. */
async function badgeReports(): Promise<BadgeReport[]> {
  interface Api {
    storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
    action?: { getBadgeText(details: { tabId: number }): Promise<string> };
    browserAction?: { getBadgeText(details: { tabId: number }): Promise<string> };
  }
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (scope.browser ?? scope.chrome) as Api;
  const badgeApi = api.action ?? api.browserAction;
  const stored = await api.storage.session.get(null);
  const reports: BadgeReport[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith('pageState:')) continue;
    const state = value as { url: string; entities: unknown[]; marking: boolean };
    const tabId = Number(key.slice('pageState:'.length));
    const badge = Number.isInteger(tabId) && badgeApi ? await badgeApi.getBadgeText({ tabId }) : '?';
    reports.push({ url: state.url, entities: state.entities.length, marking: state.marking, badge });
  }
  return reports;
}

inEachBrowser((openSession) => {
  let session: ExtensionSession;
  let driver: PageDriver;
  beforeAll(async () => {
    session = await openSession();
    driver = await session.contentTab();
  });
  afterAll(async () => {
    await driver?.close();
    await session?.close();
  });

  test('the badge counts the marked actors of a page about the story', async () => {
    const page = url('demo.html');
    await driver.goto(page);
    await driver.waitForScan('the demo page to be scanned');
    // The background stores the state, then sets the badge: wait for the badge.
    const report = await pollUntil(
      async () => (await session.inExtension(badgeReports)).find((r) => r.url === page && r.badge !== ''),
      { timeoutMs: 10_000, description: "the demo tab's badge" },
    );
    expect(report.marking).toBe(true);
    expect(Number(report.badge)).toBeGreaterThan(5);
  });

  test('an off-topic page that names the actors gets no badge in the default mode', async () => {
    const page = url('off-topic-actors.html');
    await driver.goto(page);
    await driver.waitForScan('the off-topic page to be scanned');
    const report = (await session.inExtension(badgeReports)).find((r) => r.url === page);
    expect(report?.entities).toBeGreaterThan(0);
    expect(report?.marking).toBe(false);
    expect(report?.badge).toBe('');
  });
});
