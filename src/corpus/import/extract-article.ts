/**
 * Turns one article chunk of a seed into metadata and verbatim body blocks, removing site
 * chrome and moving credit lines to notes. The rules, in the order they are tried on each
 * body line:
 *
 * 1. A repost notice ("This post was originally posted on …") goes to notes.
 * 2. Credit lines and correction notices (see NOTE_LINES) go to notes.
 * 3. "About the Author" and every line after it (the author's bio) are dropped.
 * 4. A "Related Coverage" / "Related Posts" heading is dropped with the teaser titles
 *    directly after it (title-like lines; a real paragraph ends the run).
 * 5. Site chrome (CHROME_LINES) and the site's signature lines (mastheads) are dropped.
 * 6. A credit-only line ("Win McNamee/Getty Images") is kept out of the body and recorded
 *    in notes: joining it to the caption above would change the verbatim text, and alone it
 *    says nothing a reader could quote.
 * 7. In a page saved with blank lines between blocks, every line of a multi-line block is a
 *    caption: paragraphs are single lines there, and the several-line blocks are a photo's
 *    alt text, caption and credit.
 * 8. A line ending with a photo credit (see photo-captions.ts) is a caption.
 * 9. A lone title-like line (see isStandaloneTitle) followed by "Read more" is a link to
 *    another story: both are dropped. Any other lone title-like line is what the outlet's
 *    profile says: a subhead (kept as a heading) or a related-story link (dropped).
 * 10. Anything else is a paragraph.
 */
import type { ArticleMeta } from '../../core/corpus-types';
import type { ArticleBlockKind } from '../article-file';
import { AUTHOR_BOX, isChromeLine, isNoteLine, READ_MORE, RELATED_HEADING, REPOST_LINE } from './boilerplate';
import { bylineAuthors, findDates, statedDate } from './dates-and-bylines';
import { isSignatureLine, type OutletProfile } from './outlet-profiles';
import { endsWithPhotoCredit, isCreditOnlyLine } from './photo-captions';
import { inMultiLineGroup, type SeedLine, usesBlankLineBlocks } from './seed-lines';
import type { ArticleChunk } from './split-articles';
import { isStandaloneTitle, isTitleLine } from './text-rules';

/** A body block with the seed line it came from. */
export interface ExtractedBlock {
  kind: ArticleBlockKind;
  text: string;
  seedLine: number;
}

/** A seed line left out of the body, and the rule that left it out. */
export interface RemovedLine {
  seed: string;
  line: number;
  text: string;
  rule: string;
}

/** An article as read from a chunk, before duplicates are dropped and an id is given. */
export interface ExtractedArticle {
  seed: string;
  firstLine: number;
  lastLine: number;
  meta: Omit<ArticleMeta, 'id'>;
  blocks: ExtractedBlock[];
  removed: RemovedLine[];
  warnings: string[];
}

/** Why a URL reads as it does, for urlNote; undefined for a complete URL. */
function urlNoteFor(url: string | null): string | undefined {
  if (url === null) return 'the saved text gives no URL';
  if (/\.\.\.|…/.test(url)) return 'cut short with "..." in the saved text; kept exactly as given';
  return undefined;
}

/** Reads the chunk's header lines, in the order the profile gives, skipping chrome between them. */
function readHeader(
  lines: SeedLine[],
  profile: OutletProfile,
  seed: string,
  removed: RemovedLine[],
  warnings: string[],
): {
  index: number;
  fields: Partial<Record<'headline' | 'standfirst', string>>;
  byline?: string;
  dateline?: string;
} {
  const fields: Partial<Record<'headline' | 'standfirst', string>> = {};
  let byline: string | undefined;
  let dateline: string | undefined;
  let i = 0;
  for (const slot of profile.header) {
    while (i < lines.length && isDroppableChrome(lines[i]?.text ?? '', profile)) {
      const line = lines[i] as SeedLine;
      removed.push({ seed, line: line.line, text: line.text, rule: 'site chrome' });
      i++;
    }
    const line = lines[i];
    if (!line) {
      warnings.push(`${seed}: article ends before its ${slot}`);
      break;
    }
    if (slot === 'dateline' && statedDate(line.text) === null) {
      warnings.push(`${seed}:${line.line}: expected a dateline, found "${line.text}"`);
      continue;
    }
    if (slot === 'section') removed.push({ seed, line: line.line, text: line.text, rule: 'section kicker' });
    else if (slot === 'dateline') dateline = line.text;
    else if (slot === 'byline') byline = line.text;
    else fields[slot] = line.text;
    i++;
  }
  return { index: i, fields, byline, dateline };
}

