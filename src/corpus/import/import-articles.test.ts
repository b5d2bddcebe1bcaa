import { describe, expect, it } from 'vitest';
import { articleId } from './article-id';
import { bylineAuthors, statedDate } from './dates-and-bylines';
import { importSeeds } from './import-articles';
import { readSeedLines } from './seed-lines';
import { isNearDuplicate } from './similarity';
import { splitArticles } from './split-articles';

const reutersCopy = [
  'World News',
  'March 28, 2019 / 6:00 PM / 7 days ago',
  'Russia says it sent troops',
  'Ann Writer, Bob Writer',
  '3 Min Read',
  'MOSCOW (Reuters) - Russia said on Thursday it had sent specialists to the country.',
  'Related Coverage',
  'Russia has emerged as a staunch backer of the president while others impose sanctions.',
  'U.S. stalls F-35 supplies to Turkey over dispute',
  'Maduro has said Guaido is a puppet of the United States.',
  'Reporting by Bob Writer; Editing by Cy Editor',
  'Our Standards:The Thomson Reuters Trust Principles.',
];
const guardian = [
  'https://www.theguardian.com/world/2...in-venezuela-to-discuss',
  'Venezuela',
  'Russian military arrive in Venezuela',
  'Arrival of soldiers signals support',
  'Andrew Roth in Moscow',
  'Mon 25 Mar 2019 16.55 GMT First published on Sun 24 Mar 2019 04.13 GMT',
  'Shares',
  '1,606',
  'A plane at the airport in Caracas, Venezuela. Photograph: Carlos Jasso/Reuters',
  'Russian military officials have arrived in Venezuela to discuss equipment maintenance.',
  'Barter and dollars the new reality as Venezuela battles hyperinflation',
  'Read more',
  'A picture of a Russian-flagged aircraft showed men in uniform on the tarmac.',
  'Agence France-Presse and Reuters contributed to this report.',
];
const vox = [
  'https://www.vox.com/2019/3/27/123/venezuela-russia',
  'Why Russia just sent troops to Venezuela',
  'Trump wants them out.',
  'By Alex Ward@AlexWardVox[email protected] Mar 27, 2019, 12:50pm EDT',
  'Share',
  'Russian personnel stand in front of an aircraft at the airport on December 10, 2018. Federico Parra/AFP/Getty Images',
  'Russia recently sent two military planes full of troops and equipment to Venezuela.',
  'Russia has had ties to Venezuela for decades',
  'The Trump administration says it is trying to remove Maduro because of mismanagement.',
];

/** Imports one synthetic seed and returns the result. */
function importText(text: string, name = 'seed.txt') {
  return importSeeds([{ name, text }]);
}

describe('splitting a seed into articles', () => {
  it('starts an article at each URL line, and a URL-less copy where an opening repeats', () => {
    const text = [`https://uk.reuters.com/article/x`, ...reutersCopy, ...guardian, ...reutersCopy].join('\n');
    const chunks = splitArticles(readSeedLines(text));
    expect(chunks.map((c) => [c.url, c.firstLine, c.lastLine, c.repeatsChunk])).toEqual([
      ['https://uk.reuters.com/article/x', 1, 13, undefined],
      [guardian[0], 14, 27, undefined],
      [null, 28, 39, 0],
    ]);
  });
});

