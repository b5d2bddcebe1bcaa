/**
 * Full-text search over the corpus for the popup, planned so it stays fast at 100,000
 * passages: exact and prefix terms first, fuzzy terms only for long enough words and only
 * when the first pass found too little, a cap on how many index terms a prefix or fuzzy word
 * may expand to, and one scoring walk over the index's postings that keeps only the best hits
 * in a heap (an early cut-off: nothing is sorted but the page of hits shown). Pure: no
 * `browser.*`, runs in Node for tests and benchmarks.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import type {
  CitedArticle,
  CorpusOverview,
  SearchFilters,
  SearchHit,
  SearchResponse,
} from '../shared/protocol';
import type { ArticleMeta, BuiltCorpus, EntityType, Passage } from './corpus-types';
import { foldPhrase } from './fold';
import { LazyTermPostings } from './search-lazy-postings';
import { SEARCH_BOOSTS, type SearchDocument, searchIndexOptions } from './search-options';

/** Hits returned when the request names no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Fewer hits than this and the query goes fuzzy and suggests spellings. */
export const FEW_HITS = 3;
/** Shortest word that is expanded as a prefix (while typing, the last word only). */
export const MIN_PREFIX_LENGTH = 2;
/** Shortest word that is matched fuzzily (one edit; two edits from 8 letters). */
export const MIN_FUZZY_LENGTH = 4;
/** Most edits a fuzzy word may be away from an index term. */
export const MAX_FUZZY_EDITS = 2;
/** Most index terms one prefix word expands to (the most frequent first). */
export const MAX_PREFIX_TERMS = 12;
/** Most index terms one fuzzy word expands to (the nearest, then the most frequent). */
export const MAX_FUZZY_TERMS = 6;
/** Postings one prefix word may add beyond its first expansion (a cost cap, not a relevance one). */
export const PREFIX_POSTINGS_BUDGET = 60_000;
/** Most query words planned; the rest of a pasted paragraph is ignored. */
export const MAX_QUERY_WORDS = 12;

/** MiniSearch's own weights for prefix and fuzzy matches, kept so scores read the same. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** BM25+ parameters MiniSearch uses by default. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The order entity kinds are listed in. */
const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'country', 'place'];

/** What a MiniSearch index keeps per term: field id → (short document id → term frequency). */
type FieldPostings = Map<number, Map<number, number>>;

/** The parts of MiniSearch 7's radix tree the planner reads. */
interface TermTree {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxEdits: number): Map<string, [FieldPostings, number]>;
}

/**
 * The fields of a MiniSearch 7 instance the planner reads. They are not public API (the
 * version is pinned in package.json); `plannerOf` checks their shape and the search falls
 * back to MiniSearch's own prefix/fuzzy options if they ever change.
 */
interface MiniSearchInternals {
  _index: TermTree;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

/** Per-passage facts the filters test, precomputed once. */
interface PassageFacts {
  outlet: string;
  /** First and last day the article's date may stand for ("2019-06" → 06-01 to 06-31). */
  dateStart: string | null;
  dateEnd: string | null;
  entityIds: readonly string[];
  entityTypes: ReadonlySet<EntityType>;
}

/** The planner's view of the index: term tree, field lengths and reusable scratch arrays. */
interface Planner {
  tree: TermTree;
  documentCount: number;
  fields: Array<{ id: number; boost: number; lengths: Float32Array; average: number }>;
  /** Short document id → passage index (-1 where unknown). */
  passageOfShort: Int32Array;
  /** Per short id: 0 unseen, 1 passes the filters, 2 filtered out. */
  state: Uint8Array;
  /** Per short id: one bit per query word matched. */
  words: Uint16Array;
  impact: Float64Array;
  touched: Int32Array;
}

/** A corpus ready to search: lookups built once, and the planner over its index. */
export interface CorpusSearch {
  readonly corpus: BuiltCorpus;
  readonly index: MiniSearch<SearchDocument>;
  readonly passageIndex: ReadonlyMap<string, number>;
  readonly articles: ReadonlyMap<string, ArticleMeta>;
  readonly facts: readonly PassageFacts[];
  /** Null when the index's internals are not as expected: plain MiniSearch options are used. */
  readonly planner: Planner | null;
}

/** One index term a query word stands for, with its weight (1 exact, less for prefix/fuzzy). */
interface PlannedTerm {
  term: string;
  weight: number;
  kind: 'exact' | 'prefix' | 'fuzzy';
}

/** A query word and the index terms it expands to. */
interface PlannedWord {
  word: string;
  terms: PlannedTerm[];
}

/** A search request as the popup sends it. */
export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  limit?: number;
}

