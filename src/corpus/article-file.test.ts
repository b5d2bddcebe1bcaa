import { describe, expect, it } from 'vitest';
import { type ArticleFile, formatArticleFile, parseArticleFile } from './article-file';

const sample: ArticleFile = {
  meta: {
    id: 'reuters-russia-says-it-sent',
    outlet: 'Reuters',
    headline: 'Russia says it sent "specialists" to Venezuela, rebuffs Trump',
    standfirst: 'Moscow: “no threat”',
    url: 'https://uk.reuters.com/article/uk-v...ists-to-venezuela',
    urlNote: "cut short with '...' in the saved text",
    published: '2019-03-28',
    authors: ['Tom Balmforth', 'Maxim Rodionov'],
    seed: '004.txt',
    notes: ['Reporting by Maxim Rodionov; Editing by Gareth Jones'],
  },
  blocks: [
    {
      kind: 'paragraph',
      text: 'MOSCOW (Reuters) - Russia said on Thursday it had sent “specialists”.',
      line: 0,
    },
    { kind: 'caption', text: 'A supporter waves a flag. REUTERS/Carlos Garcia Rawlins', line: 0 },
    { kind: 'heading', text: 'Why is Russia interested?', line: 0 },
    { kind: 'paragraph', text: 'Guaidó’s “interim” presidency: 100 troops — or more.', line: 0 },
  ],
};

/** A valid file whose front matter starts at line 1 and body at line 9. */
const valid = [
  '---',
  'id: vox-why-russia-just-sent',
  'outlet: Vox',
  'headline: Why Russia just sent troops to Venezuela',
  'url: null',
  'published: 2019-03-27',
  'authors: [Alex Ward]',
  'seed: 004.txt',
  '---',
  '',
  'First paragraph.',
  '',
  '> A caption. Federico Parra/AFP/Getty Images',
  '',
  '## Russia has had ties to Venezuela for decades',
  '',
].join('\n');

/** Parses and returns the thrown message, failing the test when nothing is thrown. */
function errorOf(text: string): string {
  try {
    parseArticleFile(text, 'corpus/articles/x.md');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('formatArticleFile / parseArticleFile', () => {
  it('round-trips metadata and blocks, with the lines the blocks are written on', () => {
    const text = formatArticleFile(sample);
    const parsed = parseArticleFile(text, 'x.md');
    expect(parsed.meta).toEqual(sample.meta);
    expect(parsed.blocks.map(({ kind, text }) => ({ kind, text }))).toEqual(
      sample.blocks.map(({ kind, text }) => ({ kind, text })),
    );
    const lines = text.split('\n');
    for (const block of parsed.blocks) {
      expect(lines[block.line - 1]).toContain(block.text);
    }
    expect(formatArticleFile(parsed)).toBe(text);
  });

  it('writes the documented layout: fences, markers, one blank line between blocks', () => {
    const text = formatArticleFile(sample);
    expect(text.startsWith('---\nid: reuters-russia-says-it-sent\n')).toBe(true);
    expect(text).toContain(
      '\n> A supporter waves a flag. REUTERS/Carlos Garcia Rawlins\n\n## Why is Russia interested?\n',
    );
    expect(text).toContain('published: 2019-03-28\n');
    expect(text).not.toContain('dateInferred');
  });

  it('reads null URL and dates as plain values, and the block kinds by marker', () => {
    const parsed = parseArticleFile(valid, 'v.md');
    expect(parsed.meta.url).toBeNull();
    expect(parsed.meta.published).toBe('2019-03-27');
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph.', line: 11 },
      { kind: 'caption', text: 'A caption. Federico Parra/AFP/Getty Images', line: 13 },
      { kind: 'heading', text: 'Russia has had ties to Venezuela for decades', line: 15 },
    ]);
  });

  it('refuses to write a block that would not read back the same', () => {
    const multi = { ...sample, blocks: [{ kind: 'paragraph' as const, text: 'a\nb', line: 3 }] };
    expect(() => formatArticleFile(multi)).toThrow(/single-line/);
    const marker = { ...sample, blocks: [{ kind: 'paragraph' as const, text: '> quoted', line: 3 }] };
    expect(() => formatArticleFile(marker)).toThrow(/marker/);
  });
});

describe('parse errors name file and line', () => {
  it('a missing front matter', () => {
    expect(errorOf('Just text\n')).toMatch(/^corpus\/articles\/x\.md:1: /);
  });

  it('an unclosed front matter', () => {
    expect(errorOf('---\nid: a\n')).toMatch(/^corpus\/articles\/x\.md:1: .*never closed/);
  });

  it('bad YAML', () => {
    expect(errorOf(valid.replace('authors: [Alex Ward]', 'authors: [Alex Ward'))).toMatch(
      /^corpus\/articles\/x\.md:\d+: bad YAML/,
    );
    expect(errorOf(valid.replace('outlet: Vox', 'outlet: Vox\noutlet: Vox'))).toMatch(
      /^corpus\/articles\/x\.md:4: bad YAML/,
    );
  });

  it('a missing outlet, pointing at the closing fence', () => {
    expect(errorOf(valid.replace('outlet: Vox\n', ''))).toBe(
      'corpus/articles/x.md:8: missing required key "outlet"',
    );
  });

  it('a bad date, on its own line', () => {
    expect(errorOf(valid.replace('2019-03-27', '2019-02-30'))).toMatch(
      /^corpus\/articles\/x\.md:6: "published"/,
    );
    expect(errorOf(valid.replace('2019-03-27', 'March 27, 2019'))).toMatch(/^corpus\/articles\/x\.md:6: /);
  });

  it('an unknown key', () => {
    expect(errorOf(valid.replace('seed:', 'sede:'))).toBe('corpus/articles/x.md:8: unknown key "sede"');
  });

  it('a wrong type in a nested key', () => {
    const text = valid.replace('url: null', 'url: null\ndateInferred:\n  date: soon\n  basis: guess');
    expect(errorOf(text)).toMatch(/^corpus\/articles\/x\.md:7: "dateInferred\.date"/);
  });

  it('a block spanning two lines, and a malformed marker', () => {
    expect(errorOf(valid.replace('First paragraph.', 'First paragraph.\ncontinued'))).toMatch(
      /^corpus\/articles\/x\.md:12: a block must be a single line/,
    );
    expect(errorOf(valid.replace('## Russia', '### Russia'))).toMatch(/^corpus\/articles\/x\.md:15: /);
    expect(errorOf(valid.replace('> A caption', '>A caption'))).toMatch(/^corpus\/articles\/x\.md:13: /);
  });
});
