/**
 * Loads the bundled corpus and its search index once, on the first message that needs them,
 * and keeps them for the life of the background. A failed load is not cached: the next
 * message tries again.
 */
import type MiniSearch from 'minisearch';
import type { BuiltCorpus } from '@/src/core/corpus-types';
import { type CorpusSearch, createCorpusSearch } from '@/src/core/search-corpus';
import { loadSearchIndex } from '@/src/core/search-index-load';
import type { SearchDocument } from '@/src/core/search-options';

/** The data files, as WXT copies them from public/data into the extension. */
export const CORPUS_PATH = '/data/corpus.json';
export const SEARCH_INDEX_PATH = '/data/search-index.json';

/** The corpus, its index and the search built over them. */
export interface LoadedCorpus {
  corpus: BuiltCorpus;
  index: MiniSearch<SearchDocument>;
  search: CorpusSearch;
}

/** Lazily loaded corpus data. */
export interface CorpusStore {
  /** The loaded corpus; the first call starts loading, later calls share it. */
  get(): Promise<LoadedCorpus>;
}

/** Checks the outline of corpus.json, so a broken build fails here with a clear message. */
function parseCorpus(text: string): BuiltCorpus {
  let data: Partial<BuiltCorpus>;
  try {
    data = JSON.parse(text) as Partial<BuiltCorpus>;
  } catch (error) {
    throw new Error(`${CORPUS_PATH} is not JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (
    data?.version !== 1 ||
    !Array.isArray(data.articles) ||
    !Array.isArray(data.passages) ||
    !Array.isArray(data.entities) ||
    !Array.isArray(data.events)
  ) {
    throw new Error(`${CORPUS_PATH} is not a version 1 corpus`);
  }
  return data as BuiltCorpus;
}

/** Creates the store; `readText` fetches a file of the extension by its path. */
export function createCorpusStore(readText: (path: string) => Promise<string>): CorpusStore {
  let loading: Promise<LoadedCorpus> | null = null;
  const load = async (): Promise<LoadedCorpus> => {
    const [corpusText, indexText] = await Promise.all([readText(CORPUS_PATH), readText(SEARCH_INDEX_PATH)]);
    const corpus = parseCorpus(corpusText);
    // Read in slices of a few milliseconds, so a large index never blocks the worker for long.
    const index = await loadSearchIndex(indexText, { source: SEARCH_INDEX_PATH });
    return { corpus, index, search: createCorpusSearch(corpus, index) };
  };
  return {
    get() {
      if (!loading) {
        loading = load().catch((error: unknown) => {
          loading = null;
          throw error;
        });
      }
      return loading;
    },
  };
}
