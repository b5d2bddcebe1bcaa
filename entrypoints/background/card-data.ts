/**
 * Builds what a card shows for an entity or an event: name, kind, role or summary, how many
 * articles and outlets mention it, and the ranked passages with their subject emphasised.
 */
import type { BuiltCorpus, Passage } from '@/src/core/corpus-types';
import { emphasisFor, rankEntityPassages, rankEventPassages } from '@/src/core/rank-passages';
import { citedArticleOf, corpusOverview } from '@/src/core/search-corpus';
import type { CardData, CitedPassage, CorpusScope, SubjectKind } from '@/src/shared/protocol';
import type { LoadedCorpus } from './corpus-store';

/** What a content script asks a card for. */
export interface CardRequest {
  kind: SubjectKind;
  id: string;
  context: string;
  limit: number;
}

/** A passage as a card quotes it. */
function citedPassage(corpus: BuiltCorpus, passage: Passage, subject: string): CitedPassage | null {
  const article = corpus.articles.find((a) => a.id === passage.articleId);
  if (!article) return null;
  return {
    passageId: passage.id,
    text: passage.text,
    caption: passage.caption === true,
    emphasis: emphasisFor(passage, [subject]),
    article: citedArticleOf(article),
  };
}

/** Distinct articles and outlets among passages (and any article ids given besides). */
function reach(corpus: BuiltCorpus, passages: readonly Passage[], extraArticleIds: readonly string[] = []) {
  const articleIds = new Set([...passages.map((p) => p.articleId), ...extraArticleIds]);
  const outlets = new Set(corpus.articles.filter((a) => articleIds.has(a.id)).map((a) => a.outlet));
  return { articleCount: articleIds.size, outletCount: outlets.size };
}

/** The corpus's size and date span, made once per loaded corpus. */
const scopes = new WeakMap<BuiltCorpus, CorpusScope>();
function scopeOf(corpus: BuiltCorpus): CorpusScope {
  let scope = scopes.get(corpus);
  if (!scope) {
    const overview = corpusOverview(corpus, 0);
    scope = { articles: overview.articles, from: overview.from, to: overview.to };
    scopes.set(corpus, scope);
  }
  return scope;
}

/** The card for a subject, or null when the corpus does not know it. */
export function cardFor({ corpus, index }: LoadedCorpus, request: CardRequest): CardData | null {
  const cite = (passages: Passage[]) =>
    passages.map((p) => citedPassage(corpus, p, request.id)).filter((p) => p !== null);
  if (request.kind === 'entity') {
    const entity = corpus.entities.find((e) => e.id === request.id);
    if (!entity) return null;
    const mentioning = corpus.passages.filter((p) => p.entityIds.includes(entity.id));
    return {
      kind: 'entity',
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description: entity.role,
      ...reach(corpus, mentioning),
      passages: cite(rankEntityPassages(corpus, index, entity.id, request.context, request.limit)),
      corpus: scopeOf(corpus),
    };
  }
  const event = corpus.events.find((e) => e.id === request.id);
  if (!event) return null;
  const reporting = corpus.passages.filter((p) => p.eventIds.includes(event.id));
  return {
    kind: 'event',
    id: event.id,
    name: event.name,
    description: event.summary,
    date: event.date,
    ...reach(corpus, reporting, event.articleIds),
    passages: cite(rankEventPassages(corpus, event.id, request.limit)),
    corpus: scopeOf(corpus),
  };
}
