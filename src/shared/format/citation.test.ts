import { describe, expect, test } from 'vitest';
import type { CitedArticle } from '@/src/shared/protocol';
import { formatCitation } from './citation';

const article: CitedArticle = {
  id: 'reuters-rosneft',
  outlet: 'Reuters',
  headline: 'Rosneft  sells Venezuelan assets',
  url: 'https://www.reuters.com/article/rosneft',
  published: '2020-03-28',
  authors: ['Olesya Astakhova'],
};

describe('formatCitation', () => {
  test('quotes the passage and names author, outlet, headline, date and URL', () => {
    expect(formatCitation({ text: 'Rosneft said on Saturday\nit would sell.', article })).toBe(
      '“Rosneft said on Saturday it would sell.” — Olesya Astakhova, Reuters, “Rosneft sells Venezuelan assets”, ' +
        '28 Mar 2020. https://www.reuters.com/article/rosneft',
    );
  });
  test('keeps an inferred date marked and leaves out what the source lacks', () => {
    expect(
      formatCitation({
        text: 'About 100 troops.',
        article: {
          ...article,
          authors: [],
          url: null,
          published: null,
          dateInferred: { date: '2019-06-03', basis: 'mentions "last Sunday"' },
        },
      }),
    ).toBe('“About 100 troops.” — Reuters, “Rosneft sells Venezuelan assets”, c. 3 Jun 2019 (inferred).');
  });
  test('keeps a truncated URL as the source gives it', () => {
    expect(
      formatCitation({
        text: 'x',
        article: { ...article, authors: [], url: 'https://nbcnews.com/news/...' },
      }),
    ).toMatch(/ https:\/\/nbcnews\.com\/news\/\.\.\.$/);
  });
  test('shortens a long author list', () => {
    expect(
      formatCitation({
        text: 'x',
        article: { ...article, authors: ['A One', 'B Two', 'C Three', 'D Four'] },
      }),
    ).toContain('— A One et al., Reuters,');
  });
  test('uses the inferred-date wording it is given', () => {
    expect(
      formatCitation(
        {
          text: 'x',
          article: { ...article, published: null, dateInferred: { date: '2019-06', basis: 'b' } },
        },
        { inferredTemplate: 'ca. $1' },
      ),
    ).toContain('ca. Jun 2019.');
  });
});
