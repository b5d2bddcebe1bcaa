/**
 * Which passages a card quotes, and in what order. For an entity: the passages that mention
 * it, ranked by how well they match the page's own words around the mention, spread across
 * outlets. For an event: one passage per outlet, oldest report first. Pure: no `browser.*`.
 */
import type MiniSearch from 'minisearch';
import type { ArticleMeta, BuiltCorpus, Passage } from './corpus-types';
import { foldPhrase } from './fold';
import { articleDateOf, passageOrderOf, searchWordsOf } from './search-corpus';
import { SEARCH_BOOSTS, type SearchDocument } from './search-options';

/** Most context words used as the query; the first ones (the sentence's) are kept. */
export const MAX_CONTEXT_TERMS = 40;
/** How much a second passage from an outlet already shown must beat the others by (scores are 0..1). */
export const OUTLET_PENALTY = 0.35;
/** A caption's relevance counts this much of a paragraph's: it wins only by matching far better. */
export const CAPTION_WEIGHT = 0.5;

/**
 * Words that say nothing about which passage fits (English, Spanish, Portuguese, Russian),
 * folded as the index folds them.
 */
const STOPWORDS = new Set(
  [
    'about above after again against all also although among and any are around because been before being',
    'below between both but can could did does doing done down during each even ever every few for from',
    'further had has have having her here hers herself him himself his how however into its itself just',
    'last like made make many may might more most much must near new not now off once one only other our',
    'ours out over own said same say says she should since some still such than that the their theirs them',
    'then there these they this those though three through thus too two under until upon very was were',
    'what when where which while who whom whose why will with within without would year years yet you your',
    'mr mrs ms monday tuesday wednesday thursday friday saturday sunday week weeks day days told according',
    'con las los del por para una uno unos unas como mas pero sus sobre entre tambien que esta este esto',
    'ese esa fue son ser hay han dijo segun desde hasta cuando donde muy sin ante tras ello ella ellos',
    'com das dos uma umas pelo pela pelos pelas nao sao foi mais seu sua seus suas entre tambem isso essa',
    'это как что его она они был была были для при или так уже все его ее их чем тем также',
  ]
    .join(' ')
    .split(' ')
    .map(foldPhrase),
);

/**
 * The informative words of a page context, as search terms: folded, without stopwords, short
 * words or the subject's own names (every passage of the card names it already), each with how
 * often it occurs (a word in both the sentence and the paragraph counts twice).
 */