/** The stated date of an article, else its inferred one: what dates and filters compare. */
export function articleDateOf(article: ArticleMeta): string | null {
  return article.published ?? article.dateInferred?.date ?? null;
}

/** The fields of an article a citation shows. */
export function citedArticleOf(article: ArticleMeta): CitedArticle {
  return {
    id: article.id,
    outlet: article.outlet,
    headline: article.headline,
    url: article.url,
    published: article.published,
    ...(article.dateInferred ? { dateInferred: article.dateInferred } : {}),
    authors: article.authors,
  };
}

/** The 1-based position of a passage in its article, from its `${articleId}/p${n}` id. */
export function passageOrderOf(passage: Passage): number {
  const n = Number(passage.id.slice(passage.id.lastIndexOf('/p') + 2));
  return Number.isFinite(n) ? n : 0;
}

/**
 * Splits a query (or any text) into folded search words the way the index was built:
 * MiniSearch's tokenizer, then the shared `processTerm` (accents and case folded).
 */
export function searchWordsOf(text: string): string[] {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const words: string[] = [];
  for (const token of tokenize(text)) {
    const folded = searchIndexOptions.processTerm?.(token);
    if (typeof folded !== 'string') continue;
    for (const word of folded.split(' ')) if (word.length > 0) words.push(word);
  }
  return words;
}

/** Builds the lookups and the planner for a loaded corpus and its index; do it once. */
export function createCorpusSearch(
  corpus: BuiltCorpus,
  index: MiniSearch<SearchDocument>,
  options: { planner?: boolean } = {},
): CorpusSearch {
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const entityTypes = new Map(corpus.entities.map((e) => [e.id, e.type]));
  const passageIndex = new Map(corpus.passages.map((p, i) => [p.id, i]));
  const facts = corpus.passages.map((passage): PassageFacts => {
    const article = articles.get(passage.articleId);
    const date = article ? articleDateOf(article) : null;
    return {
      outlet: article?.outlet ?? '',
      dateStart: date === null ? null : date.length === 7 ? `${date}-01` : date,
      dateEnd: date === null ? null : date.length === 7 ? `${date}-31` : date,
      entityIds: passage.entityIds,
      entityTypes: new Set(passage.entityIds.map((id) => entityTypes.get(id)).filter((t) => t !== undefined)),
    };
  });
  const planner = options.planner === false ? null : plannerOf(index, passageIndex);
  return { corpus, index, passageIndex, articles, facts, planner };
}

/** Reads the index's internals into a planner, or null if they are not what MiniSearch 7 has. */
function plannerOf(
  index: MiniSearch<SearchDocument>,
  passageIndex: ReadonlyMap<string, number>,
): Planner | null {
  const raw = index as unknown as Partial<MiniSearchInternals>;
  const tree = raw._index;
  if (
    !tree ||
    typeof tree.atPrefix !== 'function' ||
    typeof tree.fuzzyGet !== 'function' ||
    !(raw._documentIds instanceof Map) ||
    !(raw._fieldLength instanceof Map) ||
    !Array.isArray(raw._avgFieldLength) ||
    typeof raw._fieldIds !== 'object' ||
    typeof raw._nextId !== 'number' ||
    typeof raw._documentCount !== 'number'
  ) {
    return null;
  }
  const size = raw._nextId + 1;
  const passageOfShort = new Int32Array(size).fill(-1);
  for (const [short, id] of raw._documentIds) passageOfShort[short] = passageIndex.get(id) ?? -1;
  const fieldIds = raw._fieldIds as Record<string, number>;
  const fieldLength = raw._fieldLength;
  const fields = Object.entries(SEARCH_BOOSTS).flatMap(([name, boost]) => {
    const id = fieldIds[name];
    if (id === undefined) return [];
    const lengths = new Float32Array(size);
    for (const [short, perField] of fieldLength) lengths[short] = perField[id] ?? 0;
    return [{ id, boost, lengths, average: raw._avgFieldLength?.[id] || 1 }];
  });
  return {
    tree,
    documentCount: raw._documentCount,
    fields,
    passageOfShort,
    state: new Uint8Array(size),
    words: new Uint16Array(size),
    impact: new Float64Array(size),
    touched: new Int32Array(size),
  };
}