describe('importSeeds on synthetic pages', () => {
  it('drops a duplicate article, keeping the more complete copy, and reports it', () => {
    const withoutCaption = vox.filter((l) => !l.includes('Getty'));
    const { articles, report } = importText([...withoutCaption, ...vox].join('\n'));
    expect(articles).toHaveLength(1);
    expect(articles[0]?.file.blocks.some((b) => b.kind === 'caption')).toBe(true);
    expect(report.duplicateArticles).toEqual([
      expect.objectContaining({ firstLine: 1, lastLine: 8, keptId: 'vox-why-russia-just-sent' }),
    ]);
    expect(articles[0]?.file.meta.notes?.join(' ')).toMatch(/\(lines 1-8\) was dropped as a duplicate/);
  });

  it('keeps distinct articles of the same outlet apart', () => {
    const other = vox.map((l, i) =>
      i === 1 ? 'Another headline entirely' : i >= 6 ? `${l} Different sentence added here.` : l,
    );
    expect(importText([...vox, ...other].join('\n')).articles).toHaveLength(2);
  });

  it('drops the caption repeated without its photo credit, keeping the one with it', () => {
    const text = [
      'The Washington PostDemocracy Dies in Darkness',
      '',
      'A headline about things',
      '',
      'Opposition leader Juan Guaidó delivers a speech in Socopo, Venezuela, over the weekend.',
      'Opposition leader Juan Guaidó delivers a speech in Socopo, Venezuela, over the weekend. (Yuri Cortez/AFP/Getty Images)',
      'Placeholder while article actions load',
      '',
      'President Trump said Monday that Russia had removed most of their people.',
    ].join('\n');
    const { articles, report } = importText(text);
    const blocks = articles[0]?.file.blocks ?? [];
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      [
        'caption',
        'Opposition leader Juan Guaidó delivers a speech in Socopo, Venezuela, over the weekend. (Yuri Cortez/AFP/Getty Images)',
      ],
      ['paragraph', 'President Trump said Monday that Russia had removed most of their people.'],
    ]);
    expect(report.nearDuplicateBlocks).toEqual([expect.objectContaining({ line: 5, keptLine: 6 })]);
  });

  it('removes chrome, related links and teasers but keeps subheads as headings', () => {
    const reuters = importText(['https://uk.reuters.com/article/x', ...reutersCopy].join('\n'));
    const texts = reuters.articles[0]?.file.blocks.map((b) => b.text) ?? [];
    expect(texts).toEqual([
      reutersCopy[5],
      'Russia has emerged as a staunch backer of the president while others impose sanctions.',
      'Maduro has said Guaido is a puppet of the United States.',
    ]);
    expect(reuters.report.removedLines.map((r) => r.text)).toEqual(
      expect.arrayContaining([
        'World News',
        '3 Min Read',
        'Related Coverage',
        'U.S. stalls F-35 supplies to Turkey over dispute',
      ]),
    );

    const g = importText(guardian.join('\n')).articles[0];
    expect(g?.file.blocks.map((b) => b.text).join('\n')).not.toMatch(
      /Barter|Read more|Shares|1,606|Venezuela\n/,
    );

    const panam = [
      'Russia withdraws personnel',
      '',
      'Russia has made it clear that it does not support any military solution.',
      '',
      'Subscribe free to our daily newsletter',
      '',
      'Related Posts',
      '',
      'Why Doesn’t Elizabeth Warren Fund Her Own Childcare Plan?',
      '',
      '30 years after the Tiananmen massacre, socialist tanks are still…',
      '',
      'Analysts told PanAm Post that Russia has neither the interest nor the capacity.',
      '',
      'Russia and its economic interests',
      '',
      'Putin has backed Maduro because of these debts.',
      '',
      'This post was originally posted on PanAm Post – View Original Article',
      '',
      'Please follow and like us:',
      '',
      'About the Author',
      '',
      'Have lived and invested in Venezuela full time for the last eight years.',
    ].join('\n');
    const p = importText(panam).articles[0];
    expect(p?.file.meta.outlet).toBe('PanAm Post');
    expect(p?.file.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Russia has made it clear that it does not support any military solution.'],
      ['paragraph', 'Analysts told PanAm Post that Russia has neither the interest nor the capacity.'],
      ['heading', 'Russia and its economic interests'],
      ['paragraph', 'Putin has backed Maduro because of these debts.'],
    ]);
    expect(p?.file.meta.notes?.[0]).toMatch(/^Repost: .*originally posted on PanAm Post/);
  });

  it('treats short questions as subheads on a subhead site, long ones as paragraphs', () => {
    const nbc = [
      'IE 11 is not supported. For an optimal experience visit our site on another browser.',
      '',
      'Are they going to work it out?',
      '',
      'Analysis: a standfirst line.',
      'Opponents demonstrate in Caracas on May 4, 2019.Ronaldo Schemidt / AFP - Getty Images',
      '',
      'MIAMI — Will the United States be hashing out Venezuela policy with Russia and Cuba?',
      '',
      'Why is Cuba interested?',
      '',
      'Cuba and Venezuela have had a tight alliance over the past two decades.',
    ].join('\n');
    const a = importText(nbc).articles[0];
    expect(a?.file.meta.standfirst).toBe('Analysis: a standfirst line.');
    expect(a?.file.blocks.map((b) => b.kind)).toEqual(['caption', 'paragraph', 'heading', 'paragraph']);
  });

  it('keeps captions (alt text and caption lines) verbatim and moves a credit-only line to notes', () => {
    const slate = [
      'The Slatest',
      '',
      'The U.S. Wants Russian Troops Out',
      '',
      'Trump and Rosales are seated in the Oval Office.',
      'President Donald Trump meets with Fabiana Rosales on March 27, 2019.',
      'Win McNamee/Getty Images',
      '',
      'Bolton warned on Friday that the United States considers the presence a threat.',
    ].join('\n');
    const a = importText(slate).articles[0];
    expect(a?.id).toBe('slate-wants-russian-troops-out');
    expect(a?.file.blocks.map((b) => b.kind)).toEqual(['caption', 'caption', 'paragraph']);
    expect(a?.file.meta.notes).toEqual([
      expect.stringMatching(/Slatest/),
      'Photo credit line kept out of the body: “Win McNamee/Getty Images”',
    ]);
    expect(a?.file.meta.published).toBeNull();
    expect(a?.file.meta.dateInferred?.date).toBe('2019-03-27');
    expect(a?.file.meta.dateInferred?.basis).toMatch(/^inferred/);
  });

  it('reads metadata from datelines and bylines, keeping a truncated URL as given', () => {
    const g = importText(guardian.join('\n')).articles[0]?.file.meta;
    expect(g).toMatchObject({
      outlet: 'The Guardian',
      headline: 'Russian military arrive in Venezuela',
      standfirst: 'Arrival of soldiers signals support',
      url: guardian[0],
      published: '2019-03-24',
      authors: ['Andrew Roth'],
    });
    expect(g?.urlNote).toMatch(/cut short/);
    expect(g?.notes).toContain('Agence France-Presse and Reuters contributed to this report.');

    const v = importText(vox.join('\n')).articles[0]?.file.meta;
    expect(v).toMatchObject({
      published: '2019-03-27',
      authors: ['Alex Ward'],
      standfirst: 'Trump wants them out.',
    });
    expect(v?.urlNote).toBeUndefined();

    const r = importText(['https://uk.reuters.com/a', ...reutersCopy].join('\n')).articles[0]?.file.meta;
    expect(r).toMatchObject({ published: '2019-03-28', authors: ['Ann Writer', 'Bob Writer'] });
    expect(r?.notes).toEqual(['Reporting by Bob Writer; Editing by Cy Editor']);
  });

  it('invents no URL or date where the page gives none', () => {
    const text = [
      'The Slatest',
      '',
      'A headline here',
      '',
      'Bolton warned on Friday that things happened.',
    ].join('\n');
    const meta = importText(text).articles[0]?.file.meta;
    expect(meta?.url).toBeNull();
    expect(meta?.published).toBeNull();
    expect(meta?.dateInferred).toBeUndefined();
  });

  it('skips and reports a page whose outlet it cannot tell', () => {
    const { articles, report } = importText('A headline\n\nA paragraph of some text here.');
    expect(articles).toEqual([]);
    expect(report.warnings[0]).toMatch(/outlet not recognised/);
  });
});

