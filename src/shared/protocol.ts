/**
 * Every message Sourcelight sends, defined once. The background answers the first group;
 * the content script answers the second. Each message is checked for sender and shape on
 * arrival (see entrypoints/background/message-guard.ts); nothing else is ever sent.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ArticleMeta, EntityType } from '../core/corpus-types';

/** An article as a citation needs it. */
export type CitedArticle = Pick<
  ArticleMeta,
  'id' | 'outlet' | 'headline' | 'url' | 'published' | 'dateInferred' | 'authors'
>;

/** A passage ready to show: verbatim text, where the subject is named in it, and its source. */
export interface CitedPassage {
  passageId: string;
  text: string;
  caption: boolean;
  /** [start, end) offsets in `text` of the card's subject (to emphasise) and of matched search terms. */
  emphasis: Array<[number, number]>;
  article: CitedArticle;
}

/** The kinds of thing a card or a mark can be about. */
export type SubjectKind = 'entity' | 'event';

/** What a card shows about an entity or an event. */
export interface CardData {
  kind: SubjectKind;
  id: string;
  name: string;
  /** Entity type; absent for events. */
  type?: EntityType;
  /** The entity's one-line role or the event's one-sentence summary. */
  description: string;
  /** Event date (ISO day or month) where known. */
  date?: string | null;
  articleCount: number;
  outletCount: number;
  passages: CitedPassage[];
  /** What the whole corpus is, so every card can say where its passages come from. */
  corpus: CorpusScope;
}

/** The corpus in one line: how many articles, and the span of their dates. */
export interface CorpusScope {
  articles: number;
  /** ISO dates of the earliest and latest dated article, or null. */
  from: string | null;
  to: string | null;
}

/** Filters the popup's search can combine. */
export interface SearchFilters {
  outlets?: string[];
  entityIds?: string[];
  entityTypes?: EntityType[];
  /** ISO dates, inclusive; compared with the article's stated or inferred date. */
  from?: string;
  to?: string;
}

/** One search hit. */
export interface SearchHit extends CitedPassage {
  score: number;
}

/** The search answer: hits, and spelling suggestions when the query found little. */
export interface SearchResponse {
  query: string;
  total: number;
  hits: SearchHit[];
  suggestions: string[];
  /** How long the query took in the background, in milliseconds. */
  tookMs: number;
}

/** The corpus at a glance, for the popup's empty state. */
export interface CorpusOverview {
  articles: number;
  passages: number;
  outlets: Array<{ name: string; articles: number }>;
  /** Earliest and latest article date (stated or inferred). */
  from: string | null;
  to: string | null;
  topEntities: Array<{ id: string; name: string; type: EntityType; passages: number }>;
  events: Array<{ id: string; name: string; date: string | null }>;
  entityTypes: EntityType[];
}

/** What one tab's page mentions, as its content script reports it. */
export interface PageState {
  url: string;
  onTopic: boolean;
  /** Whether marks are shown (the settings and the verdict allow them). */
  marking: boolean;
  entities: Array<{ id: string; name: string; type: EntityType; count: number }>;
  events: Array<{ id: string; name: string; count: number }>;
}

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** The card for an entity or event, its passages ranked by the page text around the mention. */
  findPassages(data: { kind: SubjectKind; id: string; context: string; limit: number }): CardData | null;
  /** Full-text search over the corpus (popup). */
  searchCorpus(data: { query: string; filters?: SearchFilters; limit?: number }): SearchResponse;
  /** The corpus at a glance (popup's empty state). */
  corpusOverview(): CorpusOverview;
  /** A content script reports what its page mentions (badge, popup's "On this page"). */
  reportPageState(data: PageState): void;
  /** What a tab mentions, as last reported (popup). */
  getPageState(data: { tabId: number }): PageState | null;
  /** Open the corpus search in a tab with a query (the card's "Search the sources" button). */
  openSearch(data: { query: string }): void;
}

/** Messages a tab's content script answers (sent by the popup). */
export interface ContentProtocol {
  /** Scroll to the first mention of an entity or event and open its card. */
  revealMention(data: { kind: SubjectKind; id: string }): boolean;
  /** The page's current state, straight from the tab (when the background has none). */
  currentPageState(): PageState;
  /** Step to the next or previous mention and open its card (keyboard shortcut, via the background). */
  stepMention(data: { direction: 1 | -1 }): boolean;
}

/** Typed messaging to and from the background. */
export const backgroundMessaging = defineExtensionMessaging<BackgroundProtocol>();
/** Typed messaging to a tab's content script. */
export const contentMessaging = defineExtensionMessaging<ContentProtocol>();
