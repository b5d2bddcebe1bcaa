import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '@/src/shared/protocol';
import { createPageStateStore } from './page-state-store';

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
});
