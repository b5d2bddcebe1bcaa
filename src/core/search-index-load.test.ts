import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../corpus/build/search-index';
import type { ArticleMeta, BuiltCorpus, Passage } from './corpus-types';
import { createCorpusSearch, type SearchRequest, searchCorpus } from './search-corpus';
import { loadSearchIndex, readSerialisedIndex } from './search-index-load';
import { LazyTermPostings } from './search-lazy-postings';
import { type SearchDocument, searchIndexOptions } from './search-options';

const SOURCE = '/data/search-index.json';
const VOCABULARY = [
  'russia',
  'russian',
  'rosneft',
  'Guaidó',
  'guaido',
  'Maduro',
  'troops',
  'troop',
  'oil',
  'caracas',
  'Путина',
  'sanctions',
  'the',
  'a"quote',
  'back\\slash',
];

/** A corpus of passages made of words from `VOCABULARY`, picked by `pick`. */
function corpusOf(passageWords: readonly string[][]): BuiltCorpus {
  const articles: ArticleMeta[] = [];
  const passages: Passage[] = passageWords.map((words, i) => {
    const articleId = `a${Math.floor(i / 3)}`;
    if (i % 3 === 0) {
      articles.push({
        id: articleId,
        outlet: ['Wire', 'Daily', 'Monthly'][i % 3] as string,
        headline: words.slice(0, 2).join(' '),
        url: null,
        published: `2019-03-${String(10 + (i % 20)).padStart(2, '0')}`,
        authors: [],
        seed: 'test',
      });
    }
    return {
      id: `${articleId}/p${(i % 3) + 1}`,
      articleId,
      text: words.join(' '),
      entityIds: [],
      eventIds: [],
      mentions: [],
    };
  });
  return { version: 1, articles, passages, entities: [], events: [], disagreements: [] };
}

/** A fixed corpus of `count` passages, deterministic. */
function fixedCorpus(count: number): BuiltCorpus {
  return corpusOf(
    Array.from({ length: count }, (_, i) =>
      Array.from(
        { length: 3 + (i % 7) },
        (_, j) => VOCABULARY[(i * 7 + j * j * 3) % VOCABULARY.length] as string,
      ),
    ),
  );
}

const REQUESTS: SearchRequest[] = [
  ...[
    'russia',
    'ros',
    'r',
    'guaido',
    'Guido',
    'Madurro',
    'troops caracas',
    'oil the',
    'путина',
    'zzz',
    'a"quote',
  ].map((query) => ({ query })),
  { query: 'oil', filters: { outlets: ['Wire'] } },
  { query: 'troop', limit: 2 },
];

/** Everything a search answers, but the time it took. */
const answers = (search: ReturnType<typeof createCorpusSearch>) =>
  REQUESTS.map((request) => ({ ...searchCorpus(search, request), tookMs: 0 }));

/** MiniSearch's own answers: search with prefix and fuzzy, and suggestions. */
const miniSearchAnswers = (index: MiniSearch<SearchDocument>) =>
  REQUESTS.map(({ query }) => ({
    results: index.search(query, { prefix: true, fuzzy: 0.2 }),
    suggestions: index.autoSuggest(query, { fuzzy: 0.2 }),
  }));

/** Asserts the fast reader's index equals `MiniSearch.loadJSON`'s, structurally and in every answer. */
async function expectSameAsLoadJson(corpus: BuiltCorpus, json: string): Promise<void> {
  const reference = MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions);
  const loaded = await readSerialisedIndex(json, { source: SOURCE });
  for (const planner of [true, false]) {
    expect(answers(createCorpusSearch(corpus, loaded, { planner }))).toEqual(
      answers(createCorpusSearch(corpus, reference, { planner })),
    );
  }
  expect(miniSearchAnswers(loaded)).toEqual(miniSearchAnswers(reference));
  // Serialising walks the whole term tree and every map in order: equal text, equal structure.
  expect(JSON.stringify(loaded)).toBe(JSON.stringify(reference));
}

/** The index text `MiniSearch.loadJSON` gives back for `json` (its term order is the loaded tree's). */
const reserialised = (json: string) => JSON.stringify(MiniSearch.loadJSON(json, searchIndexOptions));

