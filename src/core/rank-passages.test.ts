import { existsSync, readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../corpus/build/search-index';
import type { ArticleMeta, BuiltCorpus, Entity, Passage } from './corpus-types';
import { contextTermsOf, emphasisFor, rankEntityPassages, rankEventPassages } from './rank-passages';
import { type SearchDocument, searchIndexOptions } from './search-options';

const entity = (id: string, name: string, type: Entity['type'], aliases: string[]): Entity => ({
  id,
  name,
  type,
  role: `${name} in the story`,
  roleQuotes: [],
  aliases: aliases.map((text) => ({ text })),
});

const article = (id: string, outlet: string, published: string | null): ArticleMeta => ({
  id,
  outlet,
  headline: `${outlet} report`,
  url: null,
  published,
  authors: [],
  seed: 'test',
});

let order = new Map<string, number>();
const passage = (
  articleId: string,
  text: string,
  entityIds: string[],
  extra: Partial<Passage> = {},
): Passage => {
  const n = (order.get(articleId) ?? 0) + 1;
  order.set(articleId, n);
  return { id: `${articleId}/p${n}`, articleId, text, entityIds, eventIds: [], mentions: [], ...extra };
};

function testCorpus(): BuiltCorpus {
  order = new Map();
  const putin = 'vladimir-putin';
  return {
    version: 1,
    articles: [
      article('wire', 'Wire', '2019-03-25'),
      article('daily', 'Daily', '2019-03-27'),
      article('weekly', 'Weekly', '2019-04-02'),
      article('blog', 'Blog', null),
    ],
    passages: [
      passage('wire', 'Putin spoke by phone with Trump for an hour on Friday about the crisis.', [putin]),
      passage(
        'wire',
        'Putin has long defended the loans that Rosneft, the state oil company, made to Caracas.',
        [putin],
      ),
      passage('daily', 'A photo of Putin at a summit.', [putin], { caption: true }),
      passage('daily', 'In a telephone call, Putin told Trump that Russia had no plans to get involved.', [
        putin,
      ]),
      passage('weekly', 'Rosneft oil deals and billions in debts explain why Putin backs the government.', [
        putin,
      ]),
      passage('weekly', 'Putin met his generals in Moscow.', [putin]),
      passage('blog', 'Oil prices fell and Rosneft shares followed.', []),
      passage('blog', 'Putin was said to be watching the oil markets closely, as Rosneft oil revenue fell.', [
        putin,
      ]),
    ],
    entities: [
      entity(putin, 'Vladimir Putin', 'person', ['Vladimir Putin', 'Putin']),
      entity('rosneft', 'Rosneft', 'organization', ['Rosneft']),
    ],
    events: [],
    disagreements: [],
  };
}

const indexOf = (corpus: BuiltCorpus): MiniSearch<SearchDocument> =>
  MiniSearch.loadJSON(JSON.stringify(buildSearchIndex(corpus)), searchIndexOptions);

describe('contextTermsOf', () => {
  it('keeps informative words, folded, without stopwords, numbers or the subject’s names', () => {
    const terms = contextTermsOf(
      'On Friday, Vladimir Putin’s phone call with Trump lasted 60 minutes in Caracas.',
      ['Vladimir Putin', 'Putin'],
    );
    expect([...terms.keys()]).toEqual(['phone', 'call', 'trump', 'lasted', 'minutes', 'caracas']);
  });

  it('counts repeated words (the sentence inside its paragraph)', () => {
    expect(contextTermsOf('Rosneft oil. Rosneft debts.', []).get('rosneft')).toBe(2);
  });
});

describe('rankEntityPassages', () => {
  it('gives different top passages for different page contexts', () => {
    const corpus = testCorpus();
    const index = indexOf(corpus);
    const call = rankEntityPassages(
      corpus,
      index,
      'vladimir-putin',
      'Trump said he had a phone call with Putin.',
      2,
    );
    const oil = rankEntityPassages(
      corpus,
      index,
      'vladimir-putin',
      'Putin defends Rosneft oil debts and loans.',
      2,
    );
    expect(call[0]?.id).toBe('wire/p1');
    expect(['wire/p2', 'weekly/p1']).toContain(oil[0]?.id);
    expect(call[0]?.id).not.toBe(oil[0]?.id);
  });

  it('only returns passages that mention the entity', () => {
    const corpus = testCorpus();
    const ranked = rankEntityPassages(
      corpus,
      indexOf(corpus),
      'vladimir-putin',
      'Rosneft shares and oil prices',
      10,
    );
    expect(ranked.map((p) => p.id)).not.toContain('blog/p1');
    expect(ranked).toHaveLength(7);
    expect(ranked.every((p) => p.entityIds.includes('vladimir-putin'))).toBe(true);
  });

  it('spreads the top passages across outlets', () => {
    const corpus = testCorpus();
    // Both Wire passages match "phone Trump" well; the second pick must come from another outlet.
    const ranked = rankEntityPassages(corpus, indexOf(corpus), 'vladimir-putin', 'phone call Trump', 2);
    const outlets = ranked.map((p) => p.articleId);
    expect(new Set(outlets).size).toBe(2);
    expect(ranked[1]?.id).toBe('daily/p2');
  });

  it('ranks a caption below paragraphs that match as well, and orders ties by date then position', () => {
    const corpus = testCorpus();
    const ranked = rankEntityPassages(corpus, indexOf(corpus), 'vladimir-putin', '', 7);
    // No informative words: one passage per outlet first (oldest first, undated last), captions last.
    expect(ranked.map((p) => p.id)).toEqual([
      'wire/p1',
      'daily/p2',
      'weekly/p1',
      'blog/p2',
      'wire/p2',
      'weekly/p2',
      'daily/p1',
    ]);
  });

  it('lets a caption through when it matches far better', () => {
    const corpus = testCorpus();
    const ranked = rankEntityPassages(corpus, indexOf(corpus), 'vladimir-putin', 'photo summit', 1);
    expect(ranked[0]?.id).toBe('daily/p1');
  });

  it('returns nothing for an unknown entity or a zero limit', () => {
    const corpus = testCorpus();
    expect(rankEntityPassages(corpus, indexOf(corpus), 'nobody', 'phone', 3)).toEqual([]);
    expect(rankEntityPassages(corpus, indexOf(corpus), 'vladimir-putin', 'phone', 0)).toEqual([]);
  });
});

describe('rankEventPassages', () => {
  it('gives one passage per outlet, oldest article first, undated last', () => {
    const corpus = testCorpus();
    const tag = (id: string) => {
      const p = corpus.passages.find((x) => x.id === id);
      if (p) p.eventIds = ['phone-call'];
    };
    for (const id of ['blog/p2', 'daily/p2', 'wire/p2', 'wire/p1', 'weekly/p1']) tag(id);
    corpus.articles.push(article('daily-2', 'Daily', '2019-03-20'));
    corpus.passages.push({
      id: 'daily-2/p1',
      articleId: 'daily-2',
      text: 'Earlier.',
      entityIds: [],
      eventIds: ['phone-call'],
      mentions: [],
    });
    expect(rankEventPassages(corpus, 'phone-call', 10).map((p) => p.id)).toEqual([
      'daily-2/p1',
      'wire/p1',
      'weekly/p1',
      'blog/p2',
    ]);
    expect(rankEventPassages(corpus, 'phone-call', 2)).toHaveLength(2);
    expect(rankEventPassages(corpus, 'other', 2)).toEqual([]);
  });
});

describe('emphasisFor', () => {
  const text = 'Vladimir Putin called Rosneft. Later Putin’s aide spoke.';
  const p = passage('wire', text, ['vladimir-putin', 'rosneft'], {
    mentions: [
      { id: 'vladimir-putin', start: 0, end: 14 },
      { id: 'rosneft', start: 22, end: 29 },
      { id: 'vladimir-putin', start: 37, end: 42 },
    ],
  });

  it('gives the ranges the build recorded for the subject only', () => {
    const ranges = emphasisFor(p, ['vladimir-putin']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Vladimir Putin', 'Putin']);
    expect(emphasisFor(p, ['lima-group'])).toEqual([]);
  });

  it('gives several subjects in text order', () => {
    const ranges = emphasisFor(p, ['rosneft', 'vladimir-putin']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Vladimir Putin', 'Rosneft', 'Putin']);
  });
});

const dataDir = new URL('../../public/data/', import.meta.url);
const built =
  existsSync(new URL('corpus.json', dataDir)) && existsSync(new URL('search-index.json', dataDir));

describe.skipIf(!built)('on the bundled corpus', () => {
  it('ranks Putin passages by the page context', () => {
    const corpus = JSON.parse(readFileSync(new URL('corpus.json', dataDir), 'utf8')) as BuiltCorpus;
    const index = MiniSearch.loadJSON<SearchDocument>(
      readFileSync(new URL('search-index.json', dataDir), 'utf8'),
      searchIndexOptions,
    );
    if (!corpus.entities.some((e) => e.id === 'vladimir-putin')) return;
    const call = rankEntityPassages(corpus, index, 'vladimir-putin', 'Trump had a phone call with Putin.', 3);
    const oil = rankEntityPassages(
      corpus,
      index,
      'vladimir-putin',
      'Putin, Rosneft oil, loans and debts.',
      3,
    );
    expect(call[0]?.text).toMatch(/phone|telephone/);
    expect(oil[0]?.id).not.toBe(call[0]?.id);
  });
});
