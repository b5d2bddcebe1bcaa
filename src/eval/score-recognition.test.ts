import { describe, expect, it } from 'vitest';
import type { PageRecognition, TextBlock } from '../core/recognizer-types';
import { parseDevsetLabels, type TextLabels } from './devset';
import { type CatalogNames, marksUnder, type RecognisedText, scoreRecognition } from './score-recognition';

const catalog: CatalogNames = {
  entities: [
    { id: 'maduro', name: 'Nicolás Maduro', aliases: [{ text: 'Maduro' }] },
    { id: 'putin', name: 'Vladimir Putin', aliases: [{ text: 'Putin' }] },
    { id: 'caracas', name: 'Caracas', aliases: [{ text: 'Caracas' }] },
    { id: 'lima-group', name: 'Lima Group', aliases: [{ text: 'Lima' }] },
  ],
  events: [
    { id: 'flights', name: 'Russian planes land in Caracas' },
    { id: 'call', name: 'Putin calls Maduro' },
  ],
};

const actor = (name: string, catalogId: string | null, forms: string[]) => ({
  name,
  catalog_id: catalogId,
  forms,
});
const event = (name: string, id: string | null) => ({
  name,
  date: null,
  catalog_id_or_null: id,
  mode: 'reports' as const,
});

/** A recognised text from its blocks and the (entity or event id, words) pairs marked. */
function recognised(
  file: string,
  labels: TextLabels,
  blocks: TextBlock[],
  onTopic: boolean,
  entities: Array<[string, string]>,
  events: Array<[string, string]> = [],
): RecognisedText {
  const at = (words: string) => {
    const block = blocks.findIndex((b) => b.text.includes(words));
    const start = (blocks[block] as TextBlock).text.indexOf(words);
    return { block, start, end: start + words.length };
  };
  const recognition: PageRecognition = {
    onTopic,
    mentions: entities.map(([id, words]) => ({ ...at(words), entityId: id, type: 'person', alias: words })),
    events: events.map(([id, words]) => ({ ...at(words), eventId: id })),
  };
  return {
    file,
    labels,
    blocks,
    topical: marksUnder(recognition, blocks, 'topical'),
    everywhere: marksUnder(recognition, blocks, 'everywhere'),
  };
}

const labels = (lang: string, onTopic: boolean, extra: Partial<TextLabels>): TextLabels => ({
  lang,
  on_topic: onTopic,
  actors: [],
  places: [],
  events: [],
  traps: [],
  ...extra,
});

