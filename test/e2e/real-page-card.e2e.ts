import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce } from './support/build-once';
import { readCard, readHighlightCounts } from './support/content-checks';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import { fromRoot } from './support/paths';
import { type StaticServer, serveStatic } from './support/static-server';
import { settingsWith, storedSettings } from './support/stored-settings';

/**
 * A real news page that is not about the story (National Review on the Ukraine
 * whistle-blower, which names John Bolton): left alone by default, and with the "everywhere"
 * setting its mentions are marked and a card of cited passages opens over it.
 */
const pagesDir = fromRoot('..', 'shared', 'pages');
const pageName = 'aeb__nationalreview.com__f5c90a6d.html';
const present = existsSync(`${pagesDir}/${pageName}`);
let server: StaticServer | undefined;

beforeAll(async () => {
  buildOnce();
  if (present) {
    server = await serveStatic(pagesDir, {
      'content-security-policy':
        "default-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'",
    });
  }
});
afterAll(async () => {
  await server?.close();
});

function realPageCardScenario(open: () => Promise<ExtensionSession>): void {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await open();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('marks nothing by default, and shows a card over the page when set to mark everywhere', async () => {
    if (!server) throw new Error('page server did not start');
    const tab = await session.contentTab();
    await tab.goto(`${server.origin}/${pageName}`);
    await tab.waitForScan('the content script to scan the page');
    expect(Object.values(await tab.evaluate(readHighlightCounts)).every((count) => count === 0)).toBe(true);

    await session.replaceSync(storedSettings(settingsWith({ markMode: 'everywhere' })));
    await tab.waitFor(() => {
      const people = CSS.highlights.get('sourcelight-person') as unknown as Set<Range> | undefined;
      return (people?.size ?? 0) > 0;
    }, 'the page to be marked everywhere');
    // Opened as the popup's "On this page" does: pointer geometry on a saved page is the page's
    // own (a lazy-loading image sits over the text in Chromium), not what is under test here.
    expect(await tab.sendToTab('revealMention', { kind: 'entity', id: 'john-bolton' })).toBe(true);
    const card = await tab.waitForCard(readCard, 'the card to open over the real page');
    expect(card.name).toBe('John Bolton');
    expect(card.passages.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await tab.screenshot(`${session.browser}-card-real-page`);
    await tab.close();
  });
}

describe.runIf(present || process.env.CI === 'true')('a real news page', () => {
  test('is present', () => {
    expect(present, `${pageName} is missing from ${pagesDir}`).toBe(true);
  });
  inEachBrowser(realPageCardScenario);
});