/**
 * How many documents a term occurs in, summed over fields (an upper bound, used as a cost).
 * A lazily loaded term knows its count, so ranking prefix expansions decodes none of them.
 */
function postingsOf(data: FieldPostings): number {
  if (data instanceof LazyTermPostings) return data.postingCount;
  let n = 0;
  for (const perDoc of data.values()) n += perDoc.size;
  return n;
}

/** Expands each query word into index terms: exact, capped prefix, and (second pass) capped fuzzy. */
function planWords(tree: TermTree, words: readonly string[], fuzzy: boolean): PlannedWord[] {
  return words.map((word, i) => {
    const terms: PlannedTerm[] = [];
    if (tree.get(word)) terms.push({ term: word, weight: 1, kind: 'exact' });
    const seen = new Set([word]);
    if (i === words.length - 1 && word.length >= MIN_PREFIX_LENGTH) {
      const expansions: Array<{ term: string; postings: number }> = [];
      for (const [term, data] of tree.atPrefix(word)) {
        if (term !== word) expansions.push({ term, postings: postingsOf(data) });
      }
      expansions.sort((a, b) => b.postings - a.postings || a.term.length - b.term.length);
      let spent = 0;
      for (const { term, postings } of expansions) {
        if (terms.length >= MAX_PREFIX_TERMS || (spent > 0 && spent + postings > PREFIX_POSTINGS_BUDGET))
          break;
        spent += postings;
        seen.add(term);
        const weight = (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length));
        terms.push({ term, weight, kind: 'prefix' });
      }
    }
    if (fuzzy && word.length >= MIN_FUZZY_LENGTH) {
      const edits = Math.min(MAX_FUZZY_EDITS, word.length >= 8 ? 2 : 1);
      const near = [...tree.fuzzyGet(word, edits)]
        .filter(([term, [, distance]]) => distance > 0 && !seen.has(term))
        .map(([term, [data, distance]]) => ({ term, distance, postings: postingsOf(data) }))
        .sort((a, b) => a.distance - b.distance || b.postings - a.postings)
        .slice(0, MAX_FUZZY_TERMS);
      for (const { term, distance } of near) {
        terms.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), kind: 'fuzzy' });
      }
    }
    return { word, terms };
  });
}

/** Whether a passage passes the request's filters (all given filters must hold). */
function filterOf(
  search: CorpusSearch,
  filters: SearchFilters | undefined,
): ((passage: number) => boolean) | null {
  if (!filters) return null;
  const outlets = filters.outlets?.length ? new Set(filters.outlets) : null;
  const entityIds = filters.entityIds?.length ? filters.entityIds : null;
  const types = filters.entityTypes?.length ? filters.entityTypes : null;
  const from = filters.from || null;
  const to = filters.to || null;
  if (!outlets && !entityIds && !types && !from && !to) return null;
  return (passage) => {
    const facts = search.facts[passage];
    if (!facts) return false;
    if (outlets && !outlets.has(facts.outlet)) return false;
    if (entityIds && !entityIds.every((id) => facts.entityIds.includes(id))) return false;
    if (types && !types.some((type) => facts.entityTypes.has(type))) return false;
    if (from || to) {
      if (facts.dateStart === null || facts.dateEnd === null) return false;
      if (from && facts.dateEnd < from) return false;
      if (to && facts.dateStart > to) return false;
    }
    return true;
  };
}

/**
 * Scores the planned terms in one walk over their postings with typed arrays: filters
 * applied once per passage, BM25+ as MiniSearch computes it (same field boosts, same prefix
 * and fuzzy weights), every match counted (the exact total) and only the best `keep` held in
 * a small heap, never a sort of all matches. This replaces `MiniSearch#search`, which builds
 * and sorts a result object for every passage a common word is in (90 ms for "Russia" at
 * 100,000 passages, 25 ms even with every non-candidate skipped by `boostDocument`).
 */
