import { describe, expect, test } from 'vitest';
import { formatDateSpan } from '@/src/shared/format/date-span';
import { eventsByDate } from './overview-summary';

describe('formatDateSpan', () => {
  test('gives the range of the corpus dates', () => {
    expect(formatDateSpan('2019-01-23', '2020-03-28')).toBe('23 Jan 2019 – 28 Mar 2020');
    expect(formatDateSpan('2019-01-23', '2020-03', (a, b) => `${a} to ${b}`)).toBe('23 Jan 2019 to Mar 2020');
  });
  test('gives one date when the ends agree or one is missing', () => {
    expect(formatDateSpan('2019-03-27', '2019-03-27')).toBe('27 Mar 2019');
    expect(formatDateSpan(null, '2019-03-27')).toBe('27 Mar 2019');
  });
  test('is null without dates', () => {
    expect(formatDateSpan(null, null)).toBeNull();
  });
});

describe('eventsByDate', () => {
  test('puts dated events first in date order, undated ones after by name', () => {
    const sorted = eventsByDate([
      { id: 'b', name: 'B', date: null },
      { id: 'late', name: 'Late', date: '2019-06' },
      { id: 'a', name: 'A', date: null },
      { id: 'early', name: 'Early', date: '2019-03-23' },
    ]);
    expect(sorted.map((event) => event.id)).toEqual(['early', 'late', 'a', 'b']);
  });
});
