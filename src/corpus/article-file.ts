/**
 * The article source-file format under corpus/articles/: YAML front matter with the
 * article's metadata between `---` lines, then the body as blocks of one line each,
 * separated by a blank line. `## ` opens a heading, `> ` a photo caption, anything else is
 * a paragraph. Block text is verbatim article text, so it can be quoted and found again.
 */
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from '../core/corpus-types';

/** What a body block is: a paragraph of text, a photo caption or a subhead. */
export type ArticleBlockKind = 'paragraph' | 'caption' | 'heading';

/** One block of an article body; `line` is its 1-based line in the file, for error messages. */
export interface ArticleBlock {
  kind: ArticleBlockKind;
  text: string;
  line: number;
}

/** A parsed article source file: its metadata and its body blocks in order. */
export interface ArticleFile {
  meta: ArticleMeta;
  blocks: ArticleBlock[];
}

const FENCE = '---';
const HEADING_MARKER = '## ';
const CAPTION_MARKER = '> ';

/** True for a real calendar date written yyyy-mm-dd. */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for a real month written yyyy-mm. */
function isIsoMonth(value: string): boolean {
  const match = /^\d{4}-(\d{2})$/.exec(value);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 12;
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isIsoDate, 'must be a date written yyyy-mm-dd');

/** The zod schema of ArticleMeta as the front matter writes it; unknown keys are errors. */
export const articleMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)'),
  outlet: nonEmpty,
  headline: nonEmpty,
  standfirst: nonEmpty.optional(),
  url: nonEmpty.nullable(),
  urlNote: nonEmpty.optional(),
  published: isoDate.nullable(),
  dateInferred: z
    .strictObject({
      date: z
        .string()
        .refine((v) => isIsoDate(v) || isIsoMonth(v), 'must be a date yyyy-mm-dd or a month yyyy-mm'),
      basis: nonEmpty,
    })
    .optional(),
  authors: z.array(nonEmpty),
  seed: nonEmpty,
  notes: z.array(nonEmpty).optional(),
});

/** Key order used when writing front matter, so that files diff cleanly. */
const META_KEYS: (keyof ArticleMeta)[] = [
  'id',
  'outlet',
  'headline',
  'standfirst',
  'url',
  'urlNote',
  'published',
  'dateInferred',
  'authors',
  'seed',
  'notes',
];

/** Builds the Error every parse problem is reported with: `file:line: message`. */
function fileError(fileName: string, line: number, message: string): Error {
  return new Error(`${fileName}:${line}: ${message}`);
}

/**
 * Parses an article source file. Throws an Error whose message starts with
 * `${fileName}:${line}: ` for any problem (no front matter, bad YAML, a missing or unknown
 * key, a bad date, a block spanning several lines), so an author can jump to the line.
 */
export function parseArticleFile(text: string, fileName: string): ArticleFile {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== FENCE) {
    throw fileError(fileName, 1, `expected "${FENCE}" opening the front matter`);
  }
  const closeIndex = lines.findIndex((line, i) => i > 0 && line.trim() === FENCE);
  if (closeIndex < 0) {
    throw fileError(fileName, 1, `front matter opened here is never closed with "${FENCE}"`);
  }
  const meta = parseMeta(lines.slice(1, closeIndex).join('\n'), fileName, closeIndex + 1);
  const blocks = parseBody(lines, closeIndex + 1, fileName);
  return { meta, blocks };
}

/**
 * Parses and validates the front matter. `closeLine` is the file line of the closing fence;
 * YAML line n is file line n + 1 (the opening fence is line 1).
 */
