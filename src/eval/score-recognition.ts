/**
 * Scores recognition against the development set's labels: actors (people, organisations
 * and places) and the catalog's events, recall and precision per language, and what
 * off-topic texts get marked. Pure: the texts come already recognised (`marksUnder`).
 */
import { foldPhrase } from '../core/fold';
import type { PageRecognition, TextBlock } from '../core/recognizer-types';
import type { ActorLabel, EventLabel, TextLabels } from './devset';

/** The catalog names the scorer matches labels against. */
export interface CatalogNames {
  entities: ReadonlyArray<{ id: string; name: string; aliases: ReadonlyArray<{ text: string }> }>;
  events: ReadonlyArray<{ id: string; name: string }>;
}

/** One mark: what it names, where, and the words it covers. */
export interface Mark {
  id: string;
  block: number;
  start: number;
  end: number;
  text: string;
}

/** What a reader would see marked on a text under one setting. */
export interface TextMarks {
  entities: Mark[];
  events: Mark[];
}

/** A text with what recognition marked in the default (topical) mode and with *everywhere*. */
export interface RecognisedText {
  file: string;
  labels: TextLabels;
  blocks: readonly TextBlock[];
  topical: TextMarks;
  everywhere: TextMarks;
}

/**
 * The marks the content script paints: in `topical` mode only on an on-topic page and only in
 * its main text, in `everywhere` mode every mention (the rules of `marksFor` in the content
 * script, without the layout check a text does not need).
 */
export function marksUnder(
  recognition: PageRecognition,
  blocks: readonly TextBlock[],
  scope: 'topical' | 'everywhere',
): TextMarks {
  const allowed = (block: number) =>
    scope === 'everywhere' || (recognition.onTopic && blocks[block]?.main === true);
  const markOf = (id: string, block: number, start: number, end: number): Mark => ({
    id,
    block,
    start,
    end,
    text: (blocks[block]?.text ?? '').slice(start, end),
  });
  return {
    entities: recognition.mentions
      .filter((m) => allowed(m.block))
      .map((m) => markOf(m.entityId, m.block, m.start, m.end)),
    events: recognition.events
      .filter((m) => allowed(m.block))
      .map((m) => markOf(m.eventId, m.block, m.start, m.end)),
  };
}

/** Recall and precision over distinct (text, id) pairs. */
export interface Score {
  /** Labelled items the catalog has. */
  expected: number;
  /** Distinct items recognition marked. */
  found: number;
  /** Marked items that are labelled. */
  correct: number;
  /** correct / expected, or null when nothing was expected. */
  recall: number | null;
  /** correct / found, or null when nothing was marked. */
  precision: number | null;
}

/** One language's figures (or all languages', with `lang` "all"). */
export interface LanguageRow {
  lang: string;
  onTopicTexts: number;
  offTopicTexts: number;
  actors: Score;
  events: Score;
  /** Marks on off-topic texts in the default mode (should be none). */
  offTopicMarks: number;
  /** Marks on off-topic texts with *everywhere* that name something else (should be none). */
  wrongSenseMarks: number;
}

/** What went wrong on one text, for the reader of the eval's output. */
export interface TextDetail {
  file: string;
  lang: string;
  onTopic: boolean;
  missedActors: string[];
  extraActors: string[];
  missedEvents: string[];
  extraEvents: string[];
  /** Off-topic texts: default-mode marks, as "id: words". */
  offTopicMarks: string[];
  /** Off-topic texts: wrong-sense marks with *everywhere*, as "id: words". */
  wrongSenseMarks: string[];
}

/** One target of issue 7 and whether it is met. */
export interface Target {
  name: string;
  met: boolean;
  /** The figure the target is judged on, in words. */
  actual: string;
}

/** The whole eval: a row per language, the overall row, the targets, and per-text detail. */
export interface EvalReport {
  languages: LanguageRow[];
  overall: LanguageRow;
  targets: Target[];
  texts: TextDetail[];
}

/** The thresholds the issue sets. */
export const TARGETS = {
  eventRecall: 0.85,
  eventPrecision: 0.9,
  actorRecall: 0.95,
  actorPrecision: 0.98,
} as const;

