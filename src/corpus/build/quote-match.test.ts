import { describe, expect, it } from 'vitest';
import { checkQuote } from './quote-match';

const article = ['Russia’s “specialists”  arrived on Saturday.', 'Peskov said so.'];

describe('checkQuote', () => {
  it('finds a run of words inside one paragraph, white space runs as one space', () => {
    expect(checkQuote('“specialists” arrived', article)).toBe('found');
    expect(checkQuote('Peskov said so.', article)).toBe('found');
  });
  it('refuses straight quote marks where the article has curly ones, and says so', () => {
    expect(checkQuote('Russia\'s "specialists"', article)).toBe('quote-marks');
  });
  it('refuses a quote that runs across two paragraphs', () => {
    expect(checkQuote('on Saturday. Peskov said', article)).toBe('across-paragraphs');
  });
  it('refuses words the article does not have', () => {
    expect(checkQuote('arrived on Sunday', article)).toBe('missing');
  });
});
