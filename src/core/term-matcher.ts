import { foldCode, isArabic, isCyrillic } from './char-table';
import { buildFlatTrie, type FlatTrie, RUSSIAN_ENDINGS } from './term-trie';
import {
  foldedEquals,
  foldedSlice,
  GAP_BREAK,
  GAP_DOT,
  GAP_WHITESPACE,
  hashFolded,
  TOKEN_AFFIXED,
  TokenBuffer,
  tokenize,
} from './tokenize';
import { widened } from './typed-arrays';

/**
 * A compiled token trie over a list of phrases (entity aliases, event trigger words).
 *
 * Phrases are tokenised exactly as page text is, and each token becomes a trie edge keyed by
 * the 32-bit hash of its folded letters. Scanning a text is then one tokenising pass plus one
 * hash probe per word, behind a 64 Ki-bit filter that rejects nearly every word of ordinary
 * prose without touching the trie, so the cost does not grow with the number of phrases.
 * Matches are leftmost-longest and never overlap ("Juan Guaidó" wins over "Guaidó").
 */
export interface TermMatcher {
  /**
   * Finds every phrase occurrence in `text`: leftmost-longest and non-overlapping, or with
   * `overlapping` every phrase wherever it occurs (event cue words inside longer cues).
   */
  findAll(text: string, overlapping?: boolean): TermHit[];
  /**
   * Like `findAll`, but writes the matches into the reusable `hits` buffer and returns how
   * many there are: no allocation per match, for the page scan's hot path.
   */
  scan(text: string, overlapping?: boolean): number;
  /** The matches of the last `scan`, valid until the next call. */
  readonly hits: HitBuffer;
  /** The tokens of the last text scanned, for callers that look at neighbouring words. */
  readonly tokens: TokenBuffer;
}

/** One phrase occurrence: text[start, end) matched phrase number `term`. */
export interface TermHit {
  start: number;
  end: number;
  term: number;
  /** Index of the first and last token of the match in `TermMatcher.tokens`. */
  firstToken: number;
  lastToken: number;
}

/** Matches in struct-of-arrays form, reused between scans; entry `i` is one `TermHit`. */
export class HitBuffer {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  terms = new Int32Array(64);
  firstTokens = new Int32Array(64);
  lastTokens = new Int32Array(64);

  /** Appends one match, growing the arrays when full. */
  push(start: number, end: number, term: number, firstToken: number, lastToken: number): void {
    const i = this.count;
    if (i === this.starts.length) this.grow();
    this.starts[i] = start;
    this.ends[i] = end;
    this.terms[i] = term;
    this.firstTokens[i] = firstToken;
    this.lastTokens[i] = lastToken;
    this.count = i + 1;
  }

  /** Match `i` as an object. */
  at(i: number): TermHit {
    return {
      start: this.starts[i] as number,
      end: this.ends[i] as number,
      term: this.terms[i] as number,
      firstToken: this.firstTokens[i] as number,
      lastToken: this.lastTokens[i] as number,
    };
  }

  private grow(): void {
    const size = this.starts.length * 2;
    this.starts = widened(this.starts, size);
    this.ends = widened(this.ends, size);
    this.terms = widened(this.terms, size);
    this.firstTokens = widened(this.firstTokens, size);
    this.lastTokens = widened(this.lastTokens, size);
  }
}

const FILTER_BITS = 1 << 16;

/** The first slot to probe for an edge out of `parent` keyed by `hash`. */
function edgeSlot(parent: number, hash: number, mask: number): number {
  return (Math.imul(hash ^ Math.imul(parent + 1, 0x9e3779b1 | 0), 0x85ebca6b | 0) >>> 7) & mask;
}

/** Whether a folded token has a Cyrillic letter. */
function hasCyrillic(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (isCyrillic(token.charCodeAt(i))) return true;
  return false;
}

/**
 * Clitics Arabic writes onto the word they precede: the conjunctions و and ف, the
 * prepositions ب, ل and ك, and the article ال, alone or together (وال, ولـ, لل = ل + ال).
 * Longest first, so "والصين" loses "وال" before "و".
 */
const ARABIC_PREFIXES = [
  'وبال',
  'وال',
  'فال',
  'بال',
  'كال',
  'ولل',
  'لل',
  'ال',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
];
/** Letters a word keeps once its clitics are gone: fewer, and "ولد" would be a name. */
const ARABIC_MIN_STEM = 3;

