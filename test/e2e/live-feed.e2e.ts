import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { useTestPages } from './support/test-pages';

/**
 * A live feed (test/pages/hostile/feed.html appends an on-topic item every 10 ms for 10 s) is
 * marked while it still runs: rescans wait for a quiet moment, but never longer than a second
 * after the first change. Before, the debounce had no maximum wait and the feed was marked
 * only after it stopped.
 */
const url = useTestPages();

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

  test('marks what a live feed appends while the feed still runs, and every item once it stops', async () => {
    await driver.goto(url('hostile/feed.html?seconds=10'));
    // Items present when the content script first ran are marked by its first scan: look only
    // at items appended three seconds into the feed and later.
    const later = await driver.waitFor(
      () => {
        const feed = (window as unknown as { __feed: { appended: number[] } }).__feed;
        return feed.appended.length >= 300 ? feed.appended.length : null;
      },
      'the feed to run for three seconds',
      15_000,
    );
    await driver.evaluate((from: number) => {
      (window as unknown as { __from: number }).__from = from;
    }, later);
    const seen = await driver.waitFor(
      () => {
        const from = (window as unknown as { __from: number }).__from;
        const feed = (window as unknown as { __feed: { running: boolean } }).__feed;
        if (!feed.running) return 'the feed stopped first';
        const highlight = CSS.highlights.get('sourcelight-person') as unknown as Set<Range> | undefined;
        for (const range of highlight ?? []) {
          const item = range.startContainer.parentElement?.closest('#feed > p');
          if (item && Number(item.id.slice('item'.length)) >= from)
            return Number(item.id.slice('item'.length));
        }
        return null;
      },
      'marks on items appended later, while the feed runs',
      15_000,
    );
    expect(seen).toBeTypeOf('number');
    await driver.waitFor(
      () => !(window as unknown as { __feed: { running: boolean } }).__feed.running,
      'the feed to stop',
      15_000,
    );
    await driver.waitFor(
      () => {
        const items = Array.from(document.getElementById('feed')?.children ?? []);
        const marked = new Set<Element>();
        const highlight = CSS.highlights.get('sourcelight-person') as unknown as Set<Range> | undefined;
        for (const range of highlight ?? []) {
          const item = range.startContainer.parentElement?.closest('#feed > p');
          if (item) marked.add(item);
        }
        return items.length > 0 && items.every((item) => marked.has(item));
      },
      'every item of the feed to be marked',
      15_000,
    );
  });
});
