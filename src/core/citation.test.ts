import { describe, expect, it } from 'vitest';
import { articleDateLabel, formatCitation, formatIsoDate, isCompleteUrl } from './citation';

describe('citation', () => {
  it('formats days and months', () => {
    expect(formatIsoDate('2019-03-27')).toBe('27 Mar 2019');
    expect(formatIsoDate('2019-06')).toBe('Jun 2019');
  });
  it('says when a date is inferred', () => {
    expect(articleDateLabel({ published: null, dateInferred: { date: '2019-06-03', basis: 'x' } })).toBe(
      'c. 3 Jun 2019 (inferred)',
    );
    expect(articleDateLabel({ published: null })).toBe('undated');
  });
  it('never presents a truncated URL as a link', () => {
    expect(isCompleteUrl('https://uk.reuters.com/article/uk-v...ists-idUK')).toBe(false);
    expect(isCompleteUrl('https://www.vox.com/2019/3/27/x')).toBe(true);
    const text = formatCitation(' Russia has to get out ', {
      outlet: 'Vox',
      headline: 'Why',
      url: 'https://a.b/c...d',
      published: '2019-03-27',
    });
    expect(text).toBe(
      '“Russia has to get out” — Vox, “Why”, 27 Mar 2019. — https://a.b/c...d (URL cut short in the saved source)',
    );
  });
});
