import { describe, expect, test } from 'vitest';
import { groupMentions } from './page-groups';

describe('groupMentions', () => {
  test('groups by kind in a fixed order, most mentioned first', () => {
    const groups = groupMentions({
      entities: [
        { id: 'venezuela', name: 'Venezuela', type: 'country', count: 4 },
        { id: 'juan-guaido', name: 'Juan Guaidó', type: 'person', count: 2 },
        { id: 'nicolas-maduro', name: 'Nicolás Maduro', type: 'person', count: 5 },
        { id: 'elliott-abrams', name: 'Elliott Abrams', type: 'person', count: 2 },
        { id: 'rosneft', name: 'Rosneft', type: 'organization', count: 1 },
      ],
      events: [{ id: 'russian-landing', name: 'Russian planes land in Caracas', count: 1 }],
    });
    expect(groups.map((group) => group.key)).toEqual(['person', 'organization', 'country', 'event']);
    expect(groups[0]?.items.map((item) => item.id)).toEqual([
      'nicolas-maduro',
      'elliott-abrams',
      'juan-guaido',
    ]);
    expect(groups[3]?.items[0]).toEqual({
      kind: 'event',
      id: 'russian-landing',
      name: 'Russian planes land in Caracas',
      count: 1,
    });
  });
  test('leaves out things mentioned zero times and empty groups', () => {
    expect(
      groupMentions({ entities: [{ id: 'lima', name: 'Lima', type: 'place', count: 0 }], events: [] }),
    ).toEqual([]);
  });
});
