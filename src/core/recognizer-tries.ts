/**
 * The recognizer's two matchers (aliases, and cue words for evidence and events) as the
 * corpus build compiles them and a page loads them: the same data both ways, built here once
 * from the catalog and checked on load against the data it ships with.
 */
import { foldPhrase } from './fold';
import type { RecognizerData, RecognizerTries, RuleCues } from './recognizer-types';
import { createTermMatcher, type TermMatcher, termMatcherOf } from './term-matcher';
import { compileTermTrie, readCompiledTrie } from './term-trie';

/** The cue matcher's phrases, and the entities' and rules' cue words as their term numbers. */
export interface CueTables {
  /** Context words and event cue words, each folded form once. */
  cues: string[];
  /** Per entity, the cue terms of its context words. */
  contextCues: number[][];
  /** Per event, per rule. */
  ruleCues: RuleCues[][];
}

/** Every alias of every entity, entity by entity: the alias matcher's terms. */
export function aliasPhrasesOf(data: RecognizerData): string[] {
  return data.entities.flatMap((entity) => entity.aliases.map((alias) => alias.text));
}

/** Numbers the cue phrases (context words first, then rule words; one term per folded form). */
export function cueTablesOf(data: RecognizerData): CueTables {
  const cues: string[] = [];
  const ids = new Map<string, number>();
  const cue = (phrase: string): number => {
    const key = foldPhrase(phrase);
    let id = ids.get(key);
    if (id === undefined) {
      id = cues.length;
      ids.set(key, id);
      cues.push(phrase);
    }
    return id;
  };
  const contextCues = data.entities.map((entity) => (entity.contextWords ?? []).map(cue));
  const ruleCues = data.events.map((event) =>
    event.rules.map(
      (rule): RuleCues => ({
        what: rule.what.map(cue),
        whereOrWhen: rule.whereOrWhen?.length ? rule.whereOrWhen.map(cue) : null,
      }),
    ),
  );
  return { cues, contextCues, ruleCues };
}

/** Counts that tell whether compiled tries were made from this data (`RecognizerTries.shape`). */
function shapeOf(data: RecognizerData): string {
  let aliases = 0;
  let contextWords = 0;
  for (const entity of data.entities) {
    aliases += entity.aliases.length;
    contextWords += entity.contextWords?.length ?? 0;
  }
  let rules = 0;
  let ruleWords = 0;
  for (const event of data.events) {
    for (const rule of event.rules) {
      rules++;
      ruleWords += rule.what.length + (rule.whereOrWhen?.length ?? 0);
    }
  }
  return [data.entities.length, aliases, contextWords, data.events.length, rules, ruleWords].join('/');
}

/** The recognizer's matchers, compiled at corpus build time so pages skip building them. */
export function compileRecognizerTries(data: RecognizerData): RecognizerTries {
  const tables = cueTablesOf(data);
  return {
    shape: shapeOf(data),
    aliases: compileTermTrie(aliasPhrasesOf(data)),
    cues: compileTermTrie(tables.cues),
    cueCount: tables.cues.length,
    contextCues: tables.contextCues,
    ruleCues: tables.ruleCues,
  };
}

/** The shipped tries when they were made from this data, else null. */
function shippedTries(data: RecognizerData): RecognizerTries | null {
  return data.tries?.shape === shapeOf(data) ? data.tries : null;
}

/** The alias matcher: loaded from the shipped trie when it fits the data, else built. */
export function aliasMatcherOf(data: RecognizerData): TermMatcher {
  const phrases = aliasPhrasesOf(data);
  const shipped = shippedTries(data);
  const trie = shipped && readCompiledTrie(shipped.aliases, phrases.length);
  return trie ? termMatcherOf(trie) : createTermMatcher(phrases);
}

/** The cue matcher and tables: loaded from the build when they fit the data, else built. */
export function cueMatcherOf(data: RecognizerData): Omit<CueTables, 'cues'> & { matcher: TermMatcher } {
  const shipped = shippedTries(data);
  const trie = shipped && readCompiledTrie(shipped.cues, shipped.cueCount);
  if (shipped && trie) {
    return { matcher: termMatcherOf(trie), contextCues: shipped.contextCues, ruleCues: shipped.ruleCues };
  }
  const { cues, contextCues, ruleCues } = cueTablesOf(data);
  return { matcher: createTermMatcher(cues), contextCues, ruleCues };
}
