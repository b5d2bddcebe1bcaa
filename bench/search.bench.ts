/**
 * Search latency, measured: p50/p95 of the popup's search (`searchCorpus`) over a fixed list
 * of realistic queries, on the bundled corpus and on a synthetic corpus of 100,000 passages
 * made from the seeds' vocabulary, against MiniSearch's out-of-the-box query (prefix: true,
 * fuzzy: 0.2) in the same run; plus, at scale, index build and load: our sliced reader
 * (`loadSearchIndex`: total time and longest slice without yielding) against
 * `MiniSearch.loadJSON` in the same run, the planner's set-up, and the first (cold) queries.
 * `npx tsx bench/search.bench.ts` prints the report; `bench/index.ts` calls `runSearchBench`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import type { ArticleMeta, BuiltCorpus, Passage } from '../src/core/corpus-types';
import { createRecognizer } from '../src/core/recognizer';
import { recognizerDataOf } from '../src/core/recognizer-data';
import { createCorpusSearch, searchCorpus } from '../src/core/search-corpus';
import { loadSearchIndex, yieldToEventLoop } from '../src/core/search-index-load';
import { type SearchDocument, searchIndexOptions } from '../src/core/search-options';
import { buildSearchIndex } from '../src/corpus/build/search-index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Query kinds, so the report can say which kind is slow. */
type QueryKind = 'word' | 'prefix' | 'misspelt' | 'two words';

/** The fixed query list: what people type into the popup, letter by letter included. */
export const BENCH_QUERIES: ReadonlyArray<{ query: string; kind: QueryKind }> = [
  ...[
    'Russia',
    'Putin',
    'Rosneft',
    'Guaidó',
    'Maduro',
    'troops',
    'specialists',
    'Bolton',
    'Zakharova',
    'Caracas',
  ]
    .concat(['oil', 'sanctions', 'the'])
    .map((query) => ({ query, kind: 'word' as const })),
  ...[
    'r',
    'ro',
    'ros',
    'rosn',
    'rosne',
    'rosnef',
    'p',
    'pu',
    'put',
    'puti',
    'g',
    'gu',
    'gua',
    'guai',
    'w',
    'wa',
    'wag',
  ]
    .concat(['m', 'mi', 'mil', 'mili', 'milit', 'militar'])
    .map((query) => ({ query, kind: 'prefix' as const })),
  ...['Guido', 'Madurro', 'Rosnft', 'Pompeio', 'Zaharova', 'Venezeula', 'specalists', 'Lavorv'].map(
    (query) => ({ query, kind: 'misspelt' as const }),
  ),
  ...['Russian troops', 'oil company', 'military advisers', 'Caracas airport', 'Putin Trump', 'Wagner group']
    .concat(['Maduro government', 'Guaido opposition', 'Russian specialists', 'US sanctions'])
    .map((query) => ({ query, kind: 'two words' as const })),
];

/** Latency figures in milliseconds. */
export interface LatencyStats {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

/** One corpus's figures: ours, the baseline, and how many times faster ours is. */
export interface SearchBenchCase {
  corpus: string;
  passages: number;
  targetP95Ms: number;
  ours: LatencyStats;
  baseline: LatencyStats;
  /** Baseline time divided by ours (above 1: ours is faster). */
  speedupP50: number;
  speedupP95: number;
  /** Our p95 per query kind. */
  p95ByKind: Record<QueryKind, number>;
  /** The slowest of our queries, for whoever tunes the planner next. */
  slowest: Array<{ query: string; p95: number }>;
  meetsTarget: boolean;
}

/** The index must be ready (loaded and the planner set up) within this, at 100,000 passages. */
export const READY_TARGET_MS = 1000;

/** Index costs at scale; load figures are medians over `loadRuns` runs, alternating with the baseline. */
export interface SearchScaleFigures {
  passages: number;
  buildIndexMs: number;
  indexMegabytes: number;
  loadRuns: number;
  /** Baseline: `MiniSearch.loadJSON`, one synchronous piece. */
  loadJsonMs: number;
  /** Ours: `loadSearchIndex`, start to finish, pauses included. */
  loadMs: number;
  /** Ours: the longest stretch between two pauses (median over runs, and the worst run). */
  longestSliceMs: number;
  worstSliceMs: number;
  /** How many times our load yielded. */
  slices: number;
  /** `createCorpusSearch`: lookups and the planner's arrays. */
  prepareMs: number;
  /** Ours loaded and the planner set up: what the target is about. */
  readyMs: number;
  meetsTarget: boolean;
  /** Each bench query once, right after a fresh load (terms decoded on first use). */
  coldSearch: LatencyStats;
  /** Whether every bench query answers the same on our index as on `loadJSON`'s. */
  sameResults: boolean;
  /** `JSON.parse` of corpus.json at this size: one synchronous piece in the corpus store. */
  corpusParseMs: number;
}

/** Everything `runSearchBench` measured, and what it had to skip. */
export interface SearchBenchReport {
  cases: SearchBenchCase[];
  scale: SearchScaleFigures | null;
  skipped: string[];
}

/** A deterministic PRNG (mulberry32), so the synthetic corpus is the same on every run. */
function randomFrom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The value at quantile q of ascending samples. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function statsOf(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    runs: sorted.length,
  };
}