/**
 * The forms an Arabic page word may stand for without its clitics: "وروسيا" → "روسيا",
 * "بالصين" → "الصين" and "صين", "للولايات" → "الولايات". The word itself is tried first by
 * the caller.
 */
export function arabicBareForms(folded: string): string[] {
  const forms: string[] = [];
  for (const prefix of ARABIC_PREFIXES) {
    if (!folded.startsWith(prefix) || folded.length - prefix.length < ARABIC_MIN_STEM) continue;
    const rest = folded.slice(prefix.length);
    forms.push(rest);
    // The article stays part of the name the catalog writes ("الولايات"): put it back.
    if (prefix.endsWith('ال') || prefix.endsWith('لل')) forms.push(`ال${rest}`);
  }
  return forms;
}

/** Compiles phrases into a matcher; `phrases[i]` is reported as term `i`. */
export function createTermMatcher(phrases: readonly string[]): TermMatcher {
  return termMatcherOf(buildFlatTrie(phrases));
}

/** A matcher over a built or loaded trie (`term-trie.ts`). */
export function termMatcherOf(trie: FlatTrie): TermMatcher {
  const { stems, parents } = trie;
  const nodeTokens = trie.tokens;
  const nodeTerms = trie.terms;
  const size = nodeTokens.length;

  // The edges in one open-addressing table keyed by (parent node, token hash): a probe is a
  // couple of typed-array reads rather than a Map lookup per word.
  let tableSize = 16;
  while (tableSize < (size - 1) * 2) tableSize *= 2;
  const mask = tableSize - 1;
  const edgeParents = new Int32Array(tableSize).fill(-1);
  const edgeHashes = new Int32Array(tableSize);
  const edgeChildren = new Int32Array(tableSize);
  const hasChildren = new Uint8Array(size);
  /** Hashes of every first token: words that fail it cannot start a phrase. */
  const filter = new Uint8Array(FILTER_BITS >> 3);
  /** First two folded letters of every Cyrillic first token: a cheap filter before stemming. */
  const cyrillicStarts = new Set<number>();
  /** Whether any phrase starts with an Arabic word. */
  let arabicPhrases = false;
  for (let n = 1; n < size; n++) {
    const parent = parents[n] as number;
    const token = nodeTokens[n] as string;
    const hash = trie.hashes[n] as number;
    let slot = edgeSlot(parent, hash, mask);
    while ((edgeParents[slot] as number) !== -1) slot = (slot + 1) & mask;
    edgeParents[slot] = parent;
    edgeHashes[slot] = hash;
    edgeChildren[slot] = n;
    hasChildren[parent] = 1;
    if (parent === 0) {
      const bit = (hash & 0xffff) >> 3;
      filter[bit] = (filter[bit] as number) | (1 << (hash & 7));
      if (hasCyrillic(token)) cyrillicStarts.add((token.charCodeAt(0) << 16) | token.charCodeAt(1));
      else if (isArabic(token.charCodeAt(0))) arabicPhrases = true;
    }
  }

  const tokens = new TokenBuffer();
  tokens.filter = filter;
  const hits = new HitBuffer();

  /**
   * The child of `parent` for token `t`, trying Russian stems for Cyrillic tokens and
   * clitic-free forms for Arabic ones; -1 if none.
   */
  const child = (parent: number, text: string, t: number): number => {
    const start = tokens.starts[t] as number;
    const end = tokens.ends[t] as number;
    const hash = tokens.hashes[t] as number;
    for (let slot = edgeSlot(parent, hash, mask); ; slot = (slot + 1) & mask) {
      const owner = edgeParents[slot] as number;
      if (owner === -1) break;
      if (owner !== parent || (edgeHashes[slot] as number) !== hash) continue;
      const node = edgeChildren[slot] as number;
      if (stems[node] === 0 && foldedEquals(text, start, end, nodeTokens[node] as string)) return node;
    }
    if (((tokens.marks[t] as number) & TOKEN_AFFIXED) === 0) return -1;
    const folded = foldedSlice(text, start, end);
    if (isArabic(folded.charCodeAt(0))) return bareChild(parent, folded);
    for (let cut = 1; cut <= 3 && folded.length - cut >= 3; cut++) {
      const stem = folded.slice(0, folded.length - cut);
      if (!RUSSIAN_ENDINGS.has(folded.slice(folded.length - cut))) continue;
      const stemHash = hashFolded(stem);
      for (let slot = edgeSlot(parent, stemHash, mask); ; slot = (slot + 1) & mask) {
        const owner = edgeParents[slot] as number;
        if (owner === -1) break;
        if (owner !== parent || (edgeHashes[slot] as number) !== stemHash) continue;
        const node = edgeChildren[slot] as number;
        if (stems[node] === 1 && nodeTokens[node] === stem) return node;
      }
    }
    return -1;
  };

  /** The child of `parent` by an exact edge for one of an Arabic word's clitic-free forms; -1 if none. */
  const bareChild = (parent: number, folded: string): number => {
    for (const form of arabicBareForms(folded)) {
      const formHash = hashFolded(form);
      for (let slot = edgeSlot(parent, formHash, mask); ; slot = (slot + 1) & mask) {
        const owner = edgeParents[slot] as number;
        if (owner === -1) break;
        if (owner !== parent || (edgeHashes[slot] as number) !== formHash) continue;
        const node = edgeChildren[slot] as number;
        if (stems[node] === 0 && nodeTokens[node] === form) return node;
      }
    }
    return -1;
  };

  /**
   * Whether an affixed token may begin a phrase: a Cyrillic one whose first two letters begin
   * one (it may be inflected), an Arabic one whenever a phrase starts in Arabic (its clitics
   * hide its first letters).
   */
  const mayStartAt = (t: number, text: string): boolean => {
    const start = tokens.starts[t] as number;
    const first = text.charCodeAt(start);
    if (isArabic(first)) return arabicPhrases;
    return cyrillicStarts.has((foldCode(first) << 16) | foldCode(text.charCodeAt(start + 1)));
  };

  const pushHits = (terms: number[], first: number, last: number): void => {
    const start = tokens.starts[first] as number;
    const end = tokens.ends[last] as number;
    for (const term of terms) hits.push(start, end, term, first, last);
  };

  const scan = (text: string, overlapping = false): number => {
    hits.count = 0;
    const count = tokenize(text, tokens);
    const hashes = tokens.hashes;
    const marks = tokens.marks;
    const bits = filter;
    const candidates = tokens.candidates;
    const candidateCount = tokens.candidateCount;
    /** Tokens before this one are inside a match already reported (non-overlapping mode). */
    let free = 0;
    for (let c = 0; c < candidateCount; c++) {
      const t = candidates[c] as number;
      if (t < free) continue;
      const hash = hashes[t] as number;
      // Candidates that fail the filter are Cyrillic words, possibly inflected forms.
      if (((bits[(hash & 0xffff) >> 3] as number) & (1 << (hash & 7))) === 0 && !mayStartAt(t, text))
        continue;
      let node = child(0, text, t);
      if (node < 0) continue;
      let bestTerms = nodeTerms[node] as number[] | null;
      let bestLast = t;
      let k = t + 1;
      while (hasChildren[node] === 1 && k < count) {
        const gap = marks[k] as number;
        // A phrase spans spaces, hyphens, apostrophes, and a full stop only after an abbreviation letter.
        if ((gap & GAP_BREAK) !== 0) break;
        if ((gap & GAP_DOT) !== 0) {
          if ((tokens.ends[k - 1] as number) - (tokens.starts[k - 1] as number) > 2) break;
          // "EE. UU." spans a spaced full stop; "U.S. A new ..." must not.
          if ((gap & GAP_WHITESPACE) !== 0 && (tokens.ends[k] as number) - (tokens.starts[k] as number) < 2)
            break;
        }
        const next = child(node, text, k);
        if (next < 0) break;
        node = next;
        const terms = nodeTerms[node] as number[] | null;
        if (terms) {
          if (overlapping && bestTerms) pushHits(bestTerms, t, bestLast);
          bestTerms = terms;
          bestLast = k;
        }
        k++;
      }
      if (!bestTerms) continue;
      pushHits(bestTerms, t, bestLast);
      if (!overlapping) free = bestLast + 1;
    }
    return hits.count;
  };

  return {
    tokens,
    hits,
    scan,
    findAll(text: string, overlapping = false): TermHit[] {
      const found = scan(text, overlapping);
      const list: TermHit[] = new Array(found);
      for (let i = 0; i < found; i++) list[i] = hits.at(i);
      return list;
    },
  };
}
