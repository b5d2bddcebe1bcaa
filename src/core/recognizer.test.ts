import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../corpus/build/load-catalog';
import { readCorpusSources } from '../corpus/build/read-corpus-sources';
import { htmlBlocks } from '../scan/scan-source';
import { createRecognizer, type Recognizer } from './recognizer';
import { recognizerDataOf } from './recognizer-data';
import type { RecognizerData, TextBlock } from './recognizer-types';

/** Recognition against the real catalog, on the tricky cases the web is full of. */
let recognizer: Recognizer;
let data: RecognizerData;

beforeAll(async () => {
  const sources = await readCorpusSources(fileURLToPath(new URL('../../', import.meta.url)));
  const { catalog } = loadCatalog(sources.catalog, new Map(sources.articles.map((a) => [a.meta.id, []])));
  data = recognizerDataOf(catalog);
  recognizer = createRecognizer(data);
});

const blocks = (...texts: string[]): TextBlock[] => texts.map((text) => ({ text, main: true }));
const entityIds = (input: TextBlock[]) => recognizer.recognize(input).mentions.map((m) => m.entityId);
const mentionTexts = (input: TextBlock[]) =>
  recognizer
    .recognize(input)
    .mentions.map((m) => `${input[m.block]?.text.slice(m.start, m.end)}→${m.entityId}`);

