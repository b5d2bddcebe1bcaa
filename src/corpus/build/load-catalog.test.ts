import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load-catalog';
import { SourceError } from './source-error';

const entity = (id: string, alias: string, ambiguous = false) =>
  `- id: ${id}\n  name: ${id}\n  type: person\n  role: someone\n  roleQuotes: [{ articleId: art, text: Maduro said }]\n  aliases:\n    - text: ${alias}\n${ambiguous ? '      ambiguous: true\n' : ''}`;
const event = `- id: ev\n  name: Ev\n  date: 2019-03\n  dateBasis: b\n  dateBasisQuotes: [{ articleId: art, text: arrived. }]\n  summary: s\n  summaryQuotes: [{ articleId: art, text: “about 100” arrived }]\n  entityIds: [a]\n  articleIds: [art]\n  rules:\n    - who: [a]\n      what: [arrived]\n      window: sentence\n`;
const sources = (entities: string, events = event, disagreements = '[]') => ({
  entities: { file: 'entities.yaml', text: entities },
  events: { file: 'events.yaml', text: events },
  disagreements: { file: 'disagreements.yaml', text: disagreements },
});
const articles = new Map([['art', ['Maduro said “about 100” arrived.', 'Then they left.']]]);

describe('loadCatalog', () => {
  it('accepts a valid catalog', () => {
    const { catalog, errors } = loadCatalog(sources(entity('a', 'Maduro')), articles);
    expect(errors).toEqual([]);
    expect(catalog.entities[0]?.aliases[0]?.text).toBe('Maduro');
  });

  it('names the file and line of a schema error', () => {
    const broken = `${entity('a', 'Maduro')}- id: b\n  name: B\n  type: planet\n  role: r\n  aliases: [{ text: B }]\n`;
    expect(() => loadCatalog(sources(broken), articles)).toThrow(/^entities\.yaml:10: item 2 at type/);
  });

  it('names the line of bad YAML', () => {
    expect(() => loadCatalog(sources('- id: a\n  name: [oops\n'), articles)).toThrow(SourceError);
  });

  it('rejects an alias claimed by two entities unless both mark it ambiguous', () => {
    const { errors } = loadCatalog(sources(entity('a', 'Lima') + entity('b', 'Lima')), articles);
    expect(errors[0]?.message).toMatch(/^entities\.yaml:14: alias "Lima" of "b" is also an alias of "a"/);
    expect(
      loadCatalog(sources(entity('a', 'Lima', true) + entity('b', 'Lima', true)), articles).errors,
    ).toEqual([]);
  });

  it('reports a role, summary or date basis without a quote', () => {
    const bare = `- id: a\n  name: a\n  type: person\n  role: someone\n  aliases:\n    - text: Maduro\n`;
    const unquoted = event.replace(/ {2}(summary|dateBasis)Quotes: .*\n/g, '');
    const { errors } = loadCatalog(sources(bare, unquoted), articles);
    expect(errors.map((e) => e.message)).toEqual([
      'entities.yaml:4: role of entity "a" has no roleQuotes: quote the article words it rests on',
      'events.yaml:5: no summaryQuotes for the summary of event "ev"',
      'events.yaml:4: no dateBasisQuotes for the dateBasis of event "ev"',
    ]);
  });

  it('reports unknown references and quotes not in the article, each with its line', () => {
    const badEvent = event.replace('articleIds: [art]', 'articleIds: [nope]');
    const disagreement = `- id: d\n  topic: t\n  values:\n    - { articleId: art, value: "100", quote: about 100 }\n    - { articleId: art, value: "1000", quote: "about 1,000" }\n`;
    const { errors } = loadCatalog(sources(entity('a', 'Maduro'), badEvent, disagreement), articles);
    expect(errors.map((e) => e.message)).toEqual([
      'events.yaml:9: unknown article id "nope"',
      'events.yaml:7: quote from "art", which is not among the event\'s articleIds',
      'disagreements.yaml:5: quote not found verbatim in article "art"',
    ]);
  });
});