function scorePlan(
  planner: Planner,
  words: readonly PlannedWord[],
  all: boolean,
  allowed: ((passage: number) => boolean) | null,
  keep: number,
): { total: number; top: Array<{ doc: number; score: number }> } {
  const { state, impact, touched, tree, documentCount, passageOfShort } = planner;
  const wordBits = planner.words;
  let touchedCount = 0;
  words.forEach((word, w) => {
    const bit = 1 << w;
    for (const { term, weight } of word.terms) {
      const data = tree.get(term);
      if (!data) continue;
      for (const field of planner.fields) {
        const postings = data.get(field.id);
        if (!postings) continue;
        const df = postings.size;
        const scale = weight * field.boost * Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
        const { lengths, average } = field;
        postings.forEach((tf, doc) => {
          let seen = state[doc] as number;
          if (seen === 0) {
            const passage = passageOfShort[doc] as number;
            seen = passage >= 0 && (allowed === null || allowed(passage)) ? 1 : 2;
            state[doc] = seen;
            touched[touchedCount++] = doc;
          }
          if (seen !== 1) return;
          wordBits[doc] = (wordBits[doc] as number) | bit;
          const saturation = BM25.k * (1 - BM25.b + (BM25.b * (lengths[doc] as number)) / average);
          impact[doc] = (impact[doc] as number) + scale * (BM25.d + (tf * (BM25.k + 1)) / (tf + saturation));
        });
      }
    }
  });
  const full = (1 << words.length) - 1;
  const best = new TopK(keep);
  let total = 0;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i] as number;
    const bits = wordBits[doc] as number;
    if (state[doc] === 1 && (all ? bits === full : bits !== 0)) {
      total++;
      // MiniSearch multiplies a score by the number of query words it matched; so do we.
      best.offer(doc, (impact[doc] as number) * popCount(bits));
    }
    state[doc] = 0;
    wordBits[doc] = 0;
    impact[doc] = 0;
  }
  return { total, top: best.sorted() };
}

