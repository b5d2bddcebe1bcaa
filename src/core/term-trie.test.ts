import { describe, expect, it } from 'vitest';
import { createTermMatcher, termMatcherOf } from './term-matcher';
import { buildFlatTrie, compileTermTrie, type FlatTrie, readCompiledTrie } from './term-trie';

const phrases = ['Nicolás Maduro', 'Maduro', 'Juan Guaidó', 'U.S.', 'Путин', 'Lima Group', 'TrumpDonald'];
const text =
  'Juan Guaido met U.S. envoys; Nicolas MADURO said Путина was late. The Lima Group and TrumpDonald John Trump.';
/** The trie of `phrases` after a trip through JSON, as the content script gets it. */
const shipped = () => JSON.parse(JSON.stringify(compileTermTrie(phrases)));

describe('term trie', () => {
  it('loads what it compiled: the same trie as building it', () => {
    expect(readCompiledTrie(shipped(), phrases.length)).toEqual(buildFlatTrie(phrases));
  });
  it('gives a matcher that finds exactly what a freshly built one finds', () => {
    const loaded = termMatcherOf(readCompiledTrie(shipped(), phrases.length) as FlatTrie);
    const fresh = createTermMatcher(phrases).findAll(text);
    expect(fresh.length).toBeGreaterThanOrEqual(6);
    expect(loaded.findAll(text)).toEqual(fresh);
    expect(loaded.findAll(text, true)).toEqual(createTermMatcher(phrases).findAll(text, true));
  });
  it('refuses a trie that numbers more phrases than the caller has', () => {
    expect(readCompiledTrie(shipped(), 2)).toBeNull();
  });
  it('rejects malformed data instead of trusting it', () => {
    const good = compileTermTrie(phrases);
    const broken = [
      { ...good, parents: good.parents.slice(1) },
      { ...good, parents: good.parents.map((p, n) => (n === 3 ? n + 5 : p)) },
      { ...good, stems: [good.tokens.length + 2] },
      { ...good, ends: [[1, phrases.length + 1]] },
      { ...good, tokens: [] },
      { ...good, hashes: good.hashes.slice(1) },
    ];
    for (const trie of broken) expect(readCompiledTrie(trie, phrases.length)).toBeNull();
  });
});
