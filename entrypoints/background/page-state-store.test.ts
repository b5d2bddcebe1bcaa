import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '@/src/shared/protocol';
import { boundedPageUrl, createPageStateStore, MAX_STORED_URL_LENGTH } from './page-state-store';

const state = (url: string, ids: string[]): PageState => ({
  url,
  onTopic: true,
  marking: true,
  entities: ids.map((id) => ({ id, name: id, type: 'person', count: 1 })),
  events: [],
});

describe('page state store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('survives a restart of the background by keeping states in storage.session', async () => {
    await createPageStateStore(fakeBrowser.storage.session).set(3, state('https://a.example/', ['putin']));
    // A stopped service worker starts again with nothing in memory: a new store reads the same data.
    const restarted = createPageStateStore(fakeBrowser.storage.session);
    expect(await restarted.get(3)).toEqual(state('https://a.example/', ['putin']));
    expect(await restarted.get(4)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('clears one tab and lists the others', async () => {
    const store = createPageStateStore(fakeBrowser.storage.session);
    await store.set(1, state('https://a.example/', ['a']));
    await store.set(2, state('https://b.example/', ['b']));
    await store.clear(1);
    expect(await store.get(1)).toBeNull();
    expect([...(await store.all()).keys()]).toEqual([2]);
  });

  it('ignores malformed stored values', async () => {
    await fakeBrowser.storage.session.set({ 'pageState:5': { url: 5 }, unrelated: true });
    const store = createPageStateStore(fakeBrowser.storage.session);
    expect(await store.get(5)).toBeNull();
    expect((await store.all()).size).toBe(0);
  });

  it('stores the state of a page whose URL is over 8,192 characters, under a bounded URL', async () => {
    const longUrl = `https://news.example/demo.html?x=${'a'.repeat(10_000)}`;
    const store = createPageStateStore(fakeBrowser.storage.session);
    await store.set(6, state(longUrl, ['maduro']));
    const stored = await store.get(6);
    expect(stored?.entities.map((e) => e.id)).toEqual(['maduro']);
    expect(stored?.url.length).toBe(MAX_STORED_URL_LENGTH);
    expect(stored?.url).toBe(boundedPageUrl(longUrl));
    expect([...(await store.all()).keys()]).toEqual([6]);
  });
});

describe('boundedPageUrl', () => {
  it('keeps a URL up to the bound as it is', () => {
    const url = `https://news.example/?q=${'é'.repeat(MAX_STORED_URL_LENGTH - 24)}`;
    expect(url.length).toBe(MAX_STORED_URL_LENGTH);
    expect(boundedPageUrl(url)).toBe(url);
    expect(boundedPageUrl('https://a.example/')).toBe('https://a.example/');
  });

  it('cuts a longer URL to the bound, keeps its host, and tells URLs apart past the cut', () => {
    const base = `https://news.example/demo.html?x=${'a'.repeat(9000)}`;
    const one = boundedPageUrl(`${base}1`);
    const two = boundedPageUrl(`${base}2`);
    expect(one.length).toBe(MAX_STORED_URL_LENGTH);
    expect(one).not.toBe(two);
    expect(boundedPageUrl(`${base}1`)).toBe(one);
    expect(one.startsWith('https://news.example/demo.html?x=aaa')).toBe(true);
    expect(new URL(one).hostname).toBe('news.example');
    expect(boundedPageUrl(`https://a.example/?${'b'.repeat(2_000_000)}`)).toHaveLength(MAX_STORED_URL_LENGTH);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    for (let shift = 0; shift < 4; shift++) {
      const url = `https://a.example/?${'x'.repeat(shift)}${'😀'.repeat(3000)}`;
      const bounded = boundedPageUrl(url);
      expect(bounded.length).toBeLessThanOrEqual(MAX_STORED_URL_LENGTH);
      expect(bounded.isWellFormed()).toBe(true);
    }
  });
});
