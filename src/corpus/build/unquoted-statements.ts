import type { Catalog } from '../../core/corpus-types';

/** A catalog statement written without the article words it rests on. */
export interface UnquotedStatement {
  list: 'entities' | 'events';
  /** Position of the entry in its list, for a line number. */
  index: number;
  id: string;
  /** The statement: an entity's role, an event's summary, date basis or date. */
  field: 'role' | 'summary' | 'dateBasis' | 'date';
  /** Says what is missing, e.g. `role of entity "moscow" has no roleQuotes`. */
  message: string;
}

/**
 * Every role, summary and date basis in the catalog that carries no quote, and every date
 * given without a basis: statements a reader could not check against the articles. The
 * corpus build refuses a catalog with any; the consistency test lists them.
 */
export function unquotedStatements(catalog: Catalog): UnquotedStatement[] {
  const found: UnquotedStatement[] = [];
  catalog.entities.forEach((entity, index) => {
    if (entity.roleQuotes.length === 0)
      found.push({
        list: 'entities',
        index,
        id: entity.id,
        field: 'role',
        message: `role of entity "${entity.id}" has no roleQuotes: quote the article words it rests on`,
      });
  });
  catalog.events.forEach((event, index) => {
    const add = (field: UnquotedStatement['field'], message: string) =>
      found.push({
        list: 'events',
        index,
        id: event.id,
        field,
        message: `${message} of event "${event.id}"`,
      });
    if (event.summaryQuotes.length === 0) add('summary', 'no summaryQuotes for the summary');
    if (event.dateBasis === undefined) {
      if (event.date !== null) add('date', 'no dateBasis for the date');
    } else if (event.dateBasisQuotes.length === 0) add('dateBasis', 'no dateBasisQuotes for the dateBasis');
  });
  return found;
}