describe('recognizer on the real catalog', () => {
  it('matches across inline markup, never across blocks', () => {
    expect(mentionTexts(htmlBlocks('<p>President Nicolás <b>Maduro</b> spoke.</p>'))).toEqual([
      'Nicolás Maduro→nicolas-maduro',
    ]);
    const split = htmlBlocks('<p>They met Nicolás</p><p>Maduro said.</p>');
    expect(mentionTexts(split)).toEqual(['Maduro→nicolas-maduro']);
  });

  it('takes possessives, accents and their absence, and the longest name', () => {
    expect(mentionTexts(blocks("Putin's envoy met Juan Guaido and later Guaidó’s wife."))).toEqual([
      'Putin→vladimir-putin',
      'Juan Guaido→juan-guaido',
      'Guaidó→juan-guaido',
    ]);
  });

  it('does not take other Boltons, Limas, Wagners, trump cards or pence', () => {
    expect(entityIds(blocks('By Meg Wagner, CNN. Richard Wagner wrote operas.'))).toEqual([]);
    expect(entityIds(blocks('Adriana Lima walked the show. Climate talks in Lima ended.'))).toEqual([]);
    expect(entityIds(blocks('Bolton Wanderers beat Wigan; Michael Bolton sang.'))).toEqual([]);
    expect(entityIds(blocks('She played her trump card for a few pence.'))).toEqual([]);
    // Words every news page uses are no evidence for a city, a state or a common word.
    expect(
      entityIds(
        blocks(
          'At the climate conference in Lima, delegates from 190 countries signed a regional declaration.',
        ),
      ),
    ).toEqual([]);
    expect(entityIds(blocks('Washington state officials said the capital would get more buses.'))).toEqual(
      [],
    );
    // A card game is no evidence for the Bolton of a stadium's name.
    expect(
      entityIds(blocks('The University of Bolton Stadium was full. The pianist played a trump card.')),
    ).toEqual([]);
  });

  it('leaves pages on other subjects alone, in three languages', () => {
    const pages = [
      'El boxeador Julio César Chávez visitó Lima para promocionar su academia. En la capital peruana el alcalde recibió al campeón junto a representantes de varios países de la región.',
      'Meanwhile the Washington Commanders lost again, and the Guardian angels patrolled the subway. Rosales Construction won a contract on Caracas Street, Chicago.',
      'В Санкт-Петербурге прошёл фестиваль музыки Вагнера, а в Москве открылась выставка.',
    ];
    const wrong = ['lima-group', 'washington', 'the-guardian', 'fabiana-rosales', 'caracas', 'wagner-group'];
    for (const text of pages) {
      const result = recognizer.recognize(blocks(text));
      expect(result.onTopic).toBe(false);
      expect(result.mentions.map((m) => m.entityId).filter((id) => wrong.includes(id))).toEqual([]);
    }
  });

  it('takes a surname after a day, a month or an office, which are no first names', () => {
    expect(entityIds(blocks('On Monday Pompeo said Russia must leave Venezuela.'))).toContain('mike-pompeo');
    expect(entityIds(blocks('In March Putin sent troops to Venezuela.'))).toContain('vladimir-putin');
    expect(entityIds(blocks('Secretary of State Pompeo met Lavrov.'))).toContain('mike-pompeo');
    expect(entityIds(blocks('Disregarding Trump’s demand, Russia stayed in Venezuela.'))).toContain(
      'donald-trump',
    );
  });

  it('trusts an ambiguous name once the page gives evidence', () => {
    const page = blocks(
      'National security adviser John Bolton warned Russia over Venezuela.',
      'Bolton said the Monroe Doctrine applied.',
      'Russian mercenaries of the Wagner Group guard Maduro; Wagner denies it.',
    );
    expect(entityIds(page)).toEqual(
      expect.arrayContaining(['john-bolton', 'wagner-group', 'nicolas-maduro', 'russia', 'venezuela']),
    );
    expect(entityIds(page).filter((id) => id === 'john-bolton')).toHaveLength(2);
  });

  it('reads Spanish, Portuguese and Russian pages', () => {
    expect(
      entityIds(blocks('El Kremlin y el presidente Nicolás Maduro hablaron con el Departamento de Estado.')),
    ).toEqual(['kremlin', 'nicolas-maduro', 'state-department']);
    expect(entityIds(blocks('Путин и Мадуро обсудили долги Роснефти, сообщил Лавров.'))).toEqual([
      'vladimir-putin',
      'nicolas-maduro',
      'rosneft',
      'sergey-lavrov',
    ]);
    expect(entityIds(blocks('O governo dos EUA e a Rússia discutem a Venezuela.'))).toEqual([
      'united-states',
      'russia',
      'venezuela',
    ]);
  });

  it('reads German and Arabic pages, Arabic names under their clitics', () => {
    expect(
      entityIds(blocks('Der Kreml und Moskau warnten die Vereinigten Staaten vor einem Eingriff in Kuba.')),
    ).toEqual(['kremlin', 'moscow', 'united-states', 'cuba']);
    expect(
      entityIds(blocks('Peskow sagte im Weißen Haus nichts, Sacharowa sprach in Havanna über Russland.')),
    ).toEqual(expect.arrayContaining(['white-house', 'havana', 'russia']));
    // و (and), ب (in), ل (for) and ال (the) written onto the name; لل is ل + ال.
    expect(
      entityIds(
        blocks(
          'قال مادورو إن روسيا وكوبا تدعمان فنزويلا، وأدان بوتين تدخل الولايات المتحدة ولغوايدو أنصار بالصين وللولايات المتحدة',
        ),
      ),
    ).toEqual([
      'nicolas-maduro',
      'russia',
      'cuba',
      'venezuela',
      'vladimir-putin',
      'united-states',
      'juan-guaido',
      'china',
      'united-states',
    ]);
    // A word that merely starts with a clitic letter is no name.
    expect(entityIds(blocks('وزير الخارجية تحدث طويلا'))).toEqual([]);
  });

  it('meets Russian adjectives and the names the State Department writes', () => {
    expect(
      mentionTexts(
        blocks(
          'Представитель Государственного департамента США говорил из Овального кабинета о Группе Лимы.',
        ),
      ),
    ).toEqual([
      'Государственного департамента США→state-department',
      'Овального кабинета→oval-office',
      'Группе Лимы→lima-group',
    ]);
    expect(
      entityIds(blocks('Гуайдо возглавляет Национальную ассамблею Венесуэлы, сообщает Рейтерс.')),
    ).toEqual(['juan-guaido', 'national-assembly-venezuela', 'reuters']);
  });

  it('takes common misspellings', () => {
    expect(entityIds(blocks('Juan Guido met Maria Zaharova and the analyst Alexander Gabuyev.'))).toEqual([
      'juan-guaido',
      'maria-zakharova',
      'alexander-gabuev',
    ]);
  });

  it('keeps surnames in Title Case headlines', () => {
    expect(entityIds(blocks('Russia Convinced Maduro Not to Leave Venezuela'))).toEqual([
      'russia',
      'nicolas-maduro',
      'venezuela',
    ]);
    expect(entityIds(blocks('Angry Pompeo Calls Lavrov Over Venezuela'))).toEqual([
      'mike-pompeo',
      'sergey-lavrov',
      'venezuela',
    ]);
    expect(entityIds(blocks('Are There Any Un-Angry Trump Supporters in Venezuela?'))).toContain(
      'donald-trump',
    );
    // In a sentence, another given name still makes it someone else.
    expect(entityIds(blocks('The model Adriana Lima and Meg Wagner visited the city on Monday.'))).toEqual(
      [],
    );
  });

  it('reads a name repeated by a glued tooltip, and a name written surname first', () => {
    expect(
      mentionTexts(blocks('Vladimir Putin and Nicolas Maduro Maduro NicolasPresident of Venezuela met.')),
    ).toEqual([
      'Vladimir Putin→vladimir-putin',
      'Nicolas Maduro→nicolas-maduro',
      'Maduro→nicolas-maduro',
      'Venezuela→venezuela',
    ]);
  });

  it('reads "Washington, D.C." as Washington and "округ Колумбия" as no Colombia', () => {
    expect(entityIds(blocks('Office of the Spokesperson, Washington, DC, March 11, 2019'))).toEqual([
      'washington',
    ]);
    expect(entityIds(blocks('Washington, D.C., on Monday'))).toEqual(['washington']);
    expect(entityIds(blocks('Майк Помпео, Вашингтон, округ Колумбия, 23 февраля'))).toEqual([
      'mike-pompeo',
      'washington',
    ]);
    expect(entityIds(blocks('Колумбия и Венесуэла'))).toEqual(['colombia', 'venezuela']);
  });

  it('takes no line of a list for a given name', () => {
    expect(mentionTexts(blocks('Поддержали Мадуро\nПоддержали Национальную ассамблею'))).toEqual([
      'Мадуро→nicolas-maduro',
      'Национальную ассамблею→national-assembly-venezuela',
    ]);
  });

  it('finds the name a reader sees in text glued by markup', () => {
    const page = htmlBlocks(
      '<p>President <a href="#">Trump</a><span>Donald John Trump</span> said Russia must leave.</p>',
    );
    expect(entityIds(page)).toEqual(expect.arrayContaining(['donald-trump', 'russia']));
  });

  it('recognises an event from who, what and where in one sentence', () => {
    const found = recognizer.recognize(
      blocks(
        'About 100 Russian military personnel arrived in Caracas aboard two planes in March, officials said.',
      ),
    );
    expect(found.events.map((e) => e.eventId)).toContain('russian-personnel-arrive-caracas');
    expect(found.onTopic).toBe(true);
  });

  it('judges a page by its main text, not its menus', () => {
    const menu = htmlBlocks(
      '<nav><a>Venezuela</a> <a>Cuba</a> <a>Russia</a> <a>Maduro</a></nav><main><p>A recipe for bread with flour, water, salt and time to rise overnight.</p></main>',
    );
    expect(recognizer.recognize(menu).onTopic).toBe(false);
    const story = htmlBlocks(
      '<main><p>Venezuela’s Nicolás Maduro thanked Russia for its support as Juan Guaidó called for new elections in Caracas.</p></main>',
    );
    expect(recognizer.recognize(story).onTopic).toBe(true);
  });
});

