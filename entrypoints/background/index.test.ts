import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BuiltCorpus } from '@/src/core/corpus-types';
import { buildSearchIndex } from '@/src/corpus/build/search-index';
import { backgroundMessaging, type PageState } from '@/src/shared/protocol';
import background from './index';

const corpus: BuiltCorpus = {
  version: 1,
  articles: [
    { id: 'a', outlet: 'Wire', headline: 'Oil', url: null, published: null, authors: [], seed: 's' },
  ],
  passages: [
    {
      id: 'a/p1',
      articleId: 'a',
      text: 'Rosneft lent money.',
      entityIds: ['rosneft'],
      eventIds: [],
      mentions: [{ id: 'rosneft', start: 0, end: 7 }],
    },
  ],
  entities: [
    {
      id: 'rosneft',
      name: 'Rosneft',
      type: 'organization',
      role: 'Oil company',
      roleQuotes: [],
      aliases: [{ text: 'Rosneft' }],
    },
  ],
  events: [],
  disagreements: [],
};
const files: Record<string, string> = {
  'corpus.json': JSON.stringify(corpus),
  'search-index.json': JSON.stringify(buildSearchIndex(corpus)),
};
const state: PageState = {
  url: 'https://news.example/',
  onTopic: true,
  marking: true,
  entities: [{ id: 'rosneft', name: 'Rosneft', type: 'organization', count: 2 }],
  events: [],
};

/** Delivers a message as @webext-core/messaging sends it, from a given sender; returns the reply. */
async function deliver(type: string, data: unknown, sender: object): Promise<unknown> {
  const message = { id: 1, type, data, timestamp: Date.now() };
  const reply = await new Promise<{ res?: unknown; err?: unknown } | undefined>((resolve) => {
    // The messaging library answers through `sendResponse` (a third argument the fake's typing omits).
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
    void trigger(message, sender, resolve);
  });
  if (reply?.err) throw new Error(JSON.stringify(reply.err));
  return reply?.res;
}

describe('background messages', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('chrome', fakeBrowser);
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(files[url.split('/').pop() ?? ''] ?? '', { status: 200 }),
    );
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // WXT's fake browser has no commands API; the background only registers a listener on it.
    Object.defineProperty(fakeBrowser, 'commands', {
      value: { onCommand: { addListener: () => undefined } },
      configurable: true,
    });
    background.main();
  });
  afterEach(() => {
    backgroundMessaging.removeAllListeners();
    vi.unstubAllGlobals();
    warn.mockRestore();
  });

  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
  const tab = () => ({
    id: fakeBrowser.runtime.id,
    url: 'https://news.example/',
    tab: { id: 5 },
    frameId: 0,
  });

  it('answers our popup and ignores (and logs) a foreign sender or a bad shape', async () => {
    const response = (await deliver('searchCorpus', { query: 'rosneft' }, page())) as { total: number };
    expect(response.total).toBe(1);
    expect(
      await deliver('searchCorpus', { query: 'rosneft' }, { ...page(), id: 'intruder' }),
    ).toBeUndefined();
    expect(await deliver('searchCorpus', { query: ['rosneft'] }, page())).toBeUndefined();
    expect(await deliver('searchCorpus', { query: 'rosneft' }, tab())).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('keeps page state per tab in storage.session and clears it when the tab closes', async () => {
    await deliver('reportPageState', state, tab());
    expect(await deliver('getPageState', { tabId: 5 }, page())).toEqual(state);
    expect(await fakeBrowser.storage.session.get('pageState:5')).toEqual({ 'pageState:5': state });
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await deliver('getPageState', { tabId: 5 }, page())).toBeNull());
  });

  it('stores the state of a page whose URL is over 8,192 characters, and the popup gets it', async () => {
    const url = `https://news.example/demo.html?x=${'a'.repeat(9000)}`;
    await deliver('reportPageState', { ...state, url }, { ...tab(), url });
    const reported = (await deliver('getPageState', { tabId: 5 }, page())) as PageState | null;
    expect(reported?.entities).toEqual(state.entities);
    expect(new URL(reported?.url ?? '').hostname).toBe('news.example');
    expect(reported?.url.length).toBeLessThanOrEqual(8192);
    expect(warn).not.toHaveBeenCalled();
  });

  it("counts a same-origin frame's mentions in its tab's state", async () => {
    await deliver('reportPageState', { ...state, entities: [] }, tab());
    const frameState: PageState = { ...state, url: 'about:srcdoc' };
    await deliver('reportPageState', frameState, { ...tab(), url: 'about:srcdoc', frameId: 4 });
    expect(await deliver('getPageState', { tabId: 5 }, page())).toEqual({
      ...state,
      url: 'https://news.example/',
    });
  });

  it('answers a card request from a content script', async () => {
    const card = (await deliver(
      'findPassages',
      { kind: 'entity', id: 'rosneft', context: 'oil', limit: 3 },
      tab(),
    )) as {
      passages: unknown[];
    };
    expect(card.passages).toHaveLength(1);
  });
});