/**
 * A synthetic corpus of `count` passages: runs of consecutive words cut from the seed texts
 * (so the vocabulary, word frequencies and names are the seeds'), twelve passages an article,
 * seven outlets, dates over 2019, entities tagged by the real recogniser when a catalog is given.
 */
export function syntheticCorpus(
  seedTexts: readonly string[],
  count: number,
  catalog?: BuiltCorpus,
): BuiltCorpus {
  const words = seedTexts.flatMap((text) => text.split(/\s+/).filter((w) => w.length > 0));
  const random = randomFrom(20190323);
  const run = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min));
    const start = Math.floor(random() * Math.max(1, words.length - length));
    return words.slice(start, start + length).join(' ');
  };
  const outlets = [
    'Reuters',
    'The Guardian',
    'Vox',
    'NBC News',
    'Slate',
    'The Washington Post',
    'PanAm Post',
  ];
  const articles: ArticleMeta[] = [];
  const passages: Passage[] = [];
  const perArticle = 12;
  for (let a = 0; a * perArticle < count; a++) {
    const id = `synthetic-${a}`;
    const day = 1 + Math.floor(random() * 365);
    const date = new Date(Date.UTC(2019, 0, day)).toISOString().slice(0, 10);
    articles.push({
      id,
      outlet: outlets[a % outlets.length] as string,
      headline: run(6, 14),
      url: null,
      published: a % 5 === 0 ? null : date,
      ...(a % 5 === 0 ? { dateInferred: { date: date.slice(0, 7), basis: 'synthetic' } } : {}),
      authors: [],
      seed: 'synthetic',
    });
    for (let n = 1; n <= perArticle && passages.length < count; n++) {
      passages.push({
        id: `${id}/p${n}`,
        articleId: id,
        text: `${run(15, 60)} ${run(5, 30)}`,
        ...(n === 1 && a % 3 === 0 ? { caption: true } : {}),
        entityIds: [],
        eventIds: [],
        mentions: [],
      });
    }
  }
  if (catalog) {
    const recognizer = createRecognizer(recognizerDataOf(catalog));
    for (let start = 0; start < passages.length; start += perArticle) {
      const group = passages.slice(start, start + perArticle);
      const found = recognizer.recognize(group.map((p) => ({ text: p.text, main: true })));
      group.forEach((passage, block) => {
        passage.entityIds = [
          ...new Set(found.mentions.filter((m) => m.block === block).map((m) => m.entityId)),
        ];
        passage.eventIds = [...new Set(found.events.filter((e) => e.block === block).map((e) => e.eventId))];
      });
    }
  }
  return {
    version: 1,
    articles,
    passages,
    entities: catalog?.entities ?? [],
    events: catalog?.events ?? [],
    disagreements: [],
  };
}

/** Times every query `rounds` times, after one warm-up round unless `warm` is false. */
function timeQueries(run: (query: string) => unknown, rounds: number, warm = true): Map<string, number[]> {
  if (warm) for (const { query } of BENCH_QUERIES) run(query);
  const samples = new Map<string, number[]>(BENCH_QUERIES.map(({ query }) => [query, []]));
  for (let round = 0; round < rounds; round++) {
    for (const { query } of BENCH_QUERIES) {
      const started = performance.now();
      run(query);
      samples.get(query)?.push(performance.now() - started);
    }
  }
  return samples;
}

