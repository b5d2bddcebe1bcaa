import {
  ARABIC_BIT,
  CYRILLIC_BIT,
  charClass,
  charInfo,
  foldCode,
  IGNORABLE,
  learnChar,
  SEPARATOR,
  SEPARATOR_BREAK,
  SEPARATOR_DOT,
  SEPARATOR_JOIN,
  SEPARATOR_KIND_SHIFT,
  SEPARATOR_SPACE,
  WORD,
  WORD_UPPER,
} from './char-table';
import { widened } from './typed-arrays';

/** The separator before a token held only spaces (or nothing: a case change split the word). */
export const GAP_SPACE = 0;
/** The separator before a token held a hyphen, dash or apostrophe ("Díaz-Canel", "Putin’s"). */
export const GAP_JOIN = SEPARATOR_JOIN;
/** The separator before a token held a full stop ("U.S.", "EE.UU."). */
export const GAP_DOT = SEPARATOR_DOT;
/** The separator before a token held other punctuation: a phrase never spans it. */
export const GAP_BREAK = SEPARATOR_BREAK;
/** The separator before a token held white space (set together with the kinds above). */
export const GAP_WHITESPACE = SEPARATOR_SPACE;
/** The bits of a token's `marks` entry that describe the separator before it. */
export const GAP_MASK = 0x0f;

/** The token starts with an upper-case letter. */
export const TOKEN_CAPITALISED = 0x10;
/** Every letter of the token is upper case (and it has at least two). */
export const TOKEN_ALL_CAPS = 0x20;
/** Internal: the token follows a case change inside a word (becomes TOKEN_CAMEL_SPLIT). */
const GAP_SPLIT_MARK = 0x40;

/**
 * The token has Cyrillic letters, so it may carry an inflection ending, or Arabic letters, so
 * it may carry clitic prefixes: the matcher then also tries it without them.
 */
export const TOKEN_AFFIXED = 0x40;
/** A case change inside a word ended the token before this one ("TrumpDonald"). */
export const TOKEN_CAMEL_SPLIT = 0x80;

/** Scripts whose words may carry affixes (see TOKEN_AFFIXED). */
const AFFIXED_SCRIPTS = CYRILLIC_BIT | ARABIC_BIT;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Word tokens of a text in struct-of-arrays form, reused between calls so scanning a page
 * allocates nothing per token. Offsets are UTF-16 indices into the scanned text.
 */
export class TokenBuffer {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  /**
   * Per token, the separator before it (GAP_* bits, under GAP_MASK) and its TOKEN_* flags,
   * in one byte: one store per token instead of two, measurably faster on dense text.
   */
  marks = new Uint8Array(256);
  /**
   * A 64 Ki-bit filter over token hashes, set by the owner (a matcher) or null. When set,
   * `tokenize` lists in `candidates` every token whose hash passes it or that has Cyrillic
   * or Arabic letters (which may be inflected or prefixed), so the matcher visits only those.
   */
  filter: Uint8Array | null = null;
  candidates = new Int32Array(64);
  candidateCount = 0;

  /** Appends token `t` to `candidates`. */
  addCandidate(t: number): void {
    const n = this.candidateCount;
    if (n === this.candidates.length) this.candidates = widened(this.candidates, n * 2);
    this.candidates[n] = t;
    this.candidateCount = n + 1;
  }