/** Number of set bits (matched words) in a word mask. */
function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Keeps the k highest-scored items seen, in a min-heap, without sorting everything. */
class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** Considers one item. */
  offer(id: number, score: number): void {
    const { ids, scores } = this;
    if (ids.length < this.k) {
      ids.push(id);
      scores.push(score);
      this.up(ids.length - 1);
    } else if (this.k > 0 && score > (scores[0] as number)) {
      ids[0] = id;
      scores[0] = score;
      this.down(0);
    }
  }

  /** The kept items, best first; equal scores keep the lower (earlier indexed) id first. */
  sorted(): Array<{ doc: number; score: number }> {
    return this.ids
      .map((doc, i) => ({ doc, score: this.scores[i] as number }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private swap(a: number, b: number): void {
    const { ids, scores } = this;
    [ids[a], ids[b]] = [ids[b] as number, ids[a] as number];
    [scores[a], scores[b]] = [scores[b] as number, scores[a] as number];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.scores[parent] as number) <= (this.scores[i] as number)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ids.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < n && (this.scores[left] as number) < (this.scores[least] as number)) least = left;
      if (right < n && (this.scores[right] as number) < (this.scores[least] as number)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}

/** Which passages answered, how many matched in all, and what to suggest. */
interface Answer {
  hits: Array<{ id: string; score: number; terms: ReadonlySet<string> }>;
  total: number;
  suggestions: string[];
}

/** Runs the planned stages until one finds enough: exact and prefix, then fuzzy, then any word. */
function plannedSearch(
  search: CorpusSearch,
  planner: Planner,
  words: readonly string[],
  allowed: ((passage: number) => boolean) | null,
  limit: number,
): Answer {
  const run = (planned: PlannedWord[], all: boolean): Answer => {
    const { total, top } = scorePlan(planner, planned, all, allowed, limit);
    const hits = top.flatMap(({ doc, score }) => {
      const passage = search.corpus.passages[planner.passageOfShort[doc] as number];
      return passage ? [{ id: passage.id, score, terms: matchedTerms(planner, planned, doc) }] : [];
    });
    return { hits, total, suggestions: [] };
  };
  const exact = run(planWords(planner.tree, words, false), true);
  if (exact.total >= FEW_HITS) return exact;
  const withFuzzy = planWords(planner.tree, words, true);
  let answer = run(withFuzzy, true);
  if (answer.total === 0 && words.length > 1) answer = run(withFuzzy, false);
  if (answer.total < exact.total) answer = exact;
  answer.suggestions = plannedSuggestions(planner, words, withFuzzy);
  return answer;
}

/** The planned terms a passage contains, in any field: what its hit emphasises. */
function matchedTerms(planner: Planner, words: readonly PlannedWord[], doc: number): Set<string> {
  const found = new Set<string>();
  for (const word of words) {
    for (const { term } of word.terms) {
      const data = planner.tree.get(term);
      if (data && [...data.values()].some((perDoc) => perDoc.has(doc))) found.add(term);
    }
  }
  return found;
}

/**
 * Spelling suggestions from the fuzzy plan: each word the index does not have, replaced by its
 * nearest and most frequent index term ("guido" → "guaido"). The same edit-distance walk of
 * the term tree that `autoSuggest` does, without scoring passages a second time.
 */
function plannedSuggestions(
  planner: Planner,
  words: readonly string[],
  planned: readonly PlannedWord[],
): string[] {
  const options = words.map((word, i) => {
    if (planner.tree.get(word)) return [word];
    const fuzzy = planned[i]?.terms.filter((t) => t.kind === 'fuzzy').map((t) => t.term) ?? [];
    return fuzzy.length > 0 ? fuzzy.slice(0, 3) : [word];
  });
  const asked = words.join(' ');
  const suggestions: string[] = [];
  for (let alternative = 0; alternative < 3; alternative++) {
    const suggestion = options.map((terms) => terms[Math.min(alternative, terms.length - 1)]).join(' ');
    if (suggestion !== asked && !suggestions.includes(suggestion)) suggestions.push(suggestion);
  }
  return suggestions;
}

/** Whether a search result's passage passes the filters. */
function passes(search: CorpusSearch, allowed: ((passage: number) => boolean) | null, id: string): boolean {
  if (allowed === null) return true;
  const passage = search.passageIndex.get(id);
  return passage !== undefined && allowed(passage);
}

/** Options for words that are already folded: the query is split on spaces only. */
const FOLDED_WORDS: SearchOptions = {
  boost: { ...SEARCH_BOOSTS },
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
};

/**
 * Without the planner (MiniSearch internals not as expected): MiniSearch's own options, prefix
 * on the last word, fuzzy only when exact found little, filters as MiniSearch `filter`, and
 * `autoSuggest` for spellings. Correct, but slow on large corpora.
 */
function unplannedSearch(
  search: CorpusSearch,
  words: readonly string[],
  allowed: ((passage: number) => boolean) | null,
  limit: number,
): Answer {
  const query = words.join(' ');
  const prefix = (term: string, i: number, terms: string[]) =>
    i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH;
  const fuzzy = (term: string) => (term.length >= 8 ? 2 : term.length >= MIN_FUZZY_LENGTH ? 1 : false);
  const base: SearchOptions = {
    ...FOLDED_WORDS,
    combineWith: 'AND',
    maxFuzzy: MAX_FUZZY_EDITS,
    prefix,
    fuzzy: false,
    filter: (result) => passes(search, allowed, result.id),
  };
  let results = search.index.search(query, base);
  let suggestions: string[] = [];
  if (results.length < FEW_HITS) {
    results = search.index.search(query, { ...base, fuzzy });
    suggestions = search.index
      .autoSuggest(query, { ...base, fuzzy })
      .map((s) => s.suggestion)
      .filter((s) => s !== query)
      .slice(0, 3);
  }
  return {
    hits: results
      .slice(0, limit)
      .map((r) => ({ id: r.id as string, score: r.score, terms: new Set(r.terms) })),
    total: results.length,
    suggestions,
  };
}

/** The [start, end) ranges of the words of `text` that fold to one of `terms`. */
export function termEmphasis(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (terms.size === 0) return ranges;
  for (const match of text.matchAll(/[^\n\r\p{Z}\p{P}]+/gu)) {
    const start = match.index ?? 0;
    if (terms.has(foldPhrase(match[0]))) ranges.push([start, start + match[0].length]);
  }
  return ranges;
}

/** A hit for the popup: the passage verbatim, its matched words and its citation. */
function hitOf(
  search: CorpusSearch,
  id: string,
  score: number,
  terms: ReadonlySet<string>,
): SearchHit | null {
  const index = search.passageIndex.get(id);
  const passage = index === undefined ? undefined : search.corpus.passages[index];
  const article = passage && search.articles.get(passage.articleId);
  if (!passage || !article) return null;
  return {
    passageId: passage.id,
    text: passage.text,
    caption: passage.caption === true,
    emphasis: termEmphasis(passage.text, terms),
    article: citedArticleOf(article),
    score,
  };
}

/** Passages that pass the filters when there are no words: newest article first, then in order. */
function filteredOnly(
  search: CorpusSearch,
  allowed: (passage: number) => boolean,
  limit: number,
): { total: number; hits: SearchHit[] } {
  const matching = search.corpus.passages.filter((_, i) => allowed(i));
  const dateOf = (p: Passage) => search.facts[search.passageIndex.get(p.id) ?? -1]?.dateStart ?? '';
  matching.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || passageOrderOf(a) - passageOrderOf(b));
  const hits = matching
    .slice(0, limit)
    .map((p) => hitOf(search, p.id, 0, new Set()))
    .filter((hit) => hit !== null);
  return { total: matching.length, hits };
}

/**
 * Searches the corpus: words folded like the index, planned (see the module comment), filtered
 * by outlet, entities, entity kinds and date, with matched words emphasised in each passage and
 * spelling suggestions when little was found ("Guido" finds Guaidó and suggests "guaido").
 */
export function searchCorpus(search: CorpusSearch, request: SearchRequest): SearchResponse {
  const started = performance.now();
  const limit = Math.max(1, Math.min(100, Math.floor(request.limit ?? DEFAULT_SEARCH_LIMIT)));
  const words = [...new Set(searchWordsOf(request.query))].slice(0, MAX_QUERY_WORDS);
  const allowed = filterOf(search, request.filters);
  const respond = (total: number, hits: SearchHit[], suggestions: string[]): SearchResponse => ({
    query: request.query,
    total,
    hits,
    suggestions,
    tookMs: performance.now() - started,
  });
  if (words.length === 0) {
    if (!allowed) return respond(0, [], []);
    const { total, hits } = filteredOnly(search, allowed, limit);
    return respond(total, hits, []);
  }
  const answer = search.planner
    ? plannedSearch(search, search.planner, words, allowed, limit)
    : unplannedSearch(search, words, allowed, limit);
  const hits = answer.hits
    .map((hit) => hitOf(search, hit.id, hit.score, hit.terms))
    .filter((hit) => hit !== null);
  return respond(answer.total, hits, answer.suggestions);
}

/** The corpus at a glance for the popup's empty state: sizes, outlets, dates, main actors, events. */
export function corpusOverview(corpus: BuiltCorpus, topEntities = 8): CorpusOverview {
  const outletCounts = new Map<string, number>();
  const dates: string[] = [];
  for (const article of corpus.articles) {
    outletCounts.set(article.outlet, (outletCounts.get(article.outlet) ?? 0) + 1);
    const date = articleDateOf(article);
    if (date) dates.push(date);
  }
  dates.sort();
  const passageCounts = new Map<string, number>();
  for (const passage of corpus.passages) {
    for (const id of new Set(passage.entityIds)) passageCounts.set(id, (passageCounts.get(id) ?? 0) + 1);
  }
  const presentTypes = new Set(corpus.entities.map((e) => e.type));
  return {
    articles: corpus.articles.length,
    passages: corpus.passages.length,
    outlets: [...outletCounts]
      .map(([name, articles]) => ({ name, articles }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)),
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    topEntities: corpus.entities
      .map((e) => ({ id: e.id, name: e.name, type: e.type, passages: passageCounts.get(e.id) ?? 0 }))
      .filter((e) => e.passages > 0)
      .sort((a, b) => b.passages - a.passages || a.name.localeCompare(b.name))
      .slice(0, topEntities),
    events: corpus.events
      .map((e) => ({ id: e.id, name: e.name, date: e.date }))
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.name.localeCompare(b.name)),
    entityTypes: ENTITY_TYPES.filter((type) => presentTypes.has(type)),
  };
}
