/**
 * The phrase trie behind a term matcher, as flat arrays: built from phrases (at corpus build
 * time, or on first use), and saved to and loaded from JSON, so a page can skip building it.
 */
import { foldedSlice, hashFolded, splitPhrase } from './tokenize';

/**
 * A trie over tokenised phrases: node 0 is the root, nodes come breadth-first, node `n`
 * (n > 0) is reached from `parents[n]` by the folded token `tokens[n]`; `stems[n]` is 1 when
 * that token is a Cyrillic stem that accepts an inflection ending; `terms[n]` lists the
 * phrases that end at `n`.
 */
export interface FlatTrie {
  tokens: string[];
  /** `hashFolded(tokens[n])`, the key of the edge into node `n`. */
  hashes: Int32Array;
  parents: Int32Array;
  stems: Uint8Array;
  terms: Array<number[] | null>;
}

/**
 * A `FlatTrie` as JSON-ready data. It does not say which phrases it was made from: the
 * caller ships it beside them and checks they belong together (see `recognizer-tries.ts`).
 */
export interface CompiledTermTrie {
  tokens: string[];
  /** Shipped so a fresh tab need not hash every token (cold code hashes slowly). */
  hashes: number[];
  parents: number[];
  /** The nodes whose token is a stem. */
  stems: number[];
  /** `[node, term, term, ...]` for each node where phrases end. */
  ends: number[][];
}

/** Endings a Russian noun or name may take after its stem (Путин-а, Росси-и, Лавров-ым). */
export const RUSSIAN_ENDINGS: ReadonlySet<string> = new Set(
  // Folded, as page words are compared: й folds to и, so "ой" is written "ои".
  (
    'а я у ю ы и е ом ем ои еи ым им ов ев ам ям ах ях ами ями ого его ому ему ую ою ею ' +
    'ыи ии ая яя ое ее ые ие ых их ыми ими'
  ).split(' '),
);
const RUSSIAN_STEM_VOWELS = /[аяьйоеыиую]$/;
/** Folded endings of a Russian adjective's nominative (-ый, -ий, -ой, -ая, -ое, -ые...). */
const RUSSIAN_ADJECTIVE_ENDING = /(?:ыи|ии|ои|ая|яя|ое|ее|ые|ие)$/;
const CYRILLIC = /[\u0400-\u052f]/;

interface BuildNode {
  token: string;
  stem: boolean;
  terms: number[] | null;
  /** Children by stem flag and token ("0maduro", "1путин"). */
  children: Map<string, BuildNode>;
}

/**
 * Builds the trie of `phrases` (phrase `i` is term `i`). Each phrase is entered as tokenised
 * with and without camel-case splitting, and every Cyrillic token also as its stem, so
 * inflected forms meet it.
 */
export function buildFlatTrie(phrases: readonly string[]): FlatTrie {
  const root: BuildNode = { token: '', stem: false, terms: null, children: new Map() };
  const edge = (parent: BuildNode, token: string, stem: boolean): BuildNode => {
    const key = `${stem ? 1 : 0}${token}`;
    let node = parent.children.get(key);
    if (!node) {
      node = { token, stem, terms: null, children: new Map() };
      parent.children.set(key, node);
    }
    return node;
  };
  const insert = (tokens: string[], term: number): void => {
    let frontier: BuildNode[] = [root];
    for (const token of tokens) {
      const variants: Array<[string, boolean]> = [[token, false]];
      if (CYRILLIC.test(token)) {
        const stem = token.replace(RUSSIAN_STEM_VOWELS, '');
        variants.push([stem.length >= 3 ? stem : token, true]);
        // An adjective ("Государственный", "Овальный") inflects after a two-letter ending.
        const adjectiveStem = token.replace(RUSSIAN_ADJECTIVE_ENDING, '');
        if (adjectiveStem !== token && adjectiveStem.length >= 4 && adjectiveStem !== stem)
          variants.push([adjectiveStem, true]);
      }
      const next: BuildNode[] = [];
      for (const parent of frontier) for (const [text, stem] of variants) next.push(edge(parent, text, stem));
      frontier = next;
    }
    for (const node of frontier) {
      node.terms ??= [];
      if (!node.terms.includes(term)) node.terms.push(term);
    }
  };
  phrases.forEach((phrase, term) => {
    for (const splitCamel of [true, false]) {
      const tokens = splitPhrase(phrase, splitCamel).map(([start, end]) => foldedSlice(phrase, start, end));
      if (tokens.length > 0) insert(tokens, term);
    }
  });

  const nodes: BuildNode[] = [root];
  const parents: number[] = [-1];
  for (let n = 0; n < nodes.length; n++) {
    for (const child of (nodes[n] as BuildNode).children.values()) {
      nodes.push(child);
      parents.push(n);
    }
  }
  return {
    tokens: nodes.map((node) => node.token),
    hashes: Int32Array.from(nodes, (node) => hashFolded(node.token)),
    parents: Int32Array.from(parents),
    stems: Uint8Array.from(nodes, (node) => (node.stem ? 1 : 0)),
    terms: nodes.map((node) => node.terms),
  };
}

/** The trie of `phrases` as JSON-ready data, for the corpus build to ship. */
export function compileTermTrie(phrases: readonly string[]): CompiledTermTrie {
  const trie = buildFlatTrie(phrases);
  const stems: number[] = [];
  const ends: number[][] = [];
  trie.terms.forEach((terms, node) => {
    if (trie.stems[node] === 1) stems.push(node);
    if (terms) ends.push([node, ...terms]);
  });
  return {
    tokens: trie.tokens,
    hashes: Array.from(trie.hashes),
    parents: Array.from(trie.parents),
    stems,
    ends,
  };
}

/**
 * The trie saved by `compileTermTrie` for `termCount` phrases, checked for shape (parents
 * before children, nodes and terms in range); null when malformed, and the caller then
 * builds it afresh.
 */
export function readCompiledTrie(compiled: CompiledTermTrie, termCount: number): FlatTrie | null {
  const size = compiled.tokens?.length ?? 0;
  if (size === 0 || compiled.parents?.length !== size || compiled.hashes?.length !== size) return null;
  const parents = Int32Array.from(compiled.parents);
  // Breadth-first order: every parent comes before its children.
  for (let n = 1; n < size; n++) {
    const parent = parents[n] as number;
    if (parent < 0 || parent >= n) return null;
  }
  const stems = new Uint8Array(size);
  for (const node of compiled.stems) {
    if (!(node > 0 && node < size)) return null;
    stems[node] = 1;
  }
  const terms: Array<number[] | null> = new Array(size).fill(null);
  for (const [node, ...list] of compiled.ends) {
    if (node === undefined || !(node > 0 && node < size)) return null;
    if (list.some((term) => !(term >= 0 && term < termCount))) return null;
    terms[node] = list;
  }
  return { tokens: compiled.tokens, hashes: Int32Array.from(compiled.hashes), parents, stems, terms };
}
