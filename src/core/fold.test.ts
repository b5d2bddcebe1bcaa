import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPhrase } from './fold';

describe('foldPhrase', () => {
  it('folds case, accents, apostrophes and invisible characters', () => {
    expect(foldPhrase('Guaidó’s  NATIONAL\u00adAssembly')).toBe('guaido s nationalassembly');
    expect(foldPhrase('  Путин, Ёлка ')).toBe('путин елка');
    expect(foldPhrase('Lima Group')).toBe('lima group');
  });
  it('takes the plain-ASCII shortcut only where the full fold agrees (property)', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', 'q', '7', ' ', '-', '.', 'É', 'é') });
    fc.assert(
      fc.property(ascii, (text) => {
        // A soft hyphen is invisible to folding but keeps the text off the shortcut.
        expect(foldPhrase(text)).toBe(foldPhrase(`${text}\u00ad`));
      }),
      { numRuns: 500 },
    );
  });
});
