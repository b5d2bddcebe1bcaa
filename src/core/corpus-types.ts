/**
 * The shapes of Sourcelight's data, shared by the corpus build (Node), the recogniser
 * (page and Node) and the extension's background and UI. Plain data only: everything here
 * survives JSON and structured cloning.
 */

/** What kind of thing an entity is; drives the highlight style and the card's label. */
export type EntityType = 'person' | 'organization' | 'country' | 'place';

/** One way of writing an entity's name, as a page might. */
export interface Alias {
  /** The alias as written, e.g. "Nicolás Maduro", "Мадуро", "el Kremlin". */
  text: string;
  /** BCP 47 language of the alias where it is specific to one ("es", "ru"); absent for any. */
  lang?: string;
  /**
   * True when the alias often means something else on the web (Bolton the town, Lima the
   * city, Wagner the composer): it counts only with evidence on the page.
   */
  ambiguous?: boolean;
  /**
   * True when the alias counts only written with the capitals it has here ("Trump", "Pence",
   * "EU"), because in lower case it is an ordinary word.
   */
  caseSensitive?: boolean;
}

/**
 * The words of an article that a catalog statement rests on, copied verbatim from one of its
 * paragraphs (or its headline, standfirst, a subhead or a caption). The corpus build refuses
 * a quote its article does not contain.
 */
export interface Quote {
  articleId: string;
  /** Verbatim, within one paragraph; runs of white space compare as one space. */
  text: string;
}

/** A person, organization, country or place the corpus names. */
export interface Entity {
  /** Stable kebab-case id, e.g. "nicolas-maduro". */
  id: string;
  /** Canonical display name, e.g. "Nicolás Maduro". */
  name: string;
  type: EntityType;
  /** One line, written from the corpus: who or what this is in the story. */
  role: string;
  /** The article words the role rests on; the build refuses a role without any. */
  roleQuotes: Quote[];
  aliases: Alias[];
  /**
   * Words that, near an ambiguous alias, show the page is talking about this entity
   * (for the Wagner Group: "mercenaries", "contractors", "private military").
   */
  contextWords?: string[];
  /** Names that, directly before or after an ambiguous alias, show it is someone else ("Adriana" Lima). */
  falseFriends?: string[];
  /**
   * Part of the story's core (Venezuela, Maduro, Guaidó, the Wagner Group...): a page has to
   * name core entities to count as being about the corpus's topics.
   */
  core?: boolean;
}

/** How a page mention of an event is recognised: who + what (+ where/when) within a window. */
export interface EventRule {
  /** Entity ids; at least one must be mentioned in the window. */
  who: string[];
  /** Trigger phrases (folded, word-bounded); at least one must occur in the window. */
  what: string[];
  /** Optional place or time phrases; when given, at least one must occur in the window. */
  whereOrWhen?: string[];
  /** The window the parts must share. */
  window: 'sentence' | 'paragraph';
}

/** Something that happened, as the articles report it. */
export interface CorpusEvent {
  id: string;
  name: string;
  /** ISO date ("2019-03-23") or month ("2019-03"), or null where the articles give none. */
  date: string | null;
  /** Where the date comes from, in words; required when `date` is not null. */
  dateBasis?: string;
  /** The article words the date basis rests on (any article: another may date the same day). */
  dateBasisQuotes: Quote[];
  /** One sentence, saying no more than its quotes. */
  summary: string;
  /** The article words the summary rests on (from the event's own articles). */
  summaryQuotes: Quote[];
  entityIds: string[];
  /** Articles that report the event. */
  articleIds: string[];
  rules: EventRule[];
}

/** One source's value in a disagreement. */
export interface DisagreementValue {
  articleId: string;
  value: string;
  /** The words of the article that give the value, verbatim, within one paragraph. */
  quote: string;
}

/** A figure or fact the articles give differently (staff counts, amounts, spellings). */
export interface Disagreement {
  id: string;
  /** What is disputed, e.g. "Russian personnel who landed in Caracas in March 2019". */
  topic: string;
  eventId?: string;
  entityId?: string;
  values: DisagreementValue[];
}

/** The hand-kept catalog of entities, events and disagreements under corpus/catalog/. */
export interface Catalog {
  entities: Entity[];
  events: CorpusEvent[];
  disagreements: Disagreement[];
}

/** Metadata of one article, as its source file under corpus/articles/ records it. */
export interface ArticleMeta {
  id: string;
  outlet: string;
  headline: string;
  /** Subheading or standfirst where the article has one. */
  standfirst?: string;
  /** The URL exactly as the saved text gives it, or null where it gives none. */
  url: string | null;
  /** Why the URL is as it is (e.g. "cut short with '...' in the saved text"). */
  urlNote?: string;
  /** ISO date stated by the article's own dateline or byline, else null. */
  published: string | null;
  /** Where no date is stated: a date inferred from the text, and from what. */
  dateInferred?: { date: string; basis: string };
  authors: string[];
  /** The seed file the article was imported from. */
  seed: string;
  /** Anything a reader of the metadata should know (reposts, duplicates dropped). */
  notes?: string[];
}

/** Where a passage names an entity or an event: text[start, end) names `id`. */
export interface PassageMention {
  id: string;
  start: number;
  end: number;
}

/** A paragraph of an article: the unit that cards quote and search returns. */
export interface Passage {
  /** `${articleId}/p${n}`, n counting from 1 in article order. */
  id: string;
  articleId: string;
  /** Verbatim article text. */
  text: string;
  /** True for a photo caption. */
  caption?: boolean;
  entityIds: string[];
  eventIds: string[];
  /**
   * Every mention of an entity or event in `text`, in text order, as the build's recogniser
   * found it: cards emphasise them without recognising the corpus again at run time.
   */
  mentions: PassageMention[];
}

/** The built corpus: the public JSON format written by `npm run corpus -- --out FILE`. */
export interface BuiltCorpus {
  version: 1;
  articles: ArticleMeta[];
  passages: Passage[];
  entities: Entity[];
  events: CorpusEvent[];
  disagreements: Disagreement[];
}
