/**
 * What each tab's page mentions, kept in `storage.session`: it survives the MV3 service worker
 * being stopped and started again, and is gone when the browser closes. Entries are removed
 * when their tab closes or loads a new page.
 */
import type { PageState } from '@/src/shared/protocol';
import { pageStateSchema } from './message-guard';

/** The part of a `storage.StorageArea` the store uses. */
export interface SessionArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'pageState:';

/** Page states by tab id. */
export interface PageStateStore {
  get(tabId: number): Promise<PageState | null>;
  set(tabId: number, state: PageState): Promise<void>;
  clear(tabId: number): Promise<void>;
  /** Every stored state, e.g. to redraw all badges after a settings change. */
  all(): Promise<Map<number, PageState>>;
}

/** Reads a stored value back, or null if it is not a page state (never trust storage blindly). */
function pageStateOf(value: unknown): PageState | null {
  const parsed = pageStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Creates the store over a session storage area. */
export function createPageStateStore(area: SessionArea): PageStateStore {
  const key = (tabId: number) => `${PREFIX}${tabId}`;
  return {
    async get(tabId) {
      const stored = await area.get(key(tabId));
      return pageStateOf(stored[key(tabId)]);
    },
    async set(tabId, state) {
      await area.set({ [key(tabId)]: state });
    },
    async clear(tabId) {
      await area.remove(key(tabId));
    },
    async all() {
      const states = new Map<number, PageState>();
      for (const [name, value] of Object.entries(await area.get(null))) {
        if (!name.startsWith(PREFIX)) continue;
        const tabId = Number(name.slice(PREFIX.length));
        const state = pageStateOf(value);
        if (Number.isInteger(tabId) && state) states.set(tabId, state);
      }
      return states;
    },
  };
}