  /** Makes room for at least `size` tokens. */
  ensure(size: number): void {
    if (size <= this.starts.length) return;
    let next = this.starts.length;
    while (next < size) next *= 2;
    this.starts = widened(this.starts, next);
    this.ends = widened(this.ends, next);
    this.hashes = widened(this.hashes, next);
    this.marks = widened(this.marks, next);
  }
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
  let count = 0;
  let gap = GAP_SPACE;
  let i = 0;
  let capacity = out.starts.length;
  let starts = out.starts;
  let ends = out.ends;
  let hashes = out.hashes;
  let marks = out.marks;
  const filter = out.filter;
  out.candidateCount = 0;
  // `info` always describes text[i]; a code unit not yet classified reads as class 0.
  let info = length > 0 ? (table[text.charCodeAt(0)] as number) : 0;
  while (i < length) {
    let cls = info & 0x0f;
    if (cls === 0) {
      info = learn(text.charCodeAt(i));
      cls = info & 0x0f;
    }
    if (cls === SEPARATOR) {
      gap |= info >>> SEPARATOR_KIND_SHIFT;
      if (++i < length) info = table[text.charCodeAt(i)] as number;
      continue;
    }
    if (cls === IGNORABLE) {
      if (++i < length) info = table[text.charCodeAt(i)] as number;
      continue;
    }
    // A word: letters and digits, invisible characters skipped, split at a case change.
    const start = i;
    const capitalised = cls === WORD_UPPER;
    let hash = FNV_OFFSET;
    let uppers = 0;
    let lowers = false;
    let seen = 0;
    let wordEnd = i;
    let afterLower = false;
    let camel = false;
    for (;;) {
      if (cls === WORD) {
        seen |= info;
        lowers = true;
        // The common case, a run of lower-case letters or digits: as little work per char as possible.
        do {
          hash = Math.imul(hash ^ (info >>> 8), FNV_PRIME);
          if (++i >= length) break;
          info = table[text.charCodeAt(i)] as number;
        } while ((info & 0x0f) === WORD);
        wordEnd = i;
        afterLower = true;
      } else if (cls === WORD_UPPER) {
        if (splitCamel && afterLower) {
          camel = true;
          break;
        }
        hash = Math.imul(hash ^ (info >>> 8), FNV_PRIME);
        uppers++;
        seen |= info;
        wordEnd = ++i;
        afterLower = false;
        if (i >= length) break;
        info = table[text.charCodeAt(i)] as number;
      } else if (cls === IGNORABLE) {
        if (++i >= length) break;
        info = table[text.charCodeAt(i)] as number;
      } else if (cls === 0) {
        info = learn(text.charCodeAt(i));
      } else {
        break;
      }
      if (i >= length) break;
      cls = info & 0x0f;
    }
    if (count === capacity) {
      out.ensure(count + 1);
      capacity = out.starts.length;
      starts = out.starts;
      ends = out.ends;
      hashes = out.hashes;
      marks = out.marks;
    }
    starts[count] = start;
    ends[count] = wordEnd;
    hashes[count] = hash;
    let mark = gap & GAP_MASK;
    if (capitalised) mark |= TOKEN_CAPITALISED;
    if (uppers >= 2 && !lowers) mark |= TOKEN_ALL_CAPS;
    if ((seen & AFFIXED_SCRIPTS) !== 0) mark |= TOKEN_AFFIXED;
    if ((gap & GAP_SPLIT_MARK) !== 0) mark |= TOKEN_CAMEL_SPLIT;
    marks[count] = mark;
    if (
      filter !== null &&
      (((filter[(hash & 0xffff) >> 3] as number) & (1 << (hash & 7))) !== 0 || (seen & AFFIXED_SCRIPTS) !== 0)
    ) {
      out.addCandidate(count);
    }
    count++;
    // After a case change the next token starts at once, with nothing between.
    gap = camel ? GAP_SPLIT_MARK : GAP_SPACE;
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
  const table = charInfo;
  let j = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let info = table[code] as number;
    if (info === 0) info = learnChar(code);
    const cls = info & 0x0f;
    if (cls !== WORD && cls !== WORD_UPPER) continue;
    if (j >= folded.length || info >>> 8 !== folded.charCodeAt(j)) return false;
    j++;
  }
  return j === folded.length;
}

/**
 * Splits a catalog phrase into its words, by the same rules as `tokenize`: a plain loop,
 * kept apart from the page tokenizer on purpose. Running the hot tokenizer over short
 * alias strings in several scripts made V8 retune it and halved its speed on page text
 * (measured by `npm run bench`); a property test checks the two agree.
 */
export function splitPhrase(text: string, splitCamel = true): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  let start = -1;
  let end = -1;
  let previous = SEPARATOR;
  for (let i = 0; i < text.length; i++) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === IGNORABLE) continue;
    const isWord = cls === WORD || cls === WORD_UPPER;
    const camelBreak = splitCamel && cls === WORD_UPPER && previous === WORD;
    if (start >= 0 && (!isWord || camelBreak)) {
      words.push([start, end]);
      start = -1;
    }
    if (isWord) {
      if (start < 0) start = i;
      end = i + 1;
    }
    previous = isWord ? cls : SEPARATOR;
  }
  if (start >= 0) words.push([start, end]);
  return words;
}
