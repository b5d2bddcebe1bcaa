/**
 * What each tab's page mentions, kept in `storage.session`: it survives the MV3 service worker
 * being stopped and started again, and is gone when the browser closes. Entries are removed
 * when their tab closes or loads a new page. A state keeps a bounded form of its page's URL
 * ({@link boundedPageUrl}), so a page with a URL of any length still gets its state stored.
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

/** Longest page URL a stored state keeps as it is; see {@link boundedPageUrl}. */
export const MAX_STORED_URL_LENGTH = 2048;

/**
 * Two 32-bit FNV-1a hashes (different offsets) of a string's UTF-16 code units, as 16 hex
 * digits: enough to tell two long URLs with the same beginning apart. Not a secret.
 */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * A page URL as a stored state keeps it: unchanged up to {@link MAX_STORED_URL_LENGTH}
 * characters; longer, its beginning (scheme, host and as much of the rest as fits, never
 * half a surrogate pair) then `…` and a hash of the whole URL, {@link MAX_STORED_URL_LENGTH}
 * characters in all. It still parses as a URL with the page's host, which is all the popup
 * reads from it (the popup finds a tab's state by tab id), and two long URLs that differ
 * only past the cut still differ. A page may have a URL of megabytes (Chromium allows 2 MiB).
 */
export function boundedPageUrl(url: string): string {
  if (url.length <= MAX_STORED_URL_LENGTH) return url;
  const tag = `…${hash64(url)}`;
  let head = url.slice(0, MAX_STORED_URL_LENGTH - tag.length);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return head + tag;
}

/** Page states by tab id. */
export interface PageStateStore {
  get(tabId: number): Promise<PageState | null>;
  /** Stores a tab's state, its URL bounded by {@link boundedPageUrl}. */
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
      await area.set({ [key(tabId)]: { ...state, url: boundedPageUrl(state.url) } });
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
