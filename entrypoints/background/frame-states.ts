/**
 * A tab's page state from the states of its frames. Each same-origin frame (srcdoc,
 * about:blank, a same-site page) runs its own content script and reports what it marks; the
 * tab's badge and the popup's "On this page" count them all. Reports are kept per frame
 * (`sender.frameId`) in `storage.session`, so a frame's newer report replaces only its own.
 */
import type { PageState } from '@/src/shared/protocol';
import { pageStateSchema } from './message-guard';
import type { PageStateStore, SessionArea } from './page-state-store';

/** As many entities and events as one page state may carry (`pageStateSchema`). */
const MAX_ITEMS = 2000;
const PREFIX = 'frameStates:';

/** One state for the tab: the top frame's URL, any frame's verdict, counts summed by id. */
export function mergeFrameStates(frames: ReadonlyMap<number, PageState>): PageState | null {
  if (frames.size === 0) return null;
  const ordered = [...frames].sort(([a], [b]) => a - b).map(([, state]) => state);
  const top = frames.get(0) ?? (ordered[0] as PageState);
  const entities = new Map<string, PageState['entities'][number]>();
  const events = new Map<string, PageState['events'][number]>();
  for (const state of ordered) {
    for (const entity of state.entities) {
      const seen = entities.get(entity.id);
      if (seen) seen.count += entity.count;
      else if (entities.size < MAX_ITEMS) entities.set(entity.id, { ...entity });
    }
    for (const event of state.events) {
      const seen = events.get(event.id);
      if (seen) seen.count += event.count;
      else if (events.size < MAX_ITEMS) events.set(event.id, { ...event });
    }
  }
  return {
    url: top.url,
    onTopic: ordered.some((state) => state.onTopic),
    marking: ordered.some((state) => state.marking),
    entities: [...entities.values()],
    events: [...events.values()],
  };
}

/** Keeps each frame's report and the tab's merged state in step. */
export interface TabFrames {
  /** Records one frame's state and returns the tab's merged state, as stored for the tab. */
  report(tabId: number, frameId: number, state: PageState): Promise<PageState>;
  /** Forgets every frame of a tab (closed, or loading a new page). */
  clear(tabId: number): Promise<void>;
}

/** Creates the per-frame record over session storage and the tabs' page state store. */
export function createTabFrames(area: SessionArea, pages: PageStateStore): TabFrames {
  const key = (tabId: number) => `${PREFIX}${tabId}`;
  // Reports of one tab's frames arrive together: each reads and writes after the one before.
  const queues = new Map<number, Promise<unknown>>();
  const inTurn = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  };
  const read = async (tabId: number): Promise<Map<number, PageState>> => {
    const stored = (await area.get(key(tabId)))[key(tabId)];
    const frames = new Map<number, PageState>();
    if (!stored || typeof stored !== 'object') return frames;
    for (const [frameId, value] of Object.entries(stored)) {
      const parsed = pageStateSchema.safeParse(value);
      if (parsed.success && /^\d+$/.test(frameId)) frames.set(Number(frameId), parsed.data);
    }
    return frames;
  };
  return {
    report: (tabId, frameId, state) =>
      inTurn(tabId, async () => {
        const frames = await read(tabId);
        frames.set(frameId, state);
        const merged = mergeFrameStates(frames) as PageState;
        await area.set({ [key(tabId)]: Object.fromEntries(frames) });
        await pages.set(tabId, merged);
        return merged;
      }),
    clear: (tabId) =>
      inTurn(tabId, async () => {
        await area.remove(key(tabId));
        await pages.clear(tabId);
      }),
  };
}