export function contextTermsOf(context: string, ownNames: readonly string[]): Map<string, number> {
  const own = new Set(ownNames.flatMap((name) => searchWordsOf(name)));
  const counts = new Map<string, number>();
  for (const word of searchWordsOf(context)) {
    if (word.length < 3 || STOPWORDS.has(word) || own.has(word) || /^\d+$/.test(word)) continue;
    if (!counts.has(word) && counts.size >= MAX_CONTEXT_TERMS) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Earlier date first; undated last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Lookups a ranking needs, cached per corpus object. */
interface CorpusLookups {
  articles: Map<string, ArticleMeta>;
}

const lookupsCache = new WeakMap<BuiltCorpus, CorpusLookups>();

function lookupsOf(corpus: BuiltCorpus): CorpusLookups {
  let lookups = lookupsCache.get(corpus);
  if (!lookups) {
    lookups = {
      articles: new Map(corpus.articles.map((a) => [a.id, a])),
    };
    lookupsCache.set(corpus, lookups);
  }
  return lookups;
}

/**
 * Ranks the passages that mention an entity for a card, by the page context around the
 * mention: the context's informative words are a MiniSearch OR query restricted to those
 * passages; captions count less than paragraphs; then a greedy pick (maximal marginal
 * relevance) penalises a second passage from an outlet already chosen; ties go to the older
 * article, then the earlier passage.
 */
export function rankEntityPassages(
  corpus: BuiltCorpus,
  index: MiniSearch<SearchDocument>,
  entityId: string,
  context: string,
  limit: number,
): Passage[] {
  const entity = corpus.entities.find((e) => e.id === entityId);
  const candidates = corpus.passages.filter((p) => p.entityIds.includes(entityId));
  if (!entity || candidates.length === 0 || limit <= 0) return [];
  const terms = contextTermsOf(context, [entity.name, ...entity.aliases.map((a) => a.text)]);
  const relevance = new Map<string, number>();
  if (terms.size > 0) {
    const ids = new Set(candidates.map((p) => p.id));
    const results = index.search([...terms.keys()].join(' '), {
      filter: (result) => ids.has(result.id),
      combineWith: 'OR',
      boost: { ...SEARCH_BOOSTS },
      prefix: (term) => term.length >= 5,
      fuzzy: false,
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => Math.min(2, terms.get(term) ?? 1),
    });
    const best = results[0]?.score ?? 0;
    if (best > 0) for (const result of results) relevance.set(result.id, result.score / best);
  }
  const { articles } = lookupsOf(corpus);
  const scored = candidates.map((passage) => {
    const article = articles.get(passage.articleId);
    const score = relevance.get(passage.id) ?? 0;
    return {
      passage,
      outlet: article?.outlet ?? '',
      date: article ? articleDateOf(article) : null,
      value: passage.caption ? score * CAPTION_WEIGHT - 0.01 : score,
    };
  });
  const chosen: Passage[] = [];
  const shown = new Map<string, number>();
  while (chosen.length < limit && scored.length > 0) {
    let bestAt = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    scored.forEach((item, i) => {
      const value = item.value - OUTLET_PENALTY * (shown.get(item.outlet) ?? 0);
      const best = scored[bestAt] as (typeof scored)[number];
      const better =
        value > bestValue + 1e-9 ||
        (Math.abs(value - bestValue) <= 1e-9 &&
          (compareDates(item.date, best.date) ||
            passageOrderOf(item.passage) - passageOrderOf(best.passage) ||
            item.passage.id.localeCompare(best.passage.id)) < 0);
      if (better) {
        bestAt = i;
        bestValue = value;
      }
    });
    const [picked] = scored.splice(bestAt, 1);
    if (!picked) break;
    chosen.push(picked.passage);
    shown.set(picked.outlet, (shown.get(picked.outlet) ?? 0) + 1);
  }
  return chosen;
}

/**
 * The passages a card quotes for an event: one per outlet (the first passage of that outlet's
 * earliest article reporting it), oldest article first, so the reader sees how each reported it.
 */
export function rankEventPassages(corpus: BuiltCorpus, eventId: string, limit: number): Passage[] {
  const { articles } = lookupsOf(corpus);
  const firstByOutlet = new Map<string, { passage: Passage; date: string | null }>();
  for (const passage of corpus.passages) {
    if (!passage.eventIds.includes(eventId)) continue;
    const article = articles.get(passage.articleId);
    if (!article) continue;
    const date = articleDateOf(article);
    const current = firstByOutlet.get(article.outlet);
    const earlier =
      !current ||
      (compareDates(date, current.date) ||
        (passage.articleId === current.passage.articleId
          ? passageOrderOf(passage) - passageOrderOf(current.passage)
          : passage.articleId.localeCompare(current.passage.articleId))) < 0;
    if (earlier) firstByOutlet.set(article.outlet, { passage, date });
  }
  return [...firstByOutlet.entries()]
    .sort(([outletA, a], [outletB, b]) => compareDates(a.date, b.date) || outletA.localeCompare(outletB))
    .slice(0, Math.max(0, limit))
    .map(([, item]) => item.passage);
}

/**
 * The [start, end) ranges of a passage's text that name the given entities or events, in
 * text order, from the mentions the build recorded, so the card can emphasise its subject.
 */
export function emphasisFor(passage: Passage, ids: readonly string[]): Array<[number, number]> {
  const wanted = new Set(ids);
  return passage.mentions.filter((m) => wanted.has(m.id)).map((m): [number, number] => [m.start, m.end]);
}
