import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../corpus/build/search-index';
import type { ArticleMeta, BuiltCorpus, Entity, Passage } from './corpus-types';
import {
  corpusOverview,
  createCorpusSearch,
  MAX_FUZZY_TERMS,
  MAX_PREFIX_TERMS,
  searchCorpus,
  searchWordsOf,
  termEmphasis,
} from './search-corpus';
import { SEARCH_BOOSTS, type SearchDocument, searchIndexOptions } from './search-options';

const entity = (id: string, name: string, type: Entity['type']): Entity => ({
  id,
  name,
  type,
  role: name,
  roleQuotes: [],
  aliases: [{ text: name }],
});

const article = (id: string, outlet: string, published: string | null, inferred?: string): ArticleMeta => ({
  id,
  outlet,
  headline: `${outlet} on Venezuela`,
  url: `https://example.org/${id}`,
  published,
  ...(inferred ? { dateInferred: { date: inferred, basis: 'test' } } : {}),
  authors: ['A. Writer'],
  seed: 'test',
});

function testCorpus(): BuiltCorpus {
  const passages: Passage[] = [];
  const add = (articleId: string, text: string, entityIds: string[] = [], caption = false) => {
    const n = passages.filter((p) => p.articleId === articleId).length + 1;
    passages.push({
      id: `${articleId}/p${n}`,
      articleId,
      text,
      entityIds,
      eventIds: [],
      mentions: [],
      ...(caption ? { caption } : {}),
    });
  };
  add('wire', 'Opposition leader Juan Guaidó spoke in Caracas.', ['juan-guaido', 'caracas']);
  add('wire', 'Rosneft, the Russian oil company, lent billions.', ['rosneft']);
  add('wire', 'Russian troops landed near Caracas.', ['caracas']);
  add('daily', 'Guaido said the troops must leave.', ['juan-guaido']);
  add('daily', 'Oil exports fell sharply.', []);
  add('daily', 'A photo of GUAIDÓ at a rally.', ['juan-guaido'], true);
  add('monthly', 'Rosneft oil deals with Caracas were questioned.', ['rosneft', 'caracas']);
  add('monthly', 'Bolton warned Moscow.', ['john-bolton']);
  add('undated', 'Bolton and Guaidó met the press.', ['john-bolton', 'juan-guaido']);
  return {
    version: 1,
    articles: [
      article('wire', 'Wire', '2019-03-25'),
      article('daily', 'Daily', null, '2019-03-28'),
      article('monthly', 'Monthly', null, '2019-06'),
      article('undated', 'Blog', null),
    ],
    passages,
    entities: [
      entity('juan-guaido', 'Juan Guaidó', 'person'),
      entity('john-bolton', 'John Bolton', 'person'),
      entity('rosneft', 'Rosneft', 'organization'),
      entity('caracas', 'Caracas', 'place'),
    ],
    events: [
      {
        id: 'troops-land',
        name: 'Troops land',
        date: '2019-03-23',
        summary: 'They landed.',
        summaryQuotes: [],
        dateBasisQuotes: [],
        entityIds: [],
        articleIds: [],
        rules: [],
      },
    ],
    disagreements: [],
  };
}

/** The index as the extension has it: built, serialised and loaded with the shared options. */
const loadedIndex = (corpus: BuiltCorpus): MiniSearch<SearchDocument> =>
  MiniSearch.loadJSON(JSON.stringify(buildSearchIndex(corpus)), searchIndexOptions);

const setUp = (corpus = testCorpus(), planner = true) =>
  createCorpusSearch(corpus, loadedIndex(corpus), { planner });

const ids = (response: ReturnType<typeof searchCorpus>) => response.hits.map((h) => h.passageId).sort();

