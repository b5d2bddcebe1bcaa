/**
 * The toolbar badge: how many distinct entities Sourcelight marks on the tab's page, or nothing
 * when the badge setting is off, the page mentions none, or they are not marked (an off-topic
 * page in the default mode, a paused site, the keyboard-only mode): a number on the toolbar
 * must match what the reader sees on the page.
 */
import type { PageState } from '@/src/shared/protocol';

/** The part of `browser.action` (MV3) or `browser.browserAction` (MV2) the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
}

/** A calm blue that reads on light and dark toolbars. */
export const BADGE_COLOR = '#1f5fbf';

/** The badge text for a page: its number of distinct marked entities, or empty. */
export function badgeTextFor(state: PageState | null, enabled: boolean): string {
  if (!enabled || !state?.marking) return '';
  const count = new Set(state.entities.map((e) => e.id)).size;
  if (count === 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Shows a tab's badge; errors for tabs that closed meanwhile are ignored. */
export async function showBadge(api: BadgeApi, tabId: number, state: PageState | null, enabled: boolean) {
  const text = badgeTextFor(state, enabled);
  try {
    if (text) await api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await api.setBadgeText({ tabId, text });
  } catch {
    // The tab went away before the badge could be set: nothing to show.
  }
}
