/**
 * Per-code-unit facts the matcher needs on its hot path, looked up in typed arrays that
 * fill lazily: a code unit is classified (and folded) the first time it is seen, so start-up
 * costs nothing and a page in any script pays only for the characters it uses.
 */

/** Not yet classified. */
const UNKNOWN = 0;
/** Breaks words: spaces, punctuation, symbols. */
export const SEPARATOR = 1;
/** Part of a word, not an upper-case letter (lower case, digits, caseless letters). */
export const WORD = 2;
/** Part of a word, an upper-case (or title-case) letter. */
export const WORD_UPPER = 3;
/** Invisible inside words: soft hyphen, zero-width characters, combining marks. */
export const IGNORABLE = 4;

/** What a separator does between two words, kept in bits 24-27 of its `charInfo` entry. */
export const SEPARATOR_JOIN = 1; // hyphen, dash, apostrophe
export const SEPARATOR_DOT = 2; // full stop
export const SEPARATOR_BREAK = 4; // any other punctuation or symbol
export const SEPARATOR_SPACE = 8; // white space
export const SEPARATOR_KIND_SHIFT = 24;

/** The kind of a separator code unit: one of the SEPARATOR_* kinds above. */
function separatorKind(code: number): number {
  if (code === 0x2e) return SEPARATOR_DOT;
  if (
    code === 0x2d ||
    code === 0x27 ||
    code === 0x2019 ||
    code === 0x2bc ||
    (code >= 0x2010 && code <= 0x2015)
  )
    return SEPARATOR_JOIN;
  if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f)
    return SEPARATOR_SPACE;
  if (code >= 0x2000 && code <= 0x200a) return SEPARATOR_SPACE;
  return SEPARATOR_BREAK;
}

/** Set in a `charInfo` entry for Cyrillic letters. */
export const CYRILLIC_BIT = 0x10;
/** Set in a `charInfo` entry for Arabic letters. */
export const ARABIC_BIT = 0x20;

/**
 * Class and fold of each code unit in one word, for the tokenizer's inner loop:
 * `class | CYRILLIC_BIT? | ARABIC_BIT? | folded << 8 | separator kind << 24`, or 0 while the code unit has
 * not been seen.
 */
export const charInfo = new Uint32Array(65536);

const wordPattern = /[\p{L}\p{N}]/u;
const markPattern = /\p{M}/u;
const upperPattern = /[\p{Lu}\p{Lt}]/u;
const combiningMarks = /\p{M}/gu;
/** Format characters that sit inside words without showing: soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const invisibleCodes = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** The `charInfo` entry of a code unit by the Unicode rules (letters, marks, case, NFD fold). */
export function unicodeCharInfo(code: number): number {
  const ch = String.fromCharCode(code);
  let cls: number;
  if (invisibleCodes.has(code) || markPattern.test(ch)) cls = IGNORABLE;
  else if (code === 0x2bc)
    cls = SEPARATOR; // ʼ, a letter to Unicode, an apostrophe to writers (Cubaʼs)
  else if (code >= 0xd800 && code <= 0xdfff) cls = SEPARATOR;
  else if (wordPattern.test(ch)) cls = upperPattern.test(ch) ? WORD_UPPER : WORD;
  else cls = SEPARATOR;
  let fold = code;
  if (cls === WORD || cls === WORD_UPPER) {
    const base = ch.normalize('NFD').replace(combiningMarks, '').toLowerCase();
    // One code unit in, one out: a letter whose folded form is longer (ß, ﬁ) keeps its lower case.
    fold = base.length === 1 ? base.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
    // ё and й fold to е and и in NFD; Russian writers use both spellings.
  }
  return infoOf(code, cls, fold);
}

function infoOf(code: number, cls: number, fold: number): number {
  const kind = cls === SEPARATOR ? separatorKind(code) << SEPARATOR_KIND_SHIFT : 0;
  const script = isCyrillic(code) ? CYRILLIC_BIT : isArabic(code) ? ARABIC_BIT : 0;
  return (cls | script | (fold << 8) | kind) >>> 0;
}

/**
 * ASCII, classified up front by plain ranges: every page uses it, and the Unicode rules
 * (regexes, normalisation) are slow in a fresh tab whose code has not warmed up.
 */
function classifyAscii(): void {
  for (let code = 0; code < 0x80; code++) {
    const digit = code >= 0x30 && code <= 0x39;
    const lower = code >= 0x61 && code <= 0x7a;
    const upper = code >= 0x41 && code <= 0x5a;
    const cls = upper ? WORD_UPPER : digit || lower ? WORD : SEPARATOR;
    charInfo[code] = infoOf(code, cls, upper ? code + 0x20 : code);
  }
}
classifyAscii();

/** Classifies a code unit not yet seen and returns its `charInfo` entry. */
export function learnChar(code: number): number {
  const info = unicodeCharInfo(code);
  charInfo[code] = info;
  return info;
}

/** The `charInfo` entry of a code unit, classifying it first if it has not been seen. */
function infoFor(code: number): number {
  const info = charInfo[code] as number;
  return info !== UNKNOWN ? info : learnChar(code);
}

/** The class of a UTF-16 code unit: SEPARATOR, WORD, WORD_UPPER or IGNORABLE. */
export function charClass(code: number): number {
  return infoFor(code) & 0x0f;
}

/** The case- and accent-folded form of a word code unit ("É" → "e", "Ё" → "е"). */
export function foldCode(code: number): number {
  return (infoFor(code) >>> 8) & 0xffff;
}

/** True for code units of the Cyrillic block, whose words inflect (Путина, России). */
export function isCyrillic(code: number): boolean {
  return code >= 0x400 && code <= 0x52f;
}

/** True for code units of the Arabic block, whose words take clitic prefixes (وروسيا, بالصين). */
export function isArabic(code: number): boolean {
  return code >= 0x600 && code <= 0x6ff;
}
