/**
 * Splits a seed file into the articles saved one after another in it. Rule 1: an article
 * starts at a line that is only a URL. Rule 2: a copy of an article saved without its URL
 * line is recognised where its opening lines (the first OPENING_LINES lines after an
 * article's URL) occur again; it starts there.
 */
import type { SeedLine } from './seed-lines';

/** One article's lines cut out of a seed, with its URL line if it had one. */
export interface ArticleChunk {
  /** The URL exactly as its line gives it, or null. */
  url: string | null;
  /** The article's lines, without the URL line. */
  lines: SeedLine[];
  /** Seed lines the chunk spans, URL line included. */
  firstLine: number;
  lastLine: number;
  /** For a copy found by rule 2: the index of the chunk whose opening it repeats. */
  repeatsChunk?: number;
}

/** How many opening lines must repeat for rule 2 to start a new article. */
export const OPENING_LINES = 3;

const URL_LINE = /^https?:\/\/\S+$/;

/** True when a line is nothing but a URL (an article's address, as saved pages begin). */
export function isUrlLine(text: string): boolean {
  return URL_LINE.test(text);
}

/** Splits a seed's lines into article chunks by the two rules above. */
export function splitArticles(lines: SeedLine[]): ArticleChunk[] {
  const chunks: ArticleChunk[] = [];
  const openings: { key: string; chunk: number }[] = [];
  let current: ArticleChunk | null = null;

  const start = (url: string | null, first: number, repeatsChunk?: number): ArticleChunk => {
    const chunk: ArticleChunk = { url, lines: [], firstLine: first, lastLine: first };
    if (repeatsChunk !== undefined) chunk.repeatsChunk = repeatsChunk;
    chunks.push(chunk);
    return chunk;
  };
  const openingKey = (from: number): string | null => {
    const slice = lines.slice(from, from + OPENING_LINES);
    return slice.length === OPENING_LINES ? slice.map((l) => l.text).join('\n') : null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SeedLine;
    if (isUrlLine(line.text)) {
      current = start(line.text, line.line);
      const key = openingKey(i + 1);
      if (key) openings.push({ key, chunk: chunks.length - 1 });
      continue;
    }
    const key = current && current.lines.length > 0 ? openingKey(i) : null;
    const repeated = key ? openings.find((o) => o.key === key) : undefined;
    if (!current || repeated) {
      current = start(null, line.line, repeated?.chunk);
    }
    current.lines.push(line);
    current.lastLine = line.line;
  }
  return chunks;
}
