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

/** The compiled tries of the recognizer's alias and cue matchers. */
export interface RecognizerTries {
  aliases: CompiledTermTrie;
  cues: CompiledTermTrie;
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