/** Finds catalog ids for labels: by id where it is set and known, else by name or form. */
function labelResolver(catalog: CatalogNames) {
  const entityIds = new Set(catalog.entities.map((e) => e.id));
  const entityByName = new Map<string, string>();
  for (const entity of catalog.entities) {
    for (const text of [entity.name, ...entity.aliases.map((a) => a.text)]) {
      const key = foldPhrase(text);
      if (key && !entityByName.has(key)) entityByName.set(key, entity.id);
    }
  }
  const eventIds = new Set(catalog.events.map((e) => e.id));
  const eventByName = new Map(catalog.events.map((e) => [foldPhrase(e.name), e.id]));
  return {
    entity(label: ActorLabel): string | null {
      if (label.catalog_id && entityIds.has(label.catalog_id)) return label.catalog_id;
      for (const text of [label.name, ...label.forms]) {
        const id = entityByName.get(foldPhrase(text));
        if (id) return id;
      }
      return null;
    },
    event(label: EventLabel): string | null {
      const id = label.catalog_id_or_null;
      if (id && eventIds.has(id)) return id;
      return eventByName.get(foldPhrase(label.name)) ?? null;
    },
  };
}

interface Tally {
  expected: number;
  found: number;
  correct: number;
}

const emptyTally = (): Tally => ({ expected: 0, found: 0, correct: 0 });

function scoreOf(tally: Tally): Score {
  return {
    ...tally,
    recall: tally.expected === 0 ? null : tally.correct / tally.expected,
    precision: tally.found === 0 ? null : tally.correct / tally.found,
  };
}

/** Adds one text's expected and found sets to a tally. */
function tallySets(tally: Tally, expected: ReadonlySet<string>, found: ReadonlySet<string>): void {
  tally.expected += expected.size;
  tally.found += found.size;
  for (const id of found) if (expected.has(id)) tally.correct++;
}

/** Where each trap's words occur in the text's blocks: [block, start, end]. */
function trapSpans(text: RecognisedText): Array<[number, number, number]> {
  const spans: Array<[number, number, number]> = [];
  text.blocks.forEach((block, index) => {
    const lower = block.text.toLowerCase();
    for (const trap of text.labels.traps) {
      const term = trap.term.toLowerCase();
      if (term.length === 0) continue;
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1))
        spans.push([index, at, at + term.length]);
    }
  });
  return spans;
}

/**
 * Marks on an off-topic text (with *everywhere*) that name something else: an entity the
 * labels do not list for this text, a listed entity marked inside a trap's words by a form
 * the labels do not give it ("Putin" in "Spiridon Ivanovich Putin"), or any event.
 */
function wrongSenseMarks(text: RecognisedText, labelled: ReadonlyMap<string, ReadonlySet<string>>): Mark[] {
  const traps = trapSpans(text);
  const inTrap = (mark: Mark) =>
    traps.some(([block, start, end]) => block === mark.block && mark.start < end && mark.end > start);
  const wrong = text.everywhere.entities.filter((mark) => {
    const forms = labelled.get(mark.id);
    if (!forms) return true;
    return inTrap(mark) && !forms.has(foldPhrase(mark.text));
  });
  return [...wrong, ...text.everywhere.events];
}

const describeMark = (mark: Mark) => `${mark.id}: ${mark.text.replace(/\s+/g, ' ')}`;

/** A language's counts while texts are scored. */
interface RowTally {
  lang: string;
  onTopicTexts: number;
  offTopicTexts: number;
  actors: Tally;
  events: Tally;
  offTopicMarks: number;
  wrongSenseMarks: number;
}

const newRowTally = (lang: string): RowTally => ({
  lang,
  onTopicTexts: 0,
  offTopicTexts: 0,
  actors: emptyTally(),
  events: emptyTally(),
  offTopicMarks: 0,
  wrongSenseMarks: 0,
});

const rowOf = (tally: RowTally): LanguageRow => ({
  ...tally,
  actors: scoreOf(tally.actors),
  events: scoreOf(tally.events),
});

