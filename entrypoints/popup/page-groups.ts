/**
 * Groups what a page mentions for the "On this page" view: one group per kind of entity,
 * then events, each sorted by how often the page names it.
 */
import type { EntityType } from '@/src/core/corpus-types';
import type { PageState, SubjectKind } from '@/src/shared/protocol';

/** A group heading's key: an entity type, or "event". */
export type MentionGroupKey = EntityType | 'event';

/** One thing the page mentions, ready to list. */
export interface MentionItem {
  kind: SubjectKind;
  id: string;
  name: string;
  count: number;
}

/** The mentions of one kind. */
export interface MentionGroup {
  key: MentionGroupKey;
  items: MentionItem[];
}

/** The order groups appear in. */
export const mentionGroupOrder: readonly MentionGroupKey[] = [
  'person',
  'organization',
  'country',
  'place',
  'event',
];

/**
 * Groups a page's entities and events by kind, most mentioned first (ties by name), leaving
 * out empty groups and anything mentioned zero times.
 */
export function groupMentions(state: Pick<PageState, 'entities' | 'events'>): MentionGroup[] {
  const byKey = new Map<MentionGroupKey, MentionItem[]>();
  const add = (key: MentionGroupKey, item: MentionItem) => {
    if (item.count <= 0) return;
    const list = byKey.get(key) ?? [];
    list.push(item);
    byKey.set(key, list);
  };
  for (const entity of state.entities) {
    add(entity.type, { kind: 'entity', id: entity.id, name: entity.name, count: entity.count });
  }
  for (const event of state.events) {
    add('event', { kind: 'event', id: event.id, name: event.name, count: event.count });
  }
  return mentionGroupOrder.flatMap((key) => {
    const items = byKey.get(key);
    if (!items) return [];
    items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return [{ key, items }];
  });
}