describe('readSerialisedIndex', () => {
  it('gives the index MiniSearch.loadJSON gives: same answers, same structure', async () => {
    const corpus = fixedCorpus(60);
    await expectSameAsLoadJson(corpus, JSON.stringify(buildSearchIndex(corpus)));
  });

  it('does so for any corpus', async () => {
    const words = fc.array(fc.array(fc.constantFrom(...VOCABULARY, 'x', 'éé'), { maxLength: 8 }), {
      minLength: 1,
      maxLength: 25,
    });
    await fc.assert(
      fc.asyncProperty(words, async (passageWords) => {
        const corpus = corpusOf(passageWords);
        await expectSameAsLoadJson(corpus, JSON.stringify(buildSearchIndex(corpus)));
      }),
      { numRuns: 40 },
    );
  });

  it('decodes a term only when it is read, and counts its postings before', async () => {
    const corpus = fixedCorpus(30);
    const index = await readSerialisedIndex(JSON.stringify(buildSearchIndex(corpus)), { source: SOURCE });
    const tree = (index as unknown as { _index: { get(term: string): unknown } })._index;
    const russia = tree.get('russia');
    expect(russia).toBeInstanceOf(LazyTermPostings);
    const reference = MiniSearch.loadJSON<SearchDocument>(
      JSON.stringify(buildSearchIndex(corpus)),
      searchIndexOptions,
    );
    const expected = (
      reference as unknown as { _index: { get(term: string): Map<number, Map<number, number>> } }
    )._index.get('russia');
    const count = [...(expected?.values() ?? [])].reduce((n, perDoc) => n + perDoc.size, 0);
    expect((russia as LazyTermPostings).postingCount).toBe(count);
  });

  it('yields between slices and still reads the same index', async () => {
    const corpus = fixedCorpus(300);
    const json = JSON.stringify(buildSearchIndex(corpus));
    let pauses = 0;
    const index = await readSerialisedIndex(json, {
      source: SOURCE,
      sliceMs: 0,
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThan(10);
    expect(JSON.stringify(index)).toBe(reserialised(json));
  });

  it('yields to the event loop by default, letting timers run between slices', async () => {
    const json = JSON.stringify(buildSearchIndex(fixedCorpus(300)));
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    await readSerialisedIndex(json, { source: SOURCE, sliceMs: 0 });
    expect(timerRan).toBe(true);
  });

  it('keeps a loaded index open to change: adding and removing documents', async () => {
    const corpus = fixedCorpus(20);
    const json = JSON.stringify(buildSearchIndex(corpus));
    const loaded = await readSerialisedIndex(json, { source: SOURCE });
    const reference = MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions);
    for (const index of [loaded, reference]) {
      index.add({ id: 'new/p1', text: 'Rosneft troops', headline: '', outlet: 'Wire', names: '' });
      index.discard('a0/p1');
    }
    expect(miniSearchAnswers(loaded)).toEqual(miniSearchAnswers(reference));
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(reference));
  });

  it('refuses JSON it does not expect, even valid JSON', async () => {
    const index = buildSearchIndex(fixedCorpus(5));
    await expect(readSerialisedIndex(JSON.stringify(index, null, 1), { source: SOURCE })).rejects.toThrow(
      SyntaxError,
    );
  });
});

describe('loadSearchIndex', () => {
  const corpus = fixedCorpus(40);
  const json = JSON.stringify(buildSearchIndex(corpus));

  it('reads the build output and gives the same answers as loadJSON', async () => {
    const index = await loadSearchIndex(json, { source: SOURCE });
    // Read by the fast reader (lazy postings), not by the fallback.
    expect((index as unknown as { _index: { get(term: string): unknown } })._index.get('oil')).toBeInstanceOf(
      LazyTermPostings,
    );
    expect(miniSearchAnswers(index)).toEqual(
      miniSearchAnswers(MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions)),
    );
  });

  it("falls back to MiniSearch's loader for a serialisation it does not expect", async () => {
    const pretty = JSON.stringify(JSON.parse(json), null, 2);
    const index = await loadSearchIndex(pretty, { source: SOURCE });
    expect(JSON.stringify(index)).toBe(reserialised(json));
  });

  it('rejects a corrupt file with an error naming it', async () => {
    const corrupt = [
      '',
      'not json',
      '{}',
      '[]',
      json.slice(0, json.length / 2),
      json.replace('"index":[[', '"index":[[1,'),
      json.replace('"serializationVersion":2', '"serializationVersion":9'),
      `${json}garbage`,
    ];
    for (const text of corrupt) {
      await expect(loadSearchIndex(text, { source: SOURCE }), text.slice(0, 40)).rejects.toThrow(
        /^\/data\/search-index\.json is not a readable search index: /,
      );
    }
  });
});

const dataDir = new URL('../../public/data/', import.meta.url);
const built =
  existsSync(new URL('corpus.json', dataDir)) && existsSync(new URL('search-index.json', dataDir));

describe.skipIf(!built)('on the bundled corpus', () => {
  it('reads the shipped index as MiniSearch.loadJSON does', async () => {
    const corpus = JSON.parse(readFileSync(new URL('corpus.json', dataDir), 'utf8')) as BuiltCorpus;
    await expectSameAsLoadJson(corpus, readFileSync(new URL('search-index.json', dataDir), 'utf8'));
  });
});