describe('scoreRecognition', () => {
  // Two on-topic texts in English and one in Spanish, two off-topic traps in English.
  const onEn = recognised(
    'en_a.txt',
    labels('en', true, {
      actors: [actor('Nicolás Maduro', 'maduro', ['Maduro']), actor('Vladimir Putin', null, ['Putin'])],
      places: [actor('Caracas', 'caracas', ['Caracas']), actor('Rovaniemi', null, ['Rovaniemi'])],
      events: [
        event('Planes land', 'flights'),
        event('Putin calls Maduro', null),
        event('Not in catalog', null),
      ],
    }),
    [{ text: 'Putin phoned Maduro as planes landed in Caracas.', main: true }],
    true,
    [
      ['putin', 'Putin'],
      ['maduro', 'Maduro'],
    ],
    [['flights', 'landed']],
  );
  const onEn2 = recognised(
    'en_b.txt',
    labels('en', true, { actors: [actor('Nicolás Maduro', 'renamed-id', ['Maduro'])] }),
    [{ text: 'Maduro spoke in Lima.', main: true }],
    true,
    [
      ['maduro', 'Maduro'],
      ['lima-group', 'Lima'],
    ],
  );
  const onEs = recognised(
    'es_a.txt',
    labels('es', true, { actors: [actor('Nicolás Maduro', 'maduro', ['Maduro'])] }),
    [
      { text: 'Menú Maduro', main: false },
      { text: 'Texto sin nombres.', main: true },
    ],
    true,
    [['maduro', 'Maduro']],
  );
  const offVerdictWrong = recognised(
    'en_c.txt',
    labels('en', false, { actors: [actor('Vladimir Putin', 'putin', ['Vladimir Putin'])] }),
    [{ text: 'Vladimir Putin spoke to Maduro in 2018.', main: true }],
    true,
    [
      ['putin', 'Vladimir Putin'],
      ['maduro', 'Maduro'],
    ],
  );
  const offTrap = recognised(
    'en_d.txt',
    labels('en', false, {
      actors: [actor('Vladimir Putin', 'putin', ['Vladimir Putin'])],
      traps: [{ term: 'Spiridon Putin' }],
    }),
    [{ text: 'Spiridon Putin, grandfather of Vladimir Putin, cooked.', main: true }],
    false,
    [
      ['putin', 'Putin'],
      ['putin', 'Vladimir Putin'],
    ],
    [['call', 'cooked']],
  );
  const report = scoreRecognition([onEn, onEn2, onEs, offVerdictWrong, offTrap], catalog);
  const row = (lang: string) => report.languages.find((r) => r.lang === lang);

  it('scores actors by id, by name or form when the id is unknown, and leaves out what the catalog lacks', () => {
    // en: expected maduro, putin (by form), caracas in a; maduro (by name, stale id) in b = 4;
    // found putin, maduro in a; maduro, lima-group in b = 4, of which 3 are right.
    expect(row('en')?.actors).toEqual({ expected: 4, found: 4, correct: 3, recall: 0.75, precision: 0.75 });
    expect(report.texts.find((t) => t.file === 'en_a.txt')?.missedActors).toEqual(['caracas']);
    expect(report.texts.find((t) => t.file === 'en_b.txt')?.extraActors).toEqual(['lima-group']);
  });

  it('counts only marks the default mode paints: main text of on-topic pages', () => {
    // The Spanish mention is in a menu: not marked in the default mode, so missed.
    expect(row('es')?.actors).toMatchObject({ expected: 1, found: 0, recall: 0, precision: null });
  });

  it('scores the events the catalog has, matching a null id by name', () => {
    // flights (by id) and call (by name) are expected; "Not in catalog" is not.
    expect(row('en')?.events).toEqual({ expected: 2, found: 1, correct: 1, recall: 0.5, precision: 1 });
  });

  it('counts marks on off-topic texts and the wrong-sense ones with everywhere', () => {
    const wrongVerdict = report.texts.find((t) => t.file === 'en_c.txt');
    expect(wrongVerdict?.offTopicMarks).toEqual(['putin: Vladimir Putin', 'maduro: Maduro']);
    // Maduro is not labelled for that text: a wrong sense; Putin is.
    expect(wrongVerdict?.wrongSenseMarks).toEqual(['maduro: Maduro']);
    const trap = report.texts.find((t) => t.file === 'en_d.txt');
    expect(trap?.offTopicMarks).toEqual([]);
    // "Putin" inside the trap's words is the grandfather; "Vladimir Putin" is a labelled form;
    // any event on an off-topic text is wrong.
    expect(trap?.wrongSenseMarks).toEqual(['putin: Putin', 'call: cooked']);
    expect(row('en')).toMatchObject({ offTopicTexts: 2, offTopicMarks: 2, wrongSenseMarks: 3 });
  });

  it('sums all languages and judges the targets', () => {
    expect(report.languages.map((r) => r.lang)).toEqual(['en', 'es']);
    expect(report.overall.actors).toMatchObject({ expected: 5, found: 4, correct: 3 });
    const met = Object.fromEntries(report.targets.map((t) => [t.name, t.met]));
    expect(met['event precision >= 0.9 (on-topic texts)']).toBe(true);
    expect(met['event recall >= 0.85 (on-topic texts)']).toBe(false);
    expect(met['actor precision >= 0.98 (es)']).toBe(true);
    expect(met['actor recall >= 0.95 (es)']).toBe(false);
    expect(met['every off-topic text: no mark in the default mode']).toBe(false);
    expect(report.targets.find((t) => t.name.startsWith('every off-topic text: no wrong'))?.actual).toBe(
      '0/2 texts',
    );
  });

  it('meets every target on a perfect result', () => {
    const perfect = recognised(
      'de_a.txt',
      labels('de', true, { actors: [actor('Nicolás Maduro', 'maduro', ['Maduro'])] }),
      [{ text: 'Maduro sprach.', main: true }],
      true,
      [['maduro', 'Maduro']],
    );
    expect(scoreRecognition([perfect], catalog).targets.every((t) => t.met)).toBe(true);
  });
});

describe('parseDevsetLabels', () => {
  it('names the file and key of a malformed label', () => {
    expect(() =>
      parseDevsetLabels({
        'en_a.txt': { lang: 'en', on_topic: 'yes', actors: [], places: [], events: [], traps: [] },
      }),
    ).toThrow(/en_a\.txt: on_topic/);
    expect(() => parseDevsetLabels([])).toThrow(/expected an object/);
  });
});