describe('searchCorpus', () => {
  for (const planner of [true, false]) {
    describe(planner ? 'planned' : 'MiniSearch options only', () => {
      it('folds accents and case both ways', () => {
        const search = setUp(testCorpus(), planner);
        const plain = searchCorpus(search, { query: 'guaido' });
        expect(ids(plain)).toEqual(['daily/p1', 'daily/p3', 'undated/p1', 'wire/p1']);
        expect(ids(searchCorpus(search, { query: 'GUAIDÓ' }))).toEqual(ids(plain));
        expect(plain.total).toBe(4);
      });

      it('emphasises matched words as written in the passage', () => {
        const response = searchCorpus(setUp(testCorpus(), planner), { query: 'guaido' });
        const hit = response.hits.find((h) => h.passageId === 'wire/p1');
        expect(hit?.emphasis.map(([s, e]) => hit.text.slice(s, e))).toEqual(['Guaidó']);
        expect(hit?.article).toMatchObject({
          outlet: 'Wire',
          url: 'https://example.org/wire',
          published: '2019-03-25',
        });
      });

      it('finds "Guido" (a misspelling) and suggests "guaido"', () => {
        const response = searchCorpus(setUp(testCorpus(), planner), { query: 'Guido' });
        expect(response.hits.map((h) => h.passageId)).toContain('wire/p1');
        expect(response.suggestions).toContain('guaido');
      });

      it('completes the last word as a prefix while typing', () => {
        const response = searchCorpus(setUp(testCorpus(), planner), { query: 'russian ros' });
        expect(ids(response)).toEqual(['wire/p2']);
        const hit = response.hits[0];
        expect(hit?.emphasis.map(([s, e]) => hit.text.slice(s, e))).toEqual(['Rosneft', 'Russian']);
      });

      it('requires every word', () => {
        expect(ids(searchCorpus(setUp(testCorpus(), planner), { query: 'troops caracas' }))).toEqual([
          'wire/p3',
        ]);
      });

      it('applies outlet, entity, entity-type and date filters together', () => {
        const search = setUp(testCorpus(), planner);
        const q = (filters: Parameters<typeof searchCorpus>[1]['filters']) =>
          ids(searchCorpus(search, { query: 'oil', filters }));
        expect(q(undefined)).toEqual(['daily/p2', 'monthly/p1', 'wire/p2']);
        expect(q({ outlets: ['Wire', 'Monthly'] })).toEqual(['monthly/p1', 'wire/p2']);
        expect(q({ entityIds: ['rosneft', 'caracas'] })).toEqual(['monthly/p1']);
        expect(q({ entityTypes: ['organization'] })).toEqual(['monthly/p1', 'wire/p2']);
        // Inferred dates count; a month date covers the whole month.
        expect(q({ from: '2019-03-26', to: '2019-06-15' })).toEqual(['daily/p2', 'monthly/p1']);
        expect(q({ from: '2019-06-30' })).toEqual(['monthly/p1']);
        expect(q({ to: '2019-03-27' })).toEqual(['wire/p2']);
        expect(searchCorpus(search, { query: 'oil', filters: { outlets: ['Nobody'] } }).total).toBe(0);
      });

      it('honours the limit but reports the full total', () => {
        const response = searchCorpus(setUp(testCorpus(), planner), { query: 'guaido', limit: 2 });
        expect(response.hits).toHaveLength(2);
        expect(response.total).toBe(4);
      });
    });
  }

  it('ranks names and headlines above body text', () => {
    const corpus = testCorpus();
    const search = setUp(corpus);
    // "Rosneft" is a name in both of its passages, and in no headline: the shorter passage wins.
    const response = searchCorpus(search, { query: 'bolton' });
    expect(response.hits.map((h) => h.passageId)).toEqual(['monthly/p2', 'undated/p1']);
    expect(response.hits[0]?.score).toBeGreaterThan(response.hits[1]?.score ?? Infinity);
  });

  it('scores exact words as MiniSearch does', () => {
    const corpus = syntheticCorpus(400);
    const index = loadedIndex(corpus);
    const search = createCorpusSearch(corpus, index);
    for (const word of ['alpha', 'delta', 'kilo']) {
      const expected = index.search(word, { boost: { ...SEARCH_BOOSTS }, prefix: false, fuzzy: false });
      const response = searchCorpus(search, { query: word, limit: 10 });
      expect(response.total).toBe(expected.length);
      expect(response.hits.map((h) => h.passageId)).toEqual(expected.slice(0, 10).map((r) => r.id));
      expect(response.hits[0]?.score).toBeCloseTo(expected[0]?.score ?? 0, 6);
    }
  });

  it('caps how many index terms a prefix expands to', () => {
    const corpus = testCorpus();
    const words = Array.from(
      { length: MAX_PREFIX_TERMS + 8 },
      (_, i) => `zeta${String.fromCharCode(97 + i)}`,
    );
    words.forEach((word, i) => {
      corpus.passages.push({
        id: `wire/p${10 + i}`,
        articleId: 'wire',
        text: word,
        entityIds: [],
        eventIds: [],
        mentions: [],
      });
    });
    const response = searchCorpus(setUp(corpus), { query: 'zeta' });
    expect(response.total).toBe(MAX_PREFIX_TERMS);
    // One exact hit is too little, so "zetak" goes fuzzy: its one-edit neighbours, capped too.
    expect(searchCorpus(setUp(corpus), { query: 'zetak' }).total).toBe(1 + MAX_FUZZY_TERMS);
  });

  it('goes fuzzy only when exact and prefix found too little', () => {
    const corpus = testCorpus();
    for (const [n, text] of [
      [20, 'A troop'],
      [21, 'A troop'],
      [22, 'A troop'],
      [23, 'A groop'],
    ] as const) {
      corpus.passages.push({
        id: `wire/p${n}`,
        articleId: 'wire',
        text,
        entityIds: [],
        eventIds: [],
        mentions: [],
      });
    }
    const search = setUp(corpus);
    // Three "troop" and two "troops" (prefix) are enough: "groop", one edit away, stays out.
    const enough = searchCorpus(search, { query: 'troop' });
    expect(enough.total).toBe(5);
    expect(enough.suggestions).toEqual([]);
    // One "groop" is too little: the fuzzy pass adds the three "troop" passages.
    expect(searchCorpus(search, { query: 'groop' }).total).toBe(4);
  });

  it('lists filtered passages, newest first, when there are filters but no words', () => {
    const search = setUp();
    expect(searchCorpus(search, { query: '  ' })).toMatchObject({ total: 0, hits: [] });
    const response = searchCorpus(search, { query: '', filters: { entityIds: ['caracas'] } });
    expect(response.hits.map((h) => h.passageId)).toEqual(['monthly/p1', 'wire/p1', 'wire/p3']);
  });

  it('says how long it took', () => {
    const response = searchCorpus(setUp(), { query: 'oil' });
    expect(response.tookMs).toBeGreaterThanOrEqual(0);
    expect(response.query).toBe('oil');
  });
});

