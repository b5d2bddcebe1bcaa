import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '@/src/shared/protocol';
import { createTabFrames, mergeFrameStates } from './frame-states';
import { createPageStateStore } from './page-state-store';

const state = (url: string, onTopic: boolean, counts: Record<string, number>): PageState => ({
  url,
  onTopic,
  marking: onTopic,
  entities: Object.entries(counts).map(([id, count]) => ({ id, name: id, type: 'person', count })),
  events: [],
});

describe('frame states', () => {
  beforeEach(() => fakeBrowser.reset());

  it("merges frames: the top frame's URL, any frame's verdict, counts summed by id", () => {
    const merged = mergeFrameStates(
      new Map([
        [3, state('about:srcdoc', true, { putin: 2, rosneft: 1 })],
        [0, state('https://a.example/', false, { putin: 1 })],
      ]),
    );
    expect(merged?.url).toBe('https://a.example/');
    expect(merged?.onTopic).toBe(true);
    expect(merged?.marking).toBe(true);
    expect(merged?.entities.map((e) => [e.id, e.count])).toEqual([
      ['putin', 3],
      ['rosneft', 1],
    ]);
    expect(mergeFrameStates(new Map())).toBeNull();
  });

  it("keeps each frame's latest report and stores the tab's merged state, reports applied in turn", async () => {
    const pages = createPageStateStore(fakeBrowser.storage.session);
    const frames = createTabFrames(fakeBrowser.storage.session, pages);
    // Sent together, as a page and its frames report after their first scan.
    await Promise.all([
      frames.report(7, 0, state('https://a.example/', false, {})),
      frames.report(7, 2, state('about:blank', true, { lavrov: 1 })),
      frames.report(7, 5, state('about:srcdoc', true, { rosneft: 1 })),
    ]);
    // A frame's newer report replaces only its own.
    const latest = await frames.report(7, 2, state('about:blank', true, { lavrov: 4 }));
    expect(latest.entities.map((e) => [e.id, e.count])).toEqual([
      ['lavrov', 4],
      ['rosneft', 1],
    ]);
    expect(await pages.get(7)).toEqual(latest);
    await frames.clear(7);
    expect(await pages.get(7)).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
