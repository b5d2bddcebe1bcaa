/**
 * The labelled development set (`../shared/devset`): texts in several languages with the
 * actors, places and events a careful reader found in each. Read and checked here, scored in
 * `score-recognition.ts`.
 */
import { z } from 'zod';

const actorLabelSchema = z.object({
  name: z.string(),
  catalog_id: z.string().nullable(),
  forms: z.array(z.string()),
  note: z.string().optional(),
});

const eventLabelSchema = z.object({
  name: z.string(),
  date: z.string().nullable(),
  catalog_id_or_null: z.string().nullable(),
  mode: z.enum(['reports', 'refers']),
  note: z.string().optional(),
});

const trapSchema = z.object({
  term: z.string(),
  context: z.string().optional(),
  resembles: z.string().optional(),
  why: z.string().optional(),
});

const textLabelsSchema = z.object({
  lang: z.string().min(2),
  on_topic: z.boolean(),
  actors: z.array(actorLabelSchema),
  places: z.array(actorLabelSchema),
  events: z.array(eventLabelSchema),
  traps: z.array(trapSchema),
});

/** An actor or place a text names, as the labels give it. */
export type ActorLabel = z.infer<typeof actorLabelSchema>;
/** An event a text reports or alludes to, as the labels give it. */
export type EventLabel = z.infer<typeof eventLabelSchema>;
/** A word in a text that looks like one of the story's names or events and is not. */
export type TrapLabel = z.infer<typeof trapSchema>;
/** Everything labelled about one text (the keys the scorer reads; others are kept out). */
export type TextLabels = z.infer<typeof textLabelsSchema>;

/** One labelled text: its file name, its paragraphs as one string, and its labels. */
export interface LabelledText {
  file: string;
  text: string;
  labels: TextLabels;
}

/**
 * Checks the parsed `labels.json` and returns each file's labels; throws an error naming the
 * file and the key on any malformed entry, so a broken label never scores silently.
 */
export function parseDevsetLabels(json: unknown, source = 'labels.json'): Map<string, TextLabels> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${source}: expected an object of {file: labels}`);
  const labels = new Map<string, TextLabels>();
  for (const [file, entry] of Object.entries(json)) {
    const parsed = textLabelsSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || '(entry)';
      throw new Error(`${source}: ${file}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    labels.set(file, parsed.data);
  }
  return labels;
}