/** Scores one text into each of `rows` (its language's and the overall one). */
function scoreText(
  text: RecognisedText,
  resolve: ReturnType<typeof labelResolver>,
  rows: RowTally[],
): TextDetail {
  const { labels } = text;
  // Labelled entities with the forms the text writes them in (folded).
  const labelled = new Map<string, Set<string>>();
  for (const label of [...labels.actors, ...labels.places]) {
    const id = resolve.entity(label);
    if (!id) continue;
    const forms = labelled.get(id) ?? new Set<string>();
    for (const form of label.forms) forms.add(foldPhrase(form));
    labelled.set(id, forms);
  }
  const detail: TextDetail = {
    file: text.file,
    lang: labels.lang,
    onTopic: labels.on_topic,
    missedActors: [],
    extraActors: [],
    missedEvents: [],
    extraEvents: [],
    offTopicMarks: [],
    wrongSenseMarks: [],
  };
  if (labels.on_topic) {
    const expectedActors = new Set(labelled.keys());
    const foundActors = new Set(text.topical.entities.map((m) => m.id));
    const expectedEvents = new Set(
      labels.events.map((e) => resolve.event(e)).filter((id): id is string => id !== null),
    );
    const foundEvents = new Set(text.topical.events.map((m) => m.id));
    for (const row of rows) {
      row.onTopicTexts++;
      tallySets(row.actors, expectedActors, foundActors);
      tallySets(row.events, expectedEvents, foundEvents);
    }
    detail.missedActors = [...expectedActors].filter((id) => !foundActors.has(id));
    detail.extraActors = [...foundActors].filter((id) => !expectedActors.has(id));
    detail.missedEvents = [...expectedEvents].filter((id) => !foundEvents.has(id));
    detail.extraEvents = [...foundEvents].filter((id) => !expectedEvents.has(id));
  } else {
    detail.offTopicMarks = [...text.topical.entities, ...text.topical.events].map(describeMark);
    detail.wrongSenseMarks = wrongSenseMarks(text, labelled).map(describeMark);
    for (const row of rows) {
      row.offTopicTexts++;
      row.offTopicMarks += detail.offTopicMarks.length;
      row.wrongSenseMarks += detail.wrongSenseMarks.length;
    }
  }
  return detail;
}

/** Scores recognised texts against their labels (see `EvalReport`). */
export function scoreRecognition(texts: readonly RecognisedText[], catalog: CatalogNames): EvalReport {
  const resolve = labelResolver(catalog);
  const rows = new Map<string, RowTally>();
  const all = newRowTally('all');
  const details: TextDetail[] = [];
  for (const text of [...texts].sort((a, b) => a.file.localeCompare(b.file))) {
    const { labels } = text;
    let row = rows.get(labels.lang);
    if (!row) {
      row = newRowTally(labels.lang);
      rows.set(labels.lang, row);
    }
    const detail = scoreText(text, resolve, [row, all]);
    details.push(detail);
  }
  const languages = [...rows.values()]
    .map(rowOf)
    .sort(
      (a, b) =>
        b.onTopicTexts + b.offTopicTexts - (a.onTopicTexts + a.offTopicTexts) || a.lang.localeCompare(b.lang),
    );
  const overall = rowOf(all);
  return { languages, overall, targets: targetsOf(languages, overall, details), texts: details };
}

const atLeast = (value: number | null, threshold: number) => value === null || value >= threshold;
const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));

/** The targets, judged on the scored figures. */
function targetsOf(languages: LanguageRow[], overall: LanguageRow, texts: TextDetail[]): Target[] {
  const targets: Target[] = [
    {
      name: `event recall >= ${TARGETS.eventRecall} (on-topic texts)`,
      met: atLeast(overall.events.recall, TARGETS.eventRecall),
      actual: figure(overall.events.recall),
    },
    {
      name: `event precision >= ${TARGETS.eventPrecision} (on-topic texts)`,
      met: atLeast(overall.events.precision, TARGETS.eventPrecision),
      actual: figure(overall.events.precision),
    },
  ];
  for (const row of languages.filter((r) => r.onTopicTexts > 0)) {
    targets.push(
      {
        name: `actor recall >= ${TARGETS.actorRecall} (${row.lang})`,
        met: atLeast(row.actors.recall, TARGETS.actorRecall),
        actual: figure(row.actors.recall),
      },
      {
        name: `actor precision >= ${TARGETS.actorPrecision} (${row.lang})`,
        met: atLeast(row.actors.precision, TARGETS.actorPrecision),
        actual: figure(row.actors.precision),
      },
    );
  }
  const offTopic = texts.filter((t) => !t.onTopic);
  const unmarked = offTopic.filter((t) => t.offTopicMarks.length === 0).length;
  const rightSense = offTopic.filter((t) => t.wrongSenseMarks.length === 0).length;
  targets.push(
    {
      name: 'every off-topic text: no mark in the default mode',
      met: unmarked === offTopic.length,
      actual: `${unmarked}/${offTopic.length} texts`,
    },
    {
      name: 'every off-topic text: no wrong-sense mark with everywhere',
      met: rightSense === offTopic.length,
      actual: `${rightSense}/${offTopic.length} texts`,
    },
  );
  return targets;
}
