import type { Catalog, Quote } from '../../core/corpus-types';
import { foldPhrase } from '../../core/fold';
import { disagreementSchema, entitySchema, eventSchema } from './catalog-schema';
import { checkQuote, quoteProblem } from './quote-match';
import { SourceError } from './source-error';
import { unquotedStatements } from './unquoted-statements';
import { parseYamlList } from './yaml-list-file';

/** A source file's name (as shown in errors) and its text. */
export interface SourceText {
  file: string;
  text: string;
}

/** The three catalog files. */
export interface CatalogSources {
  entities: SourceText;
  events: SourceText;
  disagreements: SourceText;
}

/**
 * Parses and cross-checks the catalog against the articles, given as article id to its
 * paragraphs (see articleParagraphs). Schema errors throw a SourceError at once; the rest
 * (unknown ids, an alias claimed by two entities without both marking it ambiguous, a rule
 * naming someone who is not among its event's participants, a statement without a quote, a
 * quote its article does not contain within one paragraph) are all collected, each with
 * file and line.
 */
export function loadCatalog(
  sources: CatalogSources,
  articles: ReadonlyMap<string, readonly string[]>,
): { catalog: Catalog; errors: SourceError[] } {
  const entities = parseYamlList(sources.entities.text, sources.entities.file, entitySchema);
  const events = parseYamlList(sources.events.text, sources.events.file, eventSchema);
  const disagreements = parseYamlList(
    sources.disagreements.text,
    sources.disagreements.file,
    disagreementSchema,
  );
  const errors: SourceError[] = [];
  const err = (file: string, line: number, message: string): void => {
    errors.push(new SourceError(file, line, message));
  };

  const entityIds = new Set<string>();
  const eventIds = new Set<string>();
  const aliasOwners = new Map<string, { entity: string; ambiguous: boolean }>();
  entities.items.forEach((entity, i) => {
    if (entityIds.has(entity.id))
      err(sources.entities.file, entities.lineOf(i, 'id'), `duplicate entity id "${entity.id}"`);
    entityIds.add(entity.id);
    entity.aliases.forEach((alias, a) => {
      const key = foldPhrase(alias.text);
      const line = entities.lineOf(i, 'aliases', a);
      if (key === '') {
        err(sources.entities.file, line, `alias "${alias.text}" has no letters or digits`);
        return;
      }
      const owner = aliasOwners.get(key);
      if (owner && owner.entity !== entity.id && !(owner.ambiguous && alias.ambiguous)) {
        err(
          sources.entities.file,
          line,
          `alias "${alias.text}" of "${entity.id}" is also an alias of "${owner.entity}"; mark it ambiguous on both or remove one`,
        );
      }
      if (!owner) aliasOwners.set(key, { entity: entity.id, ambiguous: alias.ambiguous === true });
    });
  });
  const checkArticle = (file: string, line: number, articleId: string) => {
    if (!articles.has(articleId)) err(file, line, `unknown article id "${articleId}"`);
  };
  const checkEntity = (file: string, line: number, entityId: string) => {
    if (!entityIds.has(entityId)) err(file, line, `unknown entity id "${entityId}"`);
  };
  const checkQuoteText = (file: string, line: number, articleId: string, text: string) => {
    const paragraphs = articles.get(articleId);
    if (paragraphs === undefined) return checkArticle(file, line, articleId);
    const verdict = checkQuote(text, paragraphs);
    if (verdict !== 'found') err(file, line, quoteProblem(verdict, articleId));
  };
  /** Checks a statement's quotes; `fromArticles` limits them to the articles an event cites. */
  const checkQuotes = (
    file: string,
    lineOf: (k: number) => number,
    quotes: readonly Quote[],
    fromArticles?: readonly string[],
  ) => {
    quotes.forEach((quote, k) => {
      checkQuoteText(file, lineOf(k), quote.articleId, quote.text);
      if (fromArticles && articles.has(quote.articleId) && !fromArticles.includes(quote.articleId))
        err(file, lineOf(k), `quote from "${quote.articleId}", which is not among the event's articleIds`);
    });
  };
  entities.items.forEach((entity, i) => {
    checkQuotes(sources.entities.file, (k) => entities.lineOf(i, 'roleQuotes', k), entity.roleQuotes);
  });
  events.items.forEach((event, i) => {
    const file = sources.events.file;
    if (eventIds.has(event.id)) err(file, events.lineOf(i, 'id'), `duplicate event id "${event.id}"`);
    eventIds.add(event.id);
    event.entityIds.forEach((id, k) => {
      checkEntity(file, events.lineOf(i, 'entityIds', k), id);
    });
    event.articleIds.forEach((id, k) => {
      checkArticle(file, events.lineOf(i, 'articleIds', k), id);
    });
    event.rules.forEach((rule, r) => {
      rule.who.forEach((id, k) => {
        const line = events.lineOf(i, 'rules', r, 'who', k);
        checkEntity(file, line, id);
        if (entityIds.has(id) && !event.entityIds.includes(id))
          err(file, line, `rule names "${id}", which is not among the event's entityIds`);
      });
    });
    checkQuotes(file, (k) => events.lineOf(i, 'summaryQuotes', k), event.summaryQuotes, event.articleIds);
    // A date may rest on another article's dating of the same day, so any article may be quoted.
    checkQuotes(file, (k) => events.lineOf(i, 'dateBasisQuotes', k), event.dateBasisQuotes);
  });
  const disagreementIds = new Set<string>();
  disagreements.items.forEach((item, i) => {
    const file = sources.disagreements.file;
    if (disagreementIds.has(item.id))
      err(file, disagreements.lineOf(i, 'id'), `duplicate disagreement id "${item.id}"`);
    disagreementIds.add(item.id);
    if (item.eventId && !eventIds.has(item.eventId))
      err(file, disagreements.lineOf(i, 'eventId'), `unknown event id "${item.eventId}"`);
    if (item.entityId) checkEntity(file, disagreements.lineOf(i, 'entityId'), item.entityId);
    item.values.forEach((value, k) => {
      checkQuoteText(file, disagreements.lineOf(i, 'values', k, 'quote'), value.articleId, value.quote);
    });
  });
  const catalog = { entities: entities.items, events: events.items, disagreements: disagreements.items };
  for (const missing of unquotedStatements(catalog)) {
    const list = missing.list === 'entities' ? entities : events;
    err(sources[missing.list].file, list.lineOf(missing.index, missing.field), missing.message);
  }
  return { catalog, errors };
}
