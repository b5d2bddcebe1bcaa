import { foldCode } from './char-table';
import {
  foldedEquals,
  foldedSlice,
  GAP_BREAK,
  GAP_DOT,
  GAP_WHITESPACE,
  hashFolded,
  splitPhrase,
  TOKEN_CYRILLIC,
  TokenBuffer,
  tokenize,
} from './tokenize';

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

interface TrieNode {
  /** The folded token this edge stands for, to rule out hash collisions. */
  token: string;
  /** True when the edge is a Cyrillic stem that accepts an inflection ending. */
  stem: boolean;
  terms: number[] | null;
  next: Map<number, TrieNode[]> | null;
}

const FILTER_BITS = 1 << 16;
/** Endings a Russian noun or name may take after its stem (Путин-а, Росси-и, Лавров-ым). */
const RUSSIAN_ENDINGS = new Set([
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'е',
  'ом',
  'ем',
  'ой',
  'ей',
  'ым',
  'им',
  'ов',
  'ев',
  'ам',
  'ям',
  'ах',
  'ях',
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ую',
  'ою',
  'ею',
]);
const RUSSIAN_STEM_VOWELS = /[аяьйоеыиую]$/;

/** Compiles phrases into a matcher; `phrases[i]` is reported as term `i`. */
export function createTermMatcher(phrases: readonly string[]): TermMatcher {
  const root = new Map<number, TrieNode[]>();
  const filter = new Uint8Array(FILTER_BITS >> 3);
  /** First two folded letters of every Cyrillic first token: a cheap filter before stemming. */
  const cyrillicStarts = new Set<number>();

  const edge = (map: Map<number, TrieNode[]>, token: string, stem: boolean): TrieNode => {
    const hash = hashFolded(token);
    let list = map.get(hash);
    if (!list) {
      list = [];
      map.set(hash, list);
    }
    let node = list.find((n) => n.token === token && n.stem === stem);
    if (!node) {
      node = { token, stem, terms: null, next: null };
      list.push(node);
    }
    if (map === root) {
      const slot = (hash & 0xffff) >> 3;
      filter[slot] = (filter[slot] as number) | (1 << (hash & 7));
      if (/[\u0400-\u052f]/.test(token))
        cyrillicStarts.add((token.charCodeAt(0) << 16) | token.charCodeAt(1));
    }
    return node;
  };

  const insert = (tokens: string[], term: number): void => {
    // Every Cyrillic token is also entered as a stem, so inflected forms meet it.
    let frontier: TrieNode[] = [];
    tokens.forEach((token, index) => {
      const variants: Array<[string, boolean]> = [[token, false]];
      if (/[\u0400-\u052f]/.test(token)) {
        const stem = token.replace(RUSSIAN_STEM_VOWELS, '');
        variants.push([stem.length >= 3 ? stem : token, true]);
      }
      const parents = index === 0 ? [null] : frontier;
      const nextFrontier: TrieNode[] = [];
      for (const parent of parents) {
        let map = root;
        if (parent) {
          if (!parent.next) parent.next = new Map();
          map = parent.next;
        }
        for (const [text, stem] of variants) nextFrontier.push(edge(map, text, stem));
      }
      frontier = nextFrontier;
    });
    for (const node of frontier) {
      if (!node.terms) node.terms = [];
      if (!node.terms.includes(term)) node.terms.push(term);
    }
  };

  phrases.forEach((phrase, term) => {
    for (const splitCamel of [true, false]) {
      const tokens = splitPhrase(phrase, splitCamel).map(([start, end]) => foldedSlice(phrase, start, end));
      if (tokens.length > 0) insert(tokens, term);
    }
  });

  const tokens = new TokenBuffer();

  /** Finds the child edge for token `t`, trying Russian stems for Cyrillic tokens. */
  const child = (map: Map<number, TrieNode[]>, text: string, t: number, hash: number): TrieNode | null => {
    const start = tokens.starts[t] as number;
    const end = tokens.ends[t] as number;
    const exact = map.get(hash);
    if (exact) {
      for (const node of exact) if (!node.stem && foldedEquals(text, start, end, node.token)) return node;
    }
    if (((tokens.flags[t] as number) & TOKEN_CYRILLIC) === 0) return null;
    const folded = foldedSlice(text, start, end);
    for (let cut = 1; cut <= 3 && folded.length - cut >= 3; cut++) {
      const stem = folded.slice(0, folded.length - cut);
      if (!RUSSIAN_ENDINGS.has(folded.slice(folded.length - cut))) continue;
      const list = map.get(hashFolded(stem));
      if (!list) continue;
      for (const node of list) if (node.stem && node.token === stem) return node;
    }
    return null;
  };

  /** Whether a Cyrillic token's first two letters begin any Cyrillic phrase (it may be inflected). */
  const mayStartAt = (t: number, text: string): boolean => {
    const start = tokens.starts[t] as number;
    return cyrillicStarts.has(
      (foldCode(text.charCodeAt(start)) << 16) | foldCode(text.charCodeAt(start + 1)),
    );
  };

  const pushHits = (hits: TermHit[], terms: number[], first: number, last: number): void => {
    for (const term of terms) {
      hits.push({
        start: tokens.starts[first] as number,
        end: tokens.ends[last] as number,
        term,
        firstToken: first,
        lastToken: last,
      });
    }
  };

  return {
    tokens,
    findAll(text: string, overlapping = false): TermHit[] {
      const hits: TermHit[] = [];
      const count = tokenize(text, tokens);
      const hashes = tokens.hashes;
      const flags = tokens.flags;
      const bits = filter;
      for (let t = 0; t < count; t++) {
        const hash = hashes[t] as number;
        if (((bits[(hash & 0xffff) >> 3] as number) & (1 << (hash & 7))) === 0) {
          if (((flags[t] as number) & TOKEN_CYRILLIC) === 0 || !mayStartAt(t, text)) continue;
        }
        let node = child(root, text, t, hashes[t] as number);
        if (!node) continue;
        let bestTerms = node.terms;
        let bestLast = t;
        let k = t + 1;
        while (node.next && k < count) {
          const gap = tokens.gaps[k] as number;
          // A phrase spans spaces, hyphens, apostrophes, and a full stop only after an abbreviation letter.
          if ((gap & GAP_BREAK) !== 0) break;
          if ((gap & GAP_DOT) !== 0) {
            if ((tokens.ends[k - 1] as number) - (tokens.starts[k - 1] as number) > 2) break;
            // "EE. UU." spans a spaced full stop; "U.S. A new ..." must not.
            if ((gap & GAP_WHITESPACE) !== 0 && (tokens.ends[k] as number) - (tokens.starts[k] as number) < 2)
              break;
          }
          const next: TrieNode | null = child(node.next, text, k, hashes[k] as number);
          if (!next) break;
          node = next;
          if (node.terms) {
            if (overlapping && bestTerms) pushHits(hits, bestTerms, t, bestLast);
            bestTerms = node.terms;
            bestLast = k;
          }
          k++;
        }
        if (!bestTerms) continue;
        pushHits(hits, bestTerms, t, bestLast);
        if (!overlapping) t = bestLast;
      }
      return hits;
    },
  };
}