function parseMeta(yamlText: string, fileName: string, closeLine: number): ArticleMeta {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw fileError(fileName, toFileLine(yamlError.pos[0]), `bad YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw fileError(fileName, 2, 'front matter must be a YAML mapping of metadata keys');
  }
  const result = articleMetaSchema.safeParse(doc.toJS());
  if (result.success) return result.data as ArticleMeta;

  // An unknown key (often a misspelt one) explains a "missing" key better than the reverse.
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  if (!issue) throw fileError(fileName, 1, 'invalid front matter');
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const keyLine = (keyPath: (string | number)[]): number | undefined => {
    const node = doc.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return toFileLine(node.range[0]);
    // The value may be empty: fall back to the line of the key itself.
    const parentPath = keyPath.slice(0, -1);
    const parent = parentPath.length ? doc.getIn(parentPath, true) : root;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === keyPath.at(-1));
      if (pair && isScalar(pair.key) && pair.key.range) return toFileLine(pair.key.range[0]);
    }
    return undefined;
  };

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const line = keyLine([...path, key]) ?? 1;
    return reject(fileName, line, `unknown key "${[...path, key].join('.')}"`);
  }
  const name = path.join('.');
  const line = keyLine(path);
  if (line === undefined) {
    // The key is absent: point at its parent mapping, or at the closing fence where it could be added.
    const parentLine = path.length > 1 ? keyLine(path.slice(0, -1)) : undefined;
    return reject(fileName, parentLine ?? closeLine, `missing required key "${name}"`);
  }
  return reject(fileName, line, `"${name}" ${issue.message}`);
}

/** Throws a file error; typed as returning so callers can `return reject(...)`. */
function reject(fileName: string, line: number, message: string): never {
  throw fileError(fileName, line, message);
}

/** Parses the body: single-line blocks separated by blank lines, from `start` (0-based). */
function parseBody(lines: string[], start: number, fileName: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let previousBlank = true;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const text = raw.trim();
    if (text === '') {
      previousBlank = true;
      continue;
    }
    if (!previousBlank) {
      throw fileError(
        fileName,
        line,
        'a block must be a single line; separate blocks with one blank line (joined to the line above?)',
      );
    }
    previousBlank = false;
    blocks.push(parseBlock(text, fileName, line));
  }
  return blocks;
}

/** Reads one block line's marker and verbatim text. */
function parseBlock(text: string, fileName: string, line: number): ArticleBlock {
  if (text.startsWith('#')) {
    if (!text.startsWith(HEADING_MARKER)) {
      throw fileError(fileName, line, 'a heading is written "## text" (two #, one space)');
    }
    const body = text.slice(HEADING_MARKER.length).trim();
    if (!body) throw fileError(fileName, line, 'empty heading');
    return { kind: 'heading', text: body, line };
  }
  if (text.startsWith('>')) {
    if (!text.startsWith(CAPTION_MARKER)) {
      throw fileError(fileName, line, 'a caption is written "> text" (one space after >)');
    }
    const body = text.slice(CAPTION_MARKER.length).trim();
    if (!body) throw fileError(fileName, line, 'empty caption');
    return { kind: 'caption', text: body, line };
  }
  return { kind: 'paragraph', text, line };
}

/**
 * Writes an article source file in the canonical form `parseArticleFile` reads: keys in a
 * fixed order, absent optional keys left out, blocks one per line with a blank line between.
 * Throws when a block cannot be written as one line or would read back as another kind.
 */
export function formatArticleFile(file: ArticleFile): string {
  const ordered: Record<string, unknown> = {};
  for (const key of META_KEYS) {
    const value = file.meta[key];
    if (value !== undefined) ordered[key] = value;
  }
  const front = stringify(ordered, { lineWidth: 0, minContentWidth: 0 }).trimEnd();
  const body = file.blocks.map(formatBlock);
  return `${FENCE}\n${front}\n${FENCE}\n\n${body.join('\n\n')}\n`;
}

/** Writes one block with its marker; rejects text that would not survive a round trip. */
function formatBlock(block: ArticleBlock): string {
  const text = block.text.trim();
  if (!text || /[\r\n]/.test(text)) {
    throw new Error(`block at line ${block.line} must be non-empty single-line text`);
  }
  if (block.kind === 'heading') return `${HEADING_MARKER}${text}`;
  if (block.kind === 'caption') return `${CAPTION_MARKER}${text}`;
  if (text.startsWith('#') || text.startsWith('>')) {
    throw new Error(`paragraph at line ${block.line} starts with "${text[0]}", which would read as a marker`);
  }
  return text;
}
