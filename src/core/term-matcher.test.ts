import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from './fold';
import { createTermMatcher } from './term-matcher';
import { splitPhrase, TokenBuffer, tokenize } from './tokenize';

const found = (phrases: string[], text: string) =>
  createTermMatcher(phrases)
    .findAll(text)
    .map((hit) => text.slice(hit.start, hit.end));

describe('term matcher', () => {
  it('folds case, accents, apostrophes and invisible characters without losing offsets', () => {
    expect(found(['Nicolás Maduro'], 'NICOLAS maduro')).toEqual(['NICOLAS maduro']);
    expect(found(['Guaidó'], 'Gua\u00ADido and Guai\u200Bdó')).toEqual(['Gua\u00ADido', 'Guai\u200Bdó']);
    expect(found(['Putin'], "Putin’s and Putin's")).toEqual(['Putin', 'Putin']);
    expect(found(['Díaz-Canel'], 'Díaz–Canel, Diaz Canel')).toEqual(['Díaz–Canel', 'Diaz Canel']);
    expect(found(['Nicolás Maduro'], 'Nicolás \n\t  Maduro')).toEqual(['Nicolás \n\t  Maduro']);
  });
  it('respects Unicode word boundaries', () => {
    expect(found(['Cuba'], 'Cubanito, Cuba, Cubaʼs')).toEqual(['Cuba', 'Cuba']);
    expect(found(['Лавров'], 'Лавровка')).toEqual([]);
  });
  it('prefers the longest match and never overlaps', () => {
    expect(found(['Guaidó', 'Juan Guaidó'], 'Juan Guaidó and Guaidó')).toEqual(['Juan Guaidó', 'Guaidó']);
    expect(found(['Lima', 'Lima Group'], 'the Lima Group in Lima')).toEqual(['Lima Group', 'Lima']);
  });
  it('never spans sentence punctuation, but spans abbreviation stops', () => {
    expect(found(['Lima Group'], 'in Lima. Group work')).toEqual([]);
    expect(found(['Lima Group'], 'in Lima, Group')).toEqual([]);
    expect(found(['U.S.', 'EE.UU.'], 'the U.S. and EE. UU. but not U.S. A new')).toEqual([
      'U.S',
      'EE. UU',
      'U.S',
    ]);
  });
  it('splits words glued by markup at a case change', () => {
    expect(found(['Trump'], 'President TrumpDonald John Trump')).toEqual(['Trump', 'Trump']);
    expect(found(['McNamee'], 'Win McNamee, MCNAMEE')).toEqual(['McNamee', 'MCNAMEE']);
  });
  it('meets Russian inflections of Cyrillic names', () => {
    expect(found(['Путин', 'Россия', 'Роснефть'], 'Путина, России, Роснефти, Путинизм')).toEqual([
      'Путина',
      'России',
      'Роснефти',
    ]);
  });
  it('reports offsets that cover exactly the matched phrase (property)', () => {
    const names = ['Nicolás Maduro', 'Guaidó', 'Lima Group', 'Putin', 'U.S.'];
    const matcher = createTermMatcher(names);
    const filler = fc.constantFrom(' ', ', ', ' the ', '\u00ad', ' Cubanito ', '. ', ' and ', '’s ', '\n');
    const piece = fc.oneof(filler, fc.constantFrom(...names), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const hit of matcher.findAll(text)) {
          expect(hit.start).toBeGreaterThanOrEqual(previousEnd);
          expect(hit.end).toBeGreaterThan(hit.start);
          previousEnd = hit.end;
          const slice = text.slice(hit.start, hit.end);
          expect(foldPhrase(slice).replace(/ /g, '')).toBe(
            foldPhrase(names[hit.term] as string).replace(/ /g, ''),
          );
          expect(/[\p{L}\p{N}]/u.test(text[hit.start] as string)).toBe(true);
          expect(/[\p{L}\p{N}]/u.test(text[hit.end - 1] as string)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('term matcher scan buffer', () => {
  it('holds the same matches as findAll, grows past its first size and is reset per scan', () => {
    const matcher = createTermMatcher(['Maduro', 'Juan Guaidó', 'Guaidó']);
    // 600 words and 360 matches: past the first size of both the token and the hit buffers.
    const text = 'Maduro and Juan Guaidó; Guaidó. '.repeat(120);
    const listed = matcher.findAll(text);
    expect(listed).toHaveLength(360);
    expect(matcher.tokens.count).toBe(600);
    expect(matcher.scan(text)).toBe(360);
    const fromBuffer = Array.from({ length: 360 }, (_, i) => matcher.hits.at(i));
    expect(fromBuffer).toEqual(listed);
    expect(matcher.scan('nothing to see')).toBe(0);
    expect(matcher.hits.count).toBe(0);
  });
  it('lists as candidates only words that pass the filter or are Cyrillic', () => {
    const matcher = createTermMatcher(['Lavrov']);
    matcher.scan('Sergei Lavrov met Лаврова today');
    const { candidates, candidateCount, starts } = matcher.tokens;
    const words = Array.from(candidates.subarray(0, candidateCount), (t) => starts[t]);
    // "Lavrov" passes the filter, "Лаврова" is Cyrillic; the other words never reach the trie.
    expect(words).toEqual([7, 18]);
  });
});

describe('splitPhrase', () => {
  it('splits phrases exactly as the page tokenizer splits text (property)', () => {
    const pieces = fc.constantFrom(
      'a',
      'Á',
      'é',
      'Z',
      'ж',
      'Ж',
      '1',
      ' ',
      '-',
      '.',
      '’',
      '\u00ad',
      '\u200b',
      '\u0301',
      'x',
      'Q',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), fc.boolean(), (parts, splitCamel) => {
        const text = parts.join('');
        const buffer = new TokenBuffer();
        const count = tokenize(text, buffer, splitCamel);
        const fromTokenizer: Array<[number, number]> = [];
        for (let t = 0; t < count; t++)
          fromTokenizer.push([buffer.starts[t] as number, buffer.ends[t] as number]);
        expect(splitPhrase(text, splitCamel)).toEqual(fromTokenizer);
      }),
      { numRuns: 500 },
    );
  });
});