/** Chrome that is simply dropped (not the repost notice, which goes to notes). */
function isDroppableChrome(text: string, profile: OutletProfile): boolean {
  return !REPOST_LINE.test(text) && (isChromeLine(text) || isSignatureLine(text, profile));
}

/** Reads one article chunk by the rules in this module's comment. */
export function extractArticle(chunk: ArticleChunk, profile: OutletProfile, seed: string): ExtractedArticle {
  const removed: RemovedLine[] = [];
  const warnings: string[] = [];
  const notes: string[] = [...(profile.notes ?? [])];
  const blocks: ExtractedBlock[] = [];
  const lines = chunk.lines;
  const blankLineLayout = usesBlankLineBlocks(lines);
  const header = readHeader(lines, profile, seed, removed, warnings);
  const drop = (line: SeedLine, rule: string) =>
    removed.push({ seed, line: line.line, text: line.text, rule });

  for (let i = header.index; i < lines.length; i++) {
    const line = lines[i] as SeedLine;
    const text = line.text;
    const next = lines[i + 1];
    if (REPOST_LINE.test(text)) {
      notes.push(`Repost: the saved page says “${text}”`);
      drop(line, 'repost notice (moved to notes)');
    } else if (isNoteLine(text)) {
      notes.push(text);
      drop(line, 'credit or correction (moved to notes)');
    } else if (AUTHOR_BOX.test(text)) {
      for (const rest of lines.slice(i)) drop(rest, 'author box and bio');
      break;
    } else if (RELATED_HEADING.test(text)) {
      drop(line, 'related-stories heading');
      while (i + 1 < lines.length && isTitleLine(lines[i + 1]?.text ?? '')) {
        i++;
        drop(lines[i] as SeedLine, 'related-story teaser');
      }
    } else if (isDroppableChrome(text, profile)) {
      drop(line, 'site chrome');
    } else if (isCreditOnlyLine(text)) {
      notes.push(`Photo credit line kept out of the body: “${text}”`);
      drop(line, 'photo credit line (moved to notes)');
    } else if ((blankLineLayout && inMultiLineGroup(lines, i)) || endsWithPhotoCredit(text)) {
      blocks.push({ kind: 'caption', text, seedLine: line.line });
    } else if (isStandaloneTitle(text) && next && READ_MORE.test(next.text)) {
      drop(line, 'related-story link (followed by "Read more")');
      drop(next, 'related-story link (followed by "Read more")');
      i++;
    } else if (isStandaloneTitle(text)) {
      if (profile.bodyTitle === 'heading') blocks.push({ kind: 'heading', text, seedLine: line.line });
      else drop(line, `related-story link (${profile.outlet} profile)`);
    } else {
      blocks.push({ kind: 'paragraph', text, seedLine: line.line });
    }
  }

  const headline = header.fields.headline;
  if (!headline) warnings.push(`${seed}:${chunk.firstLine}: no headline found`);
  let published = header.dateline ? statedDate(header.dateline) : null;
  if (published === null && header.byline) published = statedDate(header.byline);
  if (header.dateline && /First published on/i.test(header.dateline)) {
    notes.push(`The dateline reads “${header.dateline}”; published is the first-publication date.`);
  }

  const meta: Omit<ArticleMeta, 'id'> = {
    outlet: profile.outlet,
    headline: headline ?? '',
    url: chunk.url,
    published,
    authors: header.byline ? bylineAuthors(header.byline) : [],
    seed,
  };
  if (header.fields.standfirst) meta.standfirst = header.fields.standfirst;
  const urlNote = urlNoteFor(chunk.url);
  if (urlNote) meta.urlNote = urlNote;
  if (published === null) {
    const inferred = inferDate(blocks);
    if (inferred) meta.dateInferred = inferred;
    else
      warnings.push(`${seed}: "${headline}": no date stated or given in the text; add dateInferred by hand`);
  }
  if (notes.length) meta.notes = notes;
  return { seed, firstLine: chunk.firstLine, lastLine: chunk.lastLine, meta, blocks, removed, warnings };
}

/**
 * Where no dateline or byline states a date: the latest full date the text gives (in a
 * caption or paragraph) is a lower bound for publication. Weekday references ("on Monday")
 * are not resolved: that needs knowledge outside the text, and is left to a person.
 */
function inferDate(blocks: ExtractedBlock[]): ArticleMeta['dateInferred'] | undefined {
  let latest: { date: string; text: string; block: ExtractedBlock } | undefined;
  for (const block of blocks) {
    for (const found of findDates(block.text)) {
      if (!latest || found.date > latest.date) latest = { ...found, block };
    }
  }
  if (!latest) return undefined;
  return {
    date: latest.date,
    basis: `inferred: no date is stated; the latest date the text gives is “${latest.text}” (in a ${latest.block.kind}), so published on or after ${latest.date}`,
  };
}