describe('recognizer data', () => {
  it('ships compiled tries that recognise exactly what tries built on the spot do', async () => {
    expect(data.tries?.aliases.tokens.length).toBeGreaterThan(100);
    const { tries: _shipped, ...withoutTries } = data;
    const builtHere = createRecognizer(withoutTries);
    const tries = data.tries as NonNullable<RecognizerData['tries']>;
    // Tries made for other data (a hand-edited file) are ignored, not trusted.
    const stale = createRecognizer({ ...data, tries: { ...tries, shape: '1/1/0/0/0/0' } });
    let events = 0;
    const { readFile, readdir } = await import('node:fs/promises');
    const folder = new URL('../../corpus/articles/', import.meta.url);
    for (const file of (await readdir(folder)).filter((f) => f.endsWith('.md'))) {
      const article = blocks(...(await readFile(new URL(file, folder), 'utf8')).split(/\n\s*\n/));
      const shipped = recognizer.recognize(article);
      expect(shipped.mentions.length).toBeGreaterThan(0);
      events += shipped.events.length;
      expect(builtHere.recognize(article)).toEqual(shipped);
      expect(stale.recognize(article)).toEqual(shipped);
    }
    // The cue side (events) was exercised too, not only the aliases.
    expect(events).toBeGreaterThan(0);
  });
});
