import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { BuiltCorpus } from '@/src/core/corpus-types';
import { searchCorpus } from '@/src/core/search-corpus';
import { searchIndexOptions } from '@/src/core/search-options';
import { buildSearchIndex } from '@/src/corpus/build/search-index';
import { CORPUS_PATH, createCorpusStore, SEARCH_INDEX_PATH } from './corpus-store';

const corpus: BuiltCorpus = {
  version: 1,
  articles: [
    { id: 'a', outlet: 'Wire', headline: 'Rosneft', url: null, published: null, authors: [], seed: 's' },
  ],
  passages: [
    { id: 'a/p1', articleId: 'a', text: 'Rosneft lent money.', entityIds: [], eventIds: [], mentions: [] },
  ],
  entities: [],
  events: [],
  disagreements: [],
};
const files = {
  [CORPUS_PATH]: JSON.stringify(corpus),
  [SEARCH_INDEX_PATH]: JSON.stringify(buildSearchIndex(corpus)),
};

describe('corpus store', () => {
  it('loads both files once, lazily, and searches them', async () => {
    const reads: string[] = [];
    const store = createCorpusStore(async (path) => {
      reads.push(path);
      return files[path as keyof typeof files] ?? '';
    });
    expect(reads).toEqual([]);
    const [first, second] = await Promise.all([store.get(), store.get()]);
    expect(first).toBe(second);
    expect(await store.get()).toBe(first);
    expect(reads.sort()).toEqual([CORPUS_PATH, SEARCH_INDEX_PATH].sort());
    expect(searchCorpus(first.search, { query: 'rosn' }).hits.map((h) => h.passageId)).toEqual(['a/p1']);
  });

  it('does not cache a failure: the next call tries again', async () => {
    let broken = true;
    const store = createCorpusStore(async (path) =>
      broken && path === CORPUS_PATH ? '{"version":2}' : (files[path as keyof typeof files] ?? ''),
    );
    await expect(store.get()).rejects.toThrow(/not a version 1 corpus/);
    broken = false;
    await expect(store.get()).resolves.toMatchObject({ corpus: { version: 1 } });
  });

  it('names the file that is corrupt', async () => {
    const cut = files[SEARCH_INDEX_PATH].slice(0, 100);
    const brokenIndex = createCorpusStore(async (path) =>
      path === SEARCH_INDEX_PATH ? cut : files[CORPUS_PATH],
    );
    await expect(brokenIndex.get()).rejects.toThrow(
      /^\/data\/search-index\.json is not a readable search index/,
    );
    const brokenCorpus = createCorpusStore(async (path) =>
      path === CORPUS_PATH ? '{"version":1,' : files[SEARCH_INDEX_PATH],
    );
    await expect(brokenCorpus.get()).rejects.toThrow(/^\/data\/corpus\.json is not JSON/);
  });

  it('reads the index as MiniSearch.loadJSON does', async () => {
    const store = createCorpusStore(async (path) => files[path as keyof typeof files] ?? '');
    const { index } = await store.get();
    expect(JSON.stringify(index)).toBe(
      JSON.stringify(MiniSearch.loadJSON(files[SEARCH_INDEX_PATH], searchIndexOptions)),
    );
  });
});
