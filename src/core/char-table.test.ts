import { describe, expect, it } from 'vitest';
import { charClass, charInfo, foldCode, SEPARATOR, unicodeCharInfo, WORD, WORD_UPPER } from './char-table';

describe('char table', () => {
  it('classifies ASCII up front exactly as the Unicode rules would', () => {
    for (let code = 0; code < 0x80; code++)
      expect([code, charInfo[code]]).toEqual([code, unicodeCharInfo(code)]);
  });
  it('learns other code units on first use: class, fold and script', () => {
    expect(charClass(0xc9)).toBe(WORD_UPPER); // É
    expect(String.fromCharCode(foldCode(0xc9))).toBe('e');
    expect(charClass(0x439)).toBe(WORD); // й
    expect(String.fromCharCode(foldCode(0x401))).toBe('е'); // Ё
    expect(charClass(0x2019)).toBe(SEPARATOR); // ’
    expect(charClass(0x5d0)).toBe(WORD); // א, caseless
  });
});
