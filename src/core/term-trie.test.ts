import { describe, expect, it } from 'vitest';
import { createTermMatcher } from './term-matcher';
import { buildFlatTrie, compileTermTrie, loadFlatTrie, phraseFingerprint } from './term-trie';

const phrases = ['Nicolás Maduro', 'Maduro', 'Juan Guaidó', 'U.S.', 'Путин', 'Lima Group', 'TrumpDonald'];
const text =
  'Juan Guaido met U.S. envoys; Nicolas MADURO said Путина was late. The Lima Group and TrumpDonald John Trump.';

describe('term trie', () => {
  it('loads what it compiled: the same trie as building it', () => {
    const built = buildFlatTrie(phrases);
    const loaded = loadFlatTrie(JSON.parse(JSON.stringify(compileTermTrie(phrases))), phrases);
    expect(loaded).toEqual(built);
  });
  it('gives a matcher that finds exactly what a freshly built one finds', () => {
    const compiled = JSON.parse(JSON.stringify(compileTermTrie(phrases)));
    const fresh = createTermMatcher(phrases).findAll(text);
    expect(fresh.length).toBeGreaterThanOrEqual(6);
    expect(createTermMatcher(phrases, compiled).findAll(text)).toEqual(fresh);
    expect(createTermMatcher(phrases, compiled).findAll(text, true)).toEqual(
      createTermMatcher(phrases).findAll(text, true),
    );
  });
  it('ignores a trie made from other phrases, so a stale build cannot change what matches', () => {
    const stale = compileTermTrie(['Maduro']);
    expect(loadFlatTrie(stale, phrases)).toBeNull();
    expect(phraseFingerprint(['Maduro'])).not.toBe(phraseFingerprint(['Madura']));
    const hits = createTermMatcher(phrases, stale).findAll(text);
    expect(hits.map((hit) => phrases[hit.term])).toContain('Juan Guaidó');
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
    for (const trie of broken) expect(loadFlatTrie(trie, phrases)).toBeNull();
  });
});
