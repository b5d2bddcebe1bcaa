import MiniSearch from 'minisearch';
import type { BuiltCorpus } from '../../core/corpus-types';
import { type SearchDocument, searchIndexOptions } from '../../core/search-options';

/** The searchable documents of a corpus: one per passage, with headline, outlet and names. */
export function searchDocumentsOf(corpus: BuiltCorpus): SearchDocument[] {
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const names = new Map([...corpus.entities, ...corpus.events].map((e) => [e.id, e.name]));
  return corpus.passages.map((passage) => {
    const article = articles.get(passage.articleId);
    return {
      id: passage.id,
      text: passage.text,
      headline: article?.headline ?? '',
      outlet: article?.outlet ?? '',
      names: [...passage.entityIds, ...passage.eventIds].map((id) => names.get(id) ?? '').join(' '),
    };
  });
}

/** Builds the MiniSearch index of a corpus with the shared options, ready to serialise. */
export function buildSearchIndex(corpus: BuiltCorpus): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions);
  index.addAll(searchDocumentsOf(corpus));
  return index;
}
