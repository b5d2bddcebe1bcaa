import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { BuiltCorpus } from '@/src/core/corpus-types';
import { createCorpusSearch } from '@/src/core/search-corpus';
import { type SearchDocument, searchIndexOptions } from '@/src/core/search-options';
import { buildSearchIndex } from '@/src/corpus/build/search-index';
import { cardFor } from './card-data';

const corpus: BuiltCorpus = {
  version: 1,
  articles: [
    {
      id: 'a',
      outlet: 'Wire',
      headline: 'H1',
      url: 'https://a.example/',
      published: '2019-03-25',
      authors: [],
      seed: 's',
    },
    { id: 'b', outlet: 'Daily', headline: 'H2', url: null, published: '2019-03-20', authors: [], seed: 's' },
  ],
  passages: [
    {
      id: 'a/p1',
      articleId: 'a',
      text: 'Rosneft lent Caracas money.',
      entityIds: ['rosneft'],
      eventIds: ['loan'],
      mentions: [
        { id: 'rosneft', start: 0, end: 7 },
        { id: 'loan', start: 8, end: 12 },
      ],
    },
    {
      id: 'b/p1',
      articleId: 'b',
      text: 'The Rosneft loan was large.',
      entityIds: ['rosneft'],
      eventIds: ['loan'],
      mentions: [
        { id: 'rosneft', start: 4, end: 11 },
        { id: 'loan', start: 12, end: 16 },
      ],
    },
  ],
  entities: [
    {
      id: 'rosneft',
      name: 'Rosneft',
      type: 'organization',
      role: 'Oil company',
      roleQuotes: [],
      aliases: [{ text: 'Rosneft' }],
    },
  ],
  events: [
    {
      id: 'loan',
      name: 'The loan',
      date: '2019-03',
      summary: 'Rosneft lent money.',
      summaryQuotes: [],
      dateBasisQuotes: [],
      entityIds: ['rosneft'],
      articleIds: ['a'],
      rules: [{ who: ['rosneft'], what: ['lent', 'loan'], window: 'sentence' }],
    },
  ],
  disagreements: [],
};
const index = MiniSearch.loadJSON<SearchDocument>(
  JSON.stringify(buildSearchIndex(corpus)),
  searchIndexOptions,
);
const loaded = { corpus, index, search: createCorpusSearch(corpus, index) };

describe('cardFor', () => {
  it('builds an entity card with reach, ranked passages and the subject emphasised', () => {
    const card = cardFor(loaded, { kind: 'entity', id: 'rosneft', context: 'Caracas money', limit: 3 });
    expect(card).toMatchObject({
      kind: 'entity',
      name: 'Rosneft',
      type: 'organization',
      description: 'Oil company',
    });
    expect(card).toMatchObject({ articleCount: 2, outletCount: 2 });
    // Every card says what the whole corpus is: its size and the span of its dates.
    expect(card?.corpus).toEqual({ articles: 2, from: '2019-03-20', to: '2019-03-25' });
    expect(card?.passages.map((p) => p.passageId)).toEqual(['a/p1', 'b/p1']);
    const first = card?.passages[0];
    expect(first?.emphasis.map(([s, e]) => first.text.slice(s, e))).toEqual(['Rosneft']);
    expect(first?.article).toMatchObject({ outlet: 'Wire', url: 'https://a.example/' });
  });

  it('builds an event card, oldest report first', () => {
    const card = cardFor(loaded, { kind: 'event', id: 'loan', context: '', limit: 3 });
    expect(card).toMatchObject({
      kind: 'event',
      name: 'The loan',
      date: '2019-03',
      description: 'Rosneft lent money.',
    });
    expect(card?.passages.map((p) => p.passageId)).toEqual(['b/p1', 'a/p1']);
    const first = card?.passages[0];
    expect(first?.emphasis.map(([s, e]) => first.text.slice(s, e))).toEqual(['loan']);
  });

  it('returns null for unknown subjects', () => {
    expect(cardFor(loaded, { kind: 'entity', id: 'nobody', context: '', limit: 3 })).toBeNull();
    expect(cardFor(loaded, { kind: 'event', id: 'nothing', context: '', limit: 3 })).toBeNull();
  });
});
