import type { Options } from 'minisearch';
import { foldPhrase } from './fold';

/** One searchable document: a passage with its article's headline and outlet and the names it mentions. */
export interface SearchDocument {
  id: string;
  text: string;
  headline: string;
  outlet: string;
  /** Canonical names of the entities and events the passage mentions, space-separated. */
  names: string;
}

/** Field boosts: a match in a name or headline says more than one in body text. */
export const SEARCH_BOOSTS = { names: 3, headline: 2, outlet: 1.5, text: 1 } as const;

/**
 * The one MiniSearch configuration, shared by the build step that serialises the index and
 * the background that loads it (`MiniSearch.loadJSON` needs the same options). Terms are
 * folded like recognition folds them, so "Guaido" finds "Guaidó" and "Путина" its stem.
 */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: ['text', 'headline', 'outlet', 'names'],
  storeFields: [],
  processTerm: (term) => {
    const folded = foldPhrase(term);
    return folded.length > 0 ? folded : null;
  },
};
