import {
  CYRILLIC_BIT,
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
/** Internal: the token follows a case change inside a word (becomes TOKEN_CAMEL_SPLIT). */
const GAP_SPLIT_MARK = 0x40;

/** The token has Cyrillic letters, so it may carry an inflection ending. */
export const TOKEN_CYRILLIC = 4;
/** A case change inside a word ended the token before this one ("TrumpDonald"). */
export const TOKEN_CAMEL_SPLIT = 8;

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
  let count = 0;
  let gap = GAP_SPACE;
  let i = 0;
  while (i < length) {
    // Between words: gather what separates this word from the previous one.
    let code = text.charCodeAt(i);
    let info = table[code] as number;
    if (info === 0) info = learn(code);
    let cls = info & 0x0f;
    if (cls !== WORD && cls !== WORD_UPPER) {
      if (cls === SEPARATOR) gap |= code === 0x20 ? GAP_WHITESPACE : gapKind(code);
      i++;
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
        // The common case, a run of lower-case letters or digits: as little work per char as possible.
        seen |= info;
        lowers = true;
        do {
          hash = Math.imul(hash ^ (info >>> 8), FNV_PRIME);
          if (++i >= length) break;
          code = text.charCodeAt(i);
          info = table[code] as number;
          if (info === 0) info = learn(code);
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
      } else if (cls === IGNORABLE) {
        i++;
      } else {
        break;
      }
      if (i >= length) break;
      if (cls !== WORD) {
        code = text.charCodeAt(i);
        info = table[code] as number;
        if (info === 0) info = learn(code);
      }
      cls = info & 0x0f;
    }
    if (count === out.starts.length) out.ensure(count + 1);
    out.starts[count] = start;
    out.ends[count] = wordEnd;
    out.hashes[count] = hash;
    out.gaps[count] = gap & ~GAP_SPLIT_MARK;
    let flags = capitalised ? TOKEN_CAPITALISED : 0;
    if (uppers >= 2 && !lowers) flags |= TOKEN_ALL_CAPS;
    if ((seen & CYRILLIC_BIT) !== 0) flags |= TOKEN_CYRILLIC;
    if ((gap & GAP_SPLIT_MARK) !== 0) flags |= TOKEN_CAMEL_SPLIT;
    out.flags[count] = flags;
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
