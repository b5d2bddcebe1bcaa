import type { Catalog } from '../../core/corpus-types';
import { foldPhrase } from '../../core/fold';
import { disagreementSchema, entitySchema, eventSchema } from './catalog-schema';
import { SourceError } from './source-error';
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
 * Parses and cross-checks the catalog. Schema errors throw a SourceError at once; reference
 * errors (unknown ids, an alias claimed by two entities without both marking it ambiguous,
 * a quote its article does not contain) are all collected, each with file and line.
 */
export function loadCatalog(
  sources: CatalogSources,
  articles: ReadonlyMap<string, string>,
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
        checkEntity(file, events.lineOf(i, 'rules', r, 'who', k), id);
      });
    });
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
      const line = disagreements.lineOf(i, 'values', k);
      const body = articles.get(value.articleId);
      if (body === undefined) checkArticle(file, line, value.articleId);
      else if (!body.includes(value.quote))
        err(file, line, `quote not found verbatim in article "${value.articleId}"`);
    });
  });
  return {
    catalog: { entities: entities.items, events: events.items, disagreements: disagreements.items },
    errors,
  };
}
