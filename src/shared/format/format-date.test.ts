import { describe, expect, test } from 'vitest';
import { articleDateLabel, formatIsoDate } from './format-date';

describe('formatIsoDate', () => {
  test('formats a day without a leading zero', () => {
    expect(formatIsoDate('2019-03-27')).toBe('27 Mar 2019');
    expect(formatIsoDate('2019-06-03')).toBe('3 Jun 2019');
    expect(formatIsoDate('2019-09-01')).toBe('1 Sep 2019');
  });
  test('formats a month and a year', () => {
    expect(formatIsoDate('2019-12')).toBe('Dec 2019');
    expect(formatIsoDate('2019')).toBe('2019');
  });
  test('returns anything else unchanged', () => {
    expect(formatIsoDate('spring 2019')).toBe('spring 2019');
    expect(formatIsoDate('2019-13-01')).toBe('2019-13-01');
    expect(formatIsoDate('2019-02-40')).toBe('2019-02-40');
  });
});

describe('articleDateLabel', () => {
  test('prefers the stated date', () => {
    expect(
      articleDateLabel({ published: '2019-03-27', dateInferred: { date: '2019-03-01', basis: 'x' } }),
    ).toEqual({ text: '27 Mar 2019', inferred: false });
  });
  test('marks an inferred date as such', () => {
    expect(
      articleDateLabel({ published: null, dateInferred: { date: '2019-06-03', basis: 'text' } }),
    ).toEqual({
      text: 'c. 3 Jun 2019 (inferred)',
      inferred: true,
    });
  });
  test('uses the wording it is given', () => {
    expect(
      articleDateLabel(
        { published: null, dateInferred: { date: '2019-06', basis: 'text' } },
        'vers $1 (déduit)',
      ),
    ).toEqual({ text: 'vers Jun 2019 (déduit)', inferred: true });
  });
  test('is null for an undated article', () => {
    expect(articleDateLabel({ published: null })).toBeNull();
  });
});
