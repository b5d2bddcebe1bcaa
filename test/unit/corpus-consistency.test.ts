import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltCorpus } from '../../src/core/corpus-types';
import { articleParagraphs, buildCorpus } from '../../src/corpus/build/build-corpus';
import { loadCatalog } from '../../src/corpus/build/load-catalog';
import { readCorpusSources } from '../../src/corpus/build/read-corpus-sources';
import { unquotedStatements } from '../../src/corpus/build/unquoted-statements';
import { isNearDuplicate } from '../../src/corpus/import/similarity';

/**
 * Repo-wide promises of the committed corpus: built from corpus/ exactly as `npm run corpus`
 * builds it, checked against the raw seeds where they are present.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const BOILERPLATE = [
  'Placeholder while article actions load',
  'IE 11 is not supported',
  'Subscribe free to our daily newsletter',
  '3 Min Read',
  'Read more',
  'Please follow and like us',
  'Our Standards:',
  'Democracy Dies in Darkness',
  'Venezuela’s military, despite U.S. expectations, has not turned on Maduro',
  'U.S. stalls F-35 supplies to Turkey over dispute',
  'Related Coverage',
  'Related Posts',
  'About the Author',
];

let corpus: BuiltCorpus;

beforeAll(async () => {
  const sources = await readCorpusSources(repoRoot);
  const texts = new Map(sources.articles.map((a) => [a.meta.id, articleParagraphs(a)]));
  const { catalog, errors } = loadCatalog(sources.catalog, texts);
  expect(errors.map((e) => e.message)).toEqual([]);
  corpus = buildCorpus(sources.articles, catalog).corpus;
});

describe('the committed corpus', () => {
  it('quotes the articles for every role, summary and date basis', () => {
    expect(unquotedStatements(corpus).map((s) => s.message)).toEqual([]);
  });

  it('tags no actor from a photo credit ("Photograph: …/Reuters", "REUTERS/…")', () => {
    const credited = corpus.passages.filter((p) => p.caption && /Reuters|REUTERS/.test(p.text));
    expect(credited.length).toBeGreaterThan(0);
    for (const passage of credited) expect(passage.entityIds, passage.id).not.toContain('reuters');
  });

  it('has the seven articles with outlet and headline', () => {
    expect(corpus.articles).toHaveLength(7);
    expect(new Set(corpus.articles.map((a) => a.outlet))).toEqual(
      new Set(['The Washington Post', 'Slate', 'NBC News', 'PanAm Post', 'Reuters', 'The Guardian', 'Vox']),
    );
    for (const article of corpus.articles) {
      expect(article.headline.length).toBeGreaterThan(10);
      expect(article.published === null || /^\d{4}-\d{2}-\d{2}$/.test(article.published)).toBe(true);
      // A date is stated, or inferred with its basis; never invented silently.
      if (!article.published) expect(article.dateInferred?.basis.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('quotes every passage verbatim from its seed', () => {
    if (!existsSync(seedsDir)) return expect.fail(`seeds not found at ${seedsDir}`);
    const seeds = new Map(
      readdirSync(seedsDir).map((name) => [name, readFileSync(`${seedsDir}${name}`, 'utf8')]),
    );
    const seedOf = new Map(corpus.articles.map((a) => [a.id, seeds.get(a.seed) ?? '']));
    for (const passage of corpus.passages) {
      expect(seedOf.get(passage.articleId), passage.id).toContain(passage.text);
    }
  });

  it('has no near-duplicate passages and no boilerplate', () => {
    const passages = corpus.passages;
    for (let i = 0; i < passages.length; i++) {
      for (let j = i + 1; j < passages.length; j++) {
        const a = passages[i];
        const b = passages[j];
        if (a && b) expect(isNearDuplicate(a.text, b.text), `${a.id} ~ ${b.id}`).toBe(false);
      }
      for (const phrase of BOILERPLATE) expect(passages[i]?.text, passages[i]?.id).not.toContain(phrase);
    }
  });

  it('gives every entity and event at least one passage, and every passage a known source', () => {
    const articleIds = new Set(corpus.articles.map((a) => a.id));
    const mentioned = new Set(corpus.passages.flatMap((p) => p.entityIds));
    const reported = new Set(corpus.passages.flatMap((p) => p.eventIds));
    expect(corpus.entities.filter((e) => !mentioned.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(corpus.events.filter((e) => !reported.has(e.id)).map((e) => e.id)).toEqual([]);
    for (const passage of corpus.passages) expect(articleIds.has(passage.articleId)).toBe(true);
  });

  it('records where each passage names its entities and events, so cards need no recognition', () => {
    for (const passage of corpus.passages) {
      const ids = new Set([...passage.entityIds, ...passage.eventIds]);
      expect(new Set(passage.mentions.map((m) => m.id)), passage.id).toEqual(ids);
      let previous = -1;
      for (const mention of passage.mentions) {
        expect(mention.start).toBeGreaterThanOrEqual(previous);
        expect(mention.end).toBeLessThanOrEqual(passage.text.length);
        expect(passage.text.slice(mention.start, mention.end).trim().length, passage.id).toBeGreaterThan(0);
        previous = mention.start;
      }
    }
    const putin = corpus.passages.flatMap((p) =>
      p.mentions.filter((m) => m.id === 'vladimir-putin').map((m) => p.text.slice(m.start, m.end)),
    );
    expect(putin).toEqual(expect.arrayContaining(['Vladimir Putin', 'Putin']));
  });

  it('catalogs the story: the main actors and at least fifteen events', () => {
    const ids = new Set(corpus.entities.map((e) => e.id));
    for (const name of [
      'Maduro',
      'Guaidó',
      'Putin',
      'Trump',
      'Bolton',
      'Pompeo',
      'Lavrov',
      'Rosneft',
      'Rostec',
      'Wagner',
      'Lima',
    ]) {
      expect(
        corpus.entities.some((e) => e.name.includes(name)),
        name,
      ).toBe(true);
    }
    expect(ids.size).toBe(corpus.entities.length);
    expect(corpus.events.length).toBeGreaterThanOrEqual(15);
    expect(corpus.disagreements.length).toBeGreaterThanOrEqual(3);
  });
});
