import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROME_LINES } from './boilerplate';
import { importSeeds } from './import-articles';

/** The seed files, kept beside the repository (not in it). */
const seedDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(seedDir);

/** Phrases of site chrome and related-story links that must not survive the import. */
const BOILERPLATE = [
  'Democracy Dies in Darkness',
  'Placeholder while article actions load',
  'IE 11 is not supported',
  'Subscribe free to our daily newsletter',
  '3 Min Read',
  'Related Coverage',
  'Related Posts',
  'Please follow and like us',
  'About the Author',
  'originally posted on PanAm Post',
  'Thomson Reuters Trust Principles',
  'contributed to this report',
  'Reporting by',
  'Read more',
  'Elizabeth Warren',
  'Have lived and invested in Venezuela',
  'Venezuela’s military, despite U.S. expectations, has not turned on Maduro',
  'As Venezuela’s misery grows, U.S. focus shift to Cuba’s role',
  'U.S. stalls F-35 supplies to Turkey over dispute',
  'Barter and dollars the new reality as Venezuela battles hyperinflation',
  'Venezuela opposition fears crackdown after Maduro threatens arrests',
];

describe.skipIf(!haveSeeds)('import of the real seeds', () => {
  const seeds = haveSeeds
    ? readdirSync(seedDir)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => ({ name, text: readFileSync(`${seedDir}${name}`, 'utf8') }))
    : [];
  const { articles, report } = importSeeds(seeds);

  it('finds the seven articles under their ids', () => {
    expect(articles.map((a) => a.id).sort()).toEqual([
      'nbc-news-russia-cuba-going-work',
      'panam-post-russia-withdraws-personnel-venezuela',
      'reuters-russia-says-it-sent',
      'slate-wants-russian-troops-out',
      'the-guardian-russian-military-arrive-venezuela',
      'the-washington-post-trump-remark-russian-presence',
      'vox-why-russia-just-sent',
    ]);
    expect(report.duplicateArticles).toHaveLength(3);
  });

  it('keeps every paragraph, caption and heading verbatim from its seed', () => {
    for (const article of articles) {
      const seedText = seeds.find((s) => s.name === article.file.meta.seed)?.text ?? '';
      for (const block of article.file.blocks) expect(seedText).toContain(block.text);
    }
  });

  it('leaves no boilerplate in any block', () => {
    for (const article of articles) {
      for (const block of article.file.blocks) {
        for (const phrase of BOILERPLATE) expect(block.text).not.toContain(phrase);
        expect(CHROME_LINES.some((r) => r.test(block.text))).toBe(false);
      }
    }
  });

  it('gives every article an outlet and headline, and keeps the real subheads', () => {
    for (const { file } of articles) {
      expect(file.meta.outlet).not.toBe('');
      expect(file.meta.headline).not.toBe('');
    }
    const headings = articles.flatMap((a) =>
      a.file.blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
    );
    expect(headings.sort()).toEqual([
      'Has the U.S. gone too far?',
      'Russia and its economic interests',
      'Russia has had ties to Venezuela for decades',
      'Trump changes stance?',
      'Why is Cuba interested?',
      'Why is Russia interested?',
    ]);
  });
});
