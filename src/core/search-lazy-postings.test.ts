import { describe, expect, it } from 'vitest';
import { JsonCursor } from './search-json-cursor';
import { LazyTermPostings, readTermPostings, type TermPostings } from './search-lazy-postings';

const postings: TermPostings = new Map([
  [
    0,
    new Map([
      [3, 1],
      [17, 2],
    ]),
  ],
  [2, new Map([[17, 1]])],
]);
/** As `JSON.stringify` writes a MiniSearch term entry. */
const written = JSON.stringify(Object.fromEntries([...postings].map(([f, d]) => [f, Object.fromEntries(d)])));

describe('readTermPostings', () => {
  it('counts postings, and decodes them into maps when asked', () => {
    const cursor = new JsonCursor(`${written}]`);
    expect(readTermPostings(cursor)).toBe(3);
    expect(cursor.text[cursor.pos]).toBe(']');
    const into: TermPostings = new Map();
    expect(readTermPostings(new JsonCursor(written), into)).toBe(3);
    expect(into).toEqual(postings);
    expect(readTermPostings(new JsonCursor('{}'))).toBe(0);
    expect(readTermPostings(new JsonCursor('{"1":{}}'))).toBe(0);
  });

  it('refuses unordered, repeated or malformed entries', () => {
    for (const text of [
      '{"0":{"5":1,"3":1}}',
      '{"0":{"3":1,"3":2}}',
      '{"2":{"1":1},"0":{"1":1}}',
      '{"0":{"1":1.5}}',
      '{"0":{"1":-1}}',
      '{"0":{"a":1}}',
      '{"0":{"1":1}',
      '{"0":{"1":1,}}',
    ]) {
      expect(() => readTermPostings(new JsonCursor(text)), text).toThrow(SyntaxError);
    }
  });
});

describe('LazyTermPostings', () => {
  const text = `["term",${written}]`;
  const start = text.indexOf('{');

  it('knows its posting count without decoding, and decodes on first read', () => {
    const lazy = new LazyTermPostings(text, start, 3);
    expect(lazy.postingCount).toBe(3);
    expect(lazy).toBeInstanceOf(Map);
    expect(lazy.get(0)?.get(17)).toBe(2);
    expect(lazy.size).toBe(2);
    expect([...lazy.keys()]).toEqual([0, 2]);
  });

  it('behaves as a Map through every method', () => {
    const fresh = () => new LazyTermPostings(text, start, 3);
    expect(fresh().size).toBe(2);
    expect(fresh().has(2)).toBe(true);
    expect([...fresh()]).toEqual([...postings]);
    expect([...fresh().entries()]).toEqual([...postings]);
    expect([...fresh().values()]).toEqual([...postings.values()]);
    const seen: number[] = [];
    fresh().forEach((_, field) => {
      seen.push(field);
    });
    expect(seen).toEqual([0, 2]);
    expect(Object.fromEntries(fresh())).toEqual(Object.fromEntries(postings));
    const changed = fresh();
    changed.set(5, new Map([[1, 1]]));
    expect(changed.delete(0)).toBe(true);
    expect([...changed.keys()]).toEqual([2, 5]);
    const cleared = fresh();
    cleared.clear();
    expect(cleared.size).toBe(0);
    expect(cleared.get(0)).toBeUndefined();
  });
});
