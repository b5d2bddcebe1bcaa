import { describe, expect, it } from 'vitest';
import type { PageState } from '@/src/shared/protocol';
import { BADGE_COLOR, badgeTextFor, showBadge } from './badge';

const state = (ids: string[]): PageState => ({
  url: 'https://a.example/',
  onTopic: true,
  marking: true,
  entities: ids.map((id) => ({ id, name: id, type: 'person', count: 2 })),
  events: [{ id: 'e', name: 'E', count: 1 }],
});

describe('badge', () => {
  it('counts distinct entities, and shows nothing when off or empty', () => {
    expect(badgeTextFor(state(['a', 'b', 'a']), true)).toBe('2');
    expect(badgeTextFor(state(['a', 'b']), false)).toBe('');
    expect(badgeTextFor(state([]), true)).toBe('');
    expect(badgeTextFor(null, true)).toBe('');
    // An off-topic page, or one not marked for any other reason, gets no count.
    expect(badgeTextFor({ ...state(['a', 'b']), onTopic: false, marking: false }, true)).toBe('');
    expect(badgeTextFor(state(Array.from({ length: 120 }, (_, i) => `e${i}`)), true)).toBe('99+');
  });

  it('sets text and colour per tab, and survives a closed tab', async () => {
    const calls: unknown[] = [];
    const api = {
      setBadgeText: async (details: unknown) => void calls.push(['text', details]),
      setBadgeBackgroundColor: async (details: unknown) => void calls.push(['color', details]),
    };
    await showBadge(api, 9, state(['a']), true);
    expect(calls).toEqual([
      ['color', { tabId: 9, color: BADGE_COLOR }],
      ['text', { tabId: 9, text: '1' }],
    ]);
    const closed = { ...api, setBadgeText: async () => Promise.reject(new Error('No tab with id: 9')) };
    await expect(showBadge(closed, 9, state(['a']), true)).resolves.toBeUndefined();
  });
});
