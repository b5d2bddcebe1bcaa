import type { CorpusEvent, Entity, EntityType } from './corpus-types';
import type { CompiledTermTrie } from './term-trie';

/**
 * What recognition needs of the catalog, and nothing more: the content script holds this,
 * never the passages.
 */
export interface RecognizerData {
  entities: Array<Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'contextWords' | 'falseFriends'>>;
  events: Array<Pick<CorpusEvent, 'id' | 'name' | 'rules'>>;
  /** Entities at the heart of the story: a page must name them to count as on-topic. */
  coreEntityIds: string[];
  /**
   * The matchers' tries, compiled by the corpus build (`compileRecognizerTries`): building
   * them takes several milliseconds in a fresh page, loading them a fraction of that. Without
   * them, or when they do not fit the phrases above, the recognizer builds its own.
   */
  tries?: RecognizerTries;
}

/** An event rule's cue words as cue-matcher term numbers. */
export interface RuleCues {
  what: number[];
  /** Null when the rule names no place or time. */
  whereOrWhen: number[] | null;
}

/**
 * The recognizer's matchers compiled at corpus build time (`src/core/recognizer-tries.ts`):
 * both tries, and the cue term numbers of every entity's context words and every event
 * rule's words, so a fresh tab neither builds tries nor folds cue phrases.
 */
export interface RecognizerTries {
  /**
   * Counts of the data they were made from (entities, aliases, context words, events, rules,
   * rule words). Tries and data are written together by `npm run corpus`; a mismatch means
   * the file was edited by hand, and the recognizer then builds everything itself.
   */
  shape: string;
  aliases: CompiledTermTrie;
  cues: CompiledTermTrie;
  /** How many cue phrases the cue trie numbers. */
  cueCount: number;
  /** Per entity, the cue terms of its context words. */
  contextCues: number[][];
  /** Per event, per rule. */
  ruleCues: RuleCues[][];
}

/** A run of visible text that reads as one flow: a paragraph, a heading, a list item. */
export interface TextBlock {
  text: string;
  /** False for navigation, sidebars, footers and teaser lists: not the page's main text. */
  main: boolean;
}

/** One recognised mention of an entity. */
export interface EntityMention {
  block: number;
  start: number;
  end: number;
  entityId: string;
  type: EntityType;
  /** The alias the mention matched, as the catalog writes it. */
  alias: string;
}

/** One recognised mention of an event: the words that name what happened. */
export interface EventMention {
  block: number;
  start: number;
  end: number;
  eventId: string;
}

/** Everything recognition found on a page (or in a text). */
export interface PageRecognition {
  /** Whether the page is about the corpus's topics (see `pageVerdict`). */
  onTopic: boolean;
  mentions: EntityMention[];
  events: EventMention[];
}