/** Measures ours against the baseline on one corpus and index. */
function benchCase(
  name: string,
  corpus: BuiltCorpus,
  index: MiniSearch<SearchDocument>,
  rounds: number,
  targetP95Ms: number,
): SearchBenchCase {
  const search = createCorpusSearch(corpus, index);
  const ours = timeQueries((query) => searchCorpus(search, { query, limit: 20 }), rounds);
  const baseline = timeQueries(
    (query) => index.search(query, { prefix: true, fuzzy: 0.2 }).slice(0, 20),
    rounds,
  );
  const all = (samples: Map<string, number[]>) => statsOf([...samples.values()].flat());
  const oursStats = all(ours);
  const baselineStats = all(baseline);
  const p95ByKind = {} as Record<QueryKind, number>;
  for (const kind of ['word', 'prefix', 'misspelt', 'two words'] as const) {
    const samples = BENCH_QUERIES.filter((q) => q.kind === kind).flatMap((q) => ours.get(q.query) ?? []);
    p95ByKind[kind] = statsOf(samples).p95;
  }
  const slowest = [...ours]
    .map(([query, samples]) => ({ query, p95: statsOf(samples).p95 }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3);
  return {
    corpus: name,
    passages: corpus.passages.length,
    targetP95Ms: targetP95Ms,
    ours: oursStats,
    baseline: baselineStats,
    speedupP50: baselineStats.p50 / Math.max(oursStats.p50, 1e-6),
    speedupP95: baselineStats.p95 / Math.max(oursStats.p95, 1e-6),
    p95ByKind,
    slowest,
    meetsTarget: oursStats.p95 < targetP95Ms,
  };
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Reads the seed texts, or null when the seeds folder is not beside the repository. */
async function readSeeds(): Promise<string[] | null> {
  const dir = path.resolve(repoRoot, '..', 'shared', 'seeds');
  if (!existsSync(dir)) return null;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
}

/**
 * Runs the search benchmark: the bundled corpus (public/data, after `npm run corpus`) and a
 * synthetic one of `syntheticPassages` passages from the seeds. Missing inputs are skipped
 * with a message in `skipped`.
 */
export async function runSearchBench(
  options: { syntheticPassages?: number; loadRuns?: number } = {},
): Promise<SearchBenchReport> {
  const report: SearchBenchReport = { cases: [], scale: null, skipped: [] };
  const dataDir = path.join(repoRoot, 'public', 'data');
  let bundled: BuiltCorpus | undefined;
  if (existsSync(path.join(dataDir, 'corpus.json')) && existsSync(path.join(dataDir, 'search-index.json'))) {
    bundled = await readJson<BuiltCorpus>(path.join(dataDir, 'corpus.json'));
    const json = await readFile(path.join(dataDir, 'search-index.json'), 'utf8');
    const index = await loadSearchIndex(json, { source: 'public/data/search-index.json' });
    report.cases.push(benchCase('bundled', bundled, index, 30, 5));
  } else {
    report.skipped.push('bundled corpus: public/data/*.json missing (run `npm run corpus`)');
  }

  const seeds = await readSeeds();
  if (!seeds) {
    report.skipped.push('synthetic corpus: ../shared/seeds not found beside the repository');
    return report;
  }
  const count = options.syntheticPassages ?? 100_000;
  const corpus = syntheticCorpus(seeds, count, bundled);
  let started = performance.now();
  const built = buildSearchIndex(corpus);
  const buildIndexMs = performance.now() - started;
  const json = JSON.stringify(built);
  const corpusJson = JSON.stringify(corpus);
  started = performance.now();
  JSON.parse(corpusJson);
  const corpusParseMs = performance.now() - started;

  const loadRuns = options.loadRuns ?? 5;
  const baselineMs: number[] = [];
  const ours: Array<{ totalMs: number; longestSliceMs: number; slices: number }> = [];
  let reference: MiniSearch<SearchDocument> | null = null;
  let index: MiniSearch<SearchDocument> | null = null;
  for (let run = 0; run < loadRuns; run++) {
    reference = null;
    started = performance.now();
    reference = MiniSearch.loadJSON<SearchDocument>(json, searchIndexOptions);
    baselineMs.push(performance.now() - started);
    index = null;
    const timed = await timedLoad(json);
    index = timed.index;
    ours.push(timed);
  }
  if (!reference || !index) throw new Error('no load runs');
  const median = (values: number[]) =>
    quantile(
      [...values].sort((a, b) => a - b),
      0.5,
    );

  // Cold: the first queries on the index just loaded decode the terms they touch.
  started = performance.now();
  const search = createCorpusSearch(corpus, index);
  const prepareMs = performance.now() - started;
  const cold = timeQueries((query) => searchCorpus(search, { query, limit: 20 }), 1, false);
  const referenceSearch = createCorpusSearch(corpus, reference);
  const sameResults = BENCH_QUERIES.every(({ query }) => {
    const a = { ...searchCorpus(search, { query, limit: 20 }), tookMs: 0 };
    const b = { ...searchCorpus(referenceSearch, { query, limit: 20 }), tookMs: 0 };
    return JSON.stringify(a) === JSON.stringify(b);
  });
  const loadMs = median(ours.map((r) => r.totalMs));
  report.scale = {
    passages: count,
    buildIndexMs,
    indexMegabytes: json.length / 1e6,
    loadRuns,
    loadJsonMs: median(baselineMs),
    loadMs,
    longestSliceMs: median(ours.map((r) => r.longestSliceMs)),
    worstSliceMs: Math.max(...ours.map((r) => r.longestSliceMs)),
    slices: median(ours.map((r) => r.slices)),
    prepareMs,
    readyMs: loadMs + prepareMs,
    meetsTarget: loadMs + prepareMs <= READY_TARGET_MS,
    coldSearch: statsOf([...cold.values()].flat()),
    sameResults,
    corpusParseMs,
  };
  report.cases.push(benchCase(`synthetic ${count.toLocaleString('en')}`, corpus, index, 5, 25));
  return report;
}

/** Loads the index as the background does, timing the whole load and each stretch between pauses. */
async function timedLoad(
  json: string,
): Promise<{ index: MiniSearch<SearchDocument>; totalMs: number; longestSliceMs: number; slices: number }> {
  let longestSliceMs = 0;
  let slices = 0;
  const started = performance.now();
  let resumed = started;
  const index = await loadSearchIndex(json, {
    source: 'synthetic index',
    pause: async () => {
      longestSliceMs = Math.max(longestSliceMs, performance.now() - resumed);
      slices++;
      await yieldToEventLoop();
      resumed = performance.now();
    },
  });
  const finished = performance.now();
  longestSliceMs = Math.max(longestSliceMs, finished - resumed);
  return { index, totalMs: finished - started, longestSliceMs, slices: slices + 1 };
}

/** Prints the report as tables. */
export function printSearchBench(report: SearchBenchReport): void {
  const ms = (n: number) => n.toFixed(2);
  console.log('\nSearch latency (ms): ours = searchCorpus, baseline = MiniSearch prefix: true, fuzzy: 0.2');
  console.table(
    report.cases.map((c) => ({
      corpus: c.corpus,
      passages: c.passages,
      'ours p50': ms(c.ours.p50),
      'ours p95': ms(c.ours.p95),
      'ours max': ms(c.ours.max),
      'baseline p50': ms(c.baseline.p50),
      'baseline p95': ms(c.baseline.p95),
      'speed-up p50': `${c.speedupP50.toFixed(1)}x`,
      'speed-up p95': `${c.speedupP95.toFixed(1)}x`,
      target: `p95 < ${c.targetP95Ms}`,
      met: c.meetsTarget ? 'yes' : 'NO',
    })),
  );
  console.log('Our p95 by query kind (ms), and the slowest queries');
  console.table(
    report.cases.map((c) => ({
      corpus: c.corpus,
      ...Object.fromEntries(Object.entries(c.p95ByKind).map(([kind, p95]) => [kind, ms(p95)])),
      slowest: c.slowest.map((s) => `${s.query} ${ms(s.p95)}`).join(', '),
    })),
  );
  if (report.scale) {
    const s = report.scale;
    console.log(
      `Index at ${s.passages.toLocaleString('en')} passages: build ${Math.round(s.buildIndexMs)} ms, ` +
        `${s.indexMegabytes.toFixed(1)} MB of JSON; load medians of ${s.loadRuns} runs, alternating`,
    );
    console.table([
      {
        load: 'MiniSearch.loadJSON (baseline)',
        'total (ms)': Math.round(s.loadJsonMs),
        'longest slice (ms)': Math.round(s.loadJsonMs),
        slices: 1,
      },
      {
        load: 'loadSearchIndex (ours)',
        'total (ms)': Math.round(s.loadMs),
        'longest slice (ms)': `${ms(s.longestSliceMs)} (worst run ${ms(s.worstSliceMs)})`,
        slices: s.slices,
      },
    ]);
    console.table([
      {
        'ours load (ms)': Math.round(s.loadMs),
        'planner set-up (ms)': Math.round(s.prepareMs),
        'ready (ms)': Math.round(s.readyMs),
        target: `<= ${READY_TARGET_MS}`,
        met: s.meetsTarget ? 'yes' : 'MISSED',
        'vs loadJSON': `${(s.loadJsonMs / Math.max(s.loadMs, 1e-6)).toFixed(1)}x faster`,
        'same results': s.sameResults ? 'yes' : 'NO',
        'cold query p95 / max (ms)': `${ms(s.coldSearch.p95)} / ${ms(s.coldSearch.max)}`,
        'corpus.json parse (ms)': Math.round(s.corpusParseMs),
      },
    ]);
  }
  for (const line of report.skipped) console.log(`skipped: ${line}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runSearchBench().then(printSearchBench, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
