import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)');
const text = z.string().trim().min(1, 'must not be empty');
const dateOrMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be a date yyyy-mm-dd or a month yyyy-mm');

/** The article words a statement rests on (see Quote in corpus-types). */
const quote = z.strictObject({ articleId: id, text });
/** Quotes are checked against the articles, and their absence reported, by loadCatalog. */
const quotes = z.array(quote).default([]);

/** Schema of one entity in corpus/catalog/entities.yaml (see Entity in corpus-types). */
export const entitySchema = z.strictObject({
  id,
  name: text,
  type: z.enum(['person', 'organization', 'country', 'place']),
  role: text,
  roleQuotes: quotes,
  core: z.boolean().optional(),
  aliases: z
    .array(
      z.strictObject({
        text,
        lang: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag')
          .optional(),
        ambiguous: z.boolean().optional(),
        caseSensitive: z.boolean().optional(),
      }),
    )
    .min(1, 'an entity needs at least one alias'),
  contextWords: z.array(text).optional(),
  falseFriends: z.array(text).optional(),
});

/** Schema of one event in corpus/catalog/events.yaml (see CorpusEvent in corpus-types). */
export const eventSchema = z.strictObject({
  id,
  name: text,
  date: dateOrMonth.nullable(),
  dateBasis: text.optional(),
  dateBasisQuotes: quotes,
  summary: text,
  summaryQuotes: quotes,
  entityIds: z.array(id).min(1, 'an event needs participants'),
  articleIds: z.array(id).min(1, 'an event needs at least one reporting article'),
  rules: z
    .array(
      z.strictObject({
        who: z.array(id).min(1),
        what: z.array(text).min(1),
        whereOrWhen: z.array(text).optional(),
        window: z.enum(['sentence', 'paragraph']),
      }),
    )
    .min(1, 'an event needs at least one rule'),
});

/** Schema of one disagreement in corpus/catalog/disagreements.yaml. */
export const disagreementSchema = z.strictObject({
  id,
  topic: text,
  eventId: id.optional(),
  entityId: id.optional(),
  values: z
    .array(z.strictObject({ articleId: id, value: text, quote: text }))
    .min(2, 'a disagreement needs at least two values'),
});
