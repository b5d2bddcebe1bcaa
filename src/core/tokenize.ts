import {
  charClass,
  charInfo,
  foldCode,
  IGNORABLE,
  learnChar,
  SEPARATOR,
  WORD,
  WORD_UPPER,
} from './char-table';

/** The separator before a token held only spaces (or nothing: a case change split the word). */
export const GAP_SPACE = 0;
/** The separator before a token held a hyphen, dash or apostrophe ("Díaz-Canel", "Putin’s"). */
export const GAP_JOIN = 1;
/** The separator before a token held a full stop ("U.S.", "EE.UU."). */
export const GAP_DOT = 2;
/** The separator before a token held other punctuation: a phrase never spans it. */
export const GAP_BREAK = 4;
/** The separator before a token held white space (set together with the kinds above). */
export const GAP_WHITESPACE = 8;

/** The token starts with an upper-case letter. */
export const TOKEN_CAPITALISED = 1;
/** Every letter of the token is upper case (and it has at least two). */
export const TOKEN_ALL_CAPS = 2;
/** The token has Cyrillic letters, so it may carry an inflection ending. */
export const TOKEN_CYRILLIC = 4;
/** A case change inside a word ended the token before this one ("TrumpDonald"). */
export const TOKEN_CAMEL_SPLIT = 8;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Hashes a folded code unit into a running FNV-1a token hash. */
export function hashStep(hash: number, foldedCode: number): number {
  return Math.imul(hash ^ foldedCode, FNV_PRIME);
}

/** The FNV-1a seed every token hash starts from. */
export const HASH_SEED = FNV_OFFSET;

/**
 * Word tokens of a text in struct-of-arrays form, reused between calls so scanning a page
 * allocates nothing per token. Offsets are UTF-16 indices into the scanned text.
 */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  gaps = new Uint8Array(256);
  flags = new Uint8Array(256);

  /** Makes room for at least `size` tokens. */
  ensure(size: number): void {
    if (size <= this.starts.length) return;
    let next = this.starts.length;
    while (next < size) next *= 2;
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(next);
      fresh.set(old);
      return fresh;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.ends = grow(this.ends, (n) => new Int32Array(n));
    this.hashes = grow(this.hashes, (n) => new Int32Array(n));
    this.gaps = grow(this.gaps, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
  }
}

function gapKind(code: number): number {
  if (code === 0x2e) return GAP_DOT; // .
  if (
    code === 0x2d ||
    code === 0x27 ||
    code === 0x2019 ||
    code === 0x2bc ||
    (code >= 0x2010 && code <= 0x2015)
  ) {
    return GAP_JOIN;
  }
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f) {
    return GAP_WHITESPACE;
  }
  if (code >= 0x2000 && code <= 0x200a) return GAP_WHITESPACE;
  return GAP_BREAK;
}

/**
 * Splits a text into word tokens with Unicode-aware boundaries: letters and digits of any
 * script make words; soft hyphens, zero-width characters and combining marks are invisible
 * inside them; a lower-to-upper case change starts a new token when `splitCamel` is set, so
 * "TrumpDonald" (a link glued to a hidden label) yields "Trump". Each token gets the hash of
 * its folded letters, the kind of separator before it, and its case flags.
 */
export function tokenize(text: string, out: TokenBuffer, splitCamel = true): number {
  const length = text.length;
  // Local aliases: module bindings may compile to getters, too slow for a per-character loop.
  const table = charInfo;
  const learn = learnChar;
  let capacity = out.starts.length;
  let starts = out.starts;
  let ends = out.ends;
  let hashes = out.hashes;
  let gaps = out.gaps;
  let flagList = out.flags;
  let count = 0;
  let inWord = false;
  let start = 0;
  let hash = FNV_OFFSET;
  let gap = GAP_SPACE;
  let flags = 0;
  let letters = 0;
  let uppers = 0;
  let previousClass = SEPARATOR;
  /** End of the last letter or digit: a token never ends on an invisible character. */
  let wordEnd = 0;
  for (let i = 0; i <= length; i++) {
    let info = 0;
    let cls = SEPARATOR;
    let code = 0x20;
    if (i < length) {
      code = text.charCodeAt(i);
      info = table[code] as number;
      if (info === 0) info = learn(code);
      cls = info & 0xff;
    }
    if (cls === WORD || cls === WORD_UPPER) {
      if (!inWord) {
        inWord = true;
        start = i;
        hash = FNV_OFFSET;
        flags = cls === WORD_UPPER ? TOKEN_CAPITALISED : 0;
        letters = 0;
        uppers = 0;
      } else if (splitCamel && cls === WORD_UPPER && previousClass === WORD) {
        // A case change inside a word: end the token here, as if a space stood between.
        cls = -1;
      }
      if (cls !== -1) {
        hash = Math.imul(hash ^ (info >>> 8), FNV_PRIME);
        letters++;
        if (cls === WORD_UPPER) uppers++;
        if (code >= 0x400 && code <= 0x52f) flags |= TOKEN_CYRILLIC;
        previousClass = cls;
        wordEnd = i + 1;
        continue;
      }
    } else if (cls === IGNORABLE) {
      continue;
    }
    // Here a token ends: at a separator, at the end of the text, or at a case change.
    if (inWord) {
      if (count === capacity) {
        out.ensure(count + 1);
        capacity = out.starts.length;
        starts = out.starts;
        ends = out.ends;
        hashes = out.hashes;
        gaps = out.gaps;
        flagList = out.flags;
      }
      starts[count] = start;
      ends[count] = wordEnd;
      hashes[count] = hash;
      gaps[count] = gap;
      flagList[count] = flags | (uppers >= 2 && uppers === letters ? TOKEN_ALL_CAPS : 0);
      count++;
      gap = GAP_SPACE;
      inWord = false;
    }
    if (cls === -1) {
      // Restart at the same upper-case letter as the first of a new token.
      inWord = true;
      start = i;
      hash = Math.imul(FNV_OFFSET ^ (info >>> 8), FNV_PRIME);
      flags = TOKEN_CAPITALISED | TOKEN_CAMEL_SPLIT;
      letters = 1;
      uppers = 1;
      previousClass = WORD_UPPER;
      wordEnd = i + 1;
      continue;
    }
    gap |= code === 0x20 ? GAP_WHITESPACE : gapKind(code);
    previousClass = SEPARATOR;
  }
  out.count = count;
  return count;
}

/** The folded letters of text[start, end), ignorables dropped: what a token hash was made from. */
export function foldedSlice(text: string, start: number, end: number): string {
  let folded = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === WORD || cls === WORD_UPPER) folded += String.fromCharCode(foldCode(code));
  }
  return folded;
}

/** Hash of a folded token string, equal to what `tokenize` computes for the same letters. */
export function hashFolded(folded: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) hash = Math.imul(hash ^ folded.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Whether the folded letters of text[start, end) equal `folded`, without allocating. */
export function foldedEquals(text: string, start: number, end: number, folded: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls !== WORD && cls !== WORD_UPPER) continue;
    if (j >= folded.length || foldCode(code) !== folded.charCodeAt(j)) return false;
    j++;
  }
  return j === folded.length;
}