describe('rules', () => {
  it('ids: outlet slug plus four significant headline words', () => {
    expect(
      articleId('The Washington Post', 'Trump remark on Russian presence in Venezuela is puzzling'),
    ).toBe('the-washington-post-trump-remark-russian-presence');
    expect(articleId('NBC News', 'Are U.S., Russia and Cuba going to work to break the impasse?')).toBe(
      'nbc-news-russia-cuba-going-work',
    );
    expect(articleId('Reuters', 'Russia says it sent "specialists" to Venezuela')).toBe(
      'reuters-russia-says-it-sent',
    );
    expect(articleId('Día', 'Guaidó’s allies aren’t here')).toBe('dia-guaidos-allies-arent-here');
  });

  it('dates and bylines', () => {
    expect(statedDate('March 28, 2019 / 6:00 PM / 7 days ago')).toBe('2019-03-28');
    expect(statedDate('Mon 25 Mar 2019 16.55 GMT First published on Sun 24 Mar 2019 04.13 GMT')).toBe(
      '2019-03-24',
    );
    expect(statedDate('Tom Balmforth, Maxim Rodionov')).toBeNull();
    expect(statedDate('February 30, 2019')).toBeNull();
    expect(bylineAuthors('By Alex Ward@AlexWardVox[email protected] Mar 27, 2019, 12:50pm EDT')).toEqual([
      'Alex Ward',
    ]);
    expect(bylineAuthors('Andrew Roth in Moscow')).toEqual(['Andrew Roth']);
  });

  it('near-duplicates: contained copies match, different sentences and short lines do not', () => {
    expect(
      isNearDuplicate('One two three four five six seven.', 'One two three four five six seven. (A/B)'),
    ).toBe(true);
    expect(
      isNearDuplicate('One two three four five six seven.', 'Eight nine ten eleven twelve thirteen.'),
    ).toBe(false);
    expect(isNearDuplicate('Why is Cuba interested?', 'Why is Cuba interested?')).toBe(false);
  });
});