describe('searchWordsOf and termEmphasis', () => {
  it('splits and folds like the index', () => {
    expect(searchWordsOf('Guaidó’s  U.S.-backed')).toEqual(['guaido', 's', 'u', 's', 'backed']);
  });

  it('finds terms case- and accent-insensitively with exact offsets', () => {
    const text = 'ГУАЙДО and Guaidó; guaido’s and guaidoo';
    const ranges = termEmphasis(text, new Set(['guaido']));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Guaidó', 'guaido']);
  });
});

describe('corpusOverview', () => {
  it('summarises outlets, dates, main actors and events', () => {
    const overview = corpusOverview(testCorpus(), 2);
    expect(overview).toMatchObject({ articles: 4, passages: 9, from: '2019-03-25', to: '2019-06' });
    expect(overview.outlets.map((o) => o.name)).toEqual(['Blog', 'Daily', 'Monthly', 'Wire']);
    expect(overview.topEntities).toEqual([
      { id: 'juan-guaido', name: 'Juan Guaidó', type: 'person', passages: 4 },
      { id: 'caracas', name: 'Caracas', type: 'place', passages: 3 },
    ]);
    expect(overview.events).toEqual([{ id: 'troops-land', name: 'Troops land', date: '2019-03-23' }]);
    expect(overview.entityTypes).toEqual(['person', 'organization', 'place']);
  });
});

/** A corpus of random words (deterministic), so term frequencies and lengths vary. */
function syntheticCorpus(count: number): BuiltCorpus {
  const vocabulary = [
    'alpha',
    'bravo',
    'charlie',
    'delta',
    'echo',
    'foxtrot',
    'golf',
    'hotel',
    'india',
    'kilo',
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const length = 3 + Math.floor(random() * 30);
    const words = Array.from({ length }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]);
    passages.push({
      id: `a${i % 7}/p${i}`,
      articleId: `a${i % 7}`,
      text: words.join(' '),
      entityIds: [],
      eventIds: [],
      mentions: [],
    });
  }
  return {
    version: 1,
    articles: Array.from({ length: 7 }, (_, i) => article(`a${i}`, `Outlet ${i}`, '2019-01-01')),
    passages,
    entities: [],
    events: [],
    disagreements: [],
  };
}
