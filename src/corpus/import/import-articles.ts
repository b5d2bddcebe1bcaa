/**
 * The corpus import: raw saved pages (seed files) in, article source files out. Pure: the
 * caller reads the seeds and writes the files. Steps: split each seed into articles, read
 * each article (extract-article.ts), drop duplicate articles keeping the most complete copy,
 * drop near-duplicate blocks within each article, give each article its id, and write it in
 * the source-file format.
 */
import type { ArticleMeta } from '../../core/corpus-types';
import { type ArticleFile, formatArticleFile, parseArticleFile } from '../article-file';
import { articleId } from './article-id';
import {
  type ExtractedArticle,
  type ExtractedBlock,
  extractArticle,
  type RemovedLine,
} from './extract-article';
import { detectProfile, OUTLET_PROFILES, type OutletProfile } from './outlet-profiles';
import { readSeedLines } from './seed-lines';
import { isNearDuplicate, overlap, shingles } from './similarity';
import { splitArticles } from './split-articles';
import { foldedWords, foldText } from './text-rules';

/** A seed file: its name (recorded in each article's `seed`) and its text. */
export interface SeedFile {
  name: string;
  text: string;
}

/** One imported article: the parsed file and its text, ready to write to `<id>.md`. */
export interface ImportedArticle {
  id: string;
  file: ArticleFile;
  text: string;
  seed: string;
  firstLine: number;
  lastLine: number;
}

/** An article copy dropped as a duplicate of a kept one. */
export interface DroppedArticle {
  seed: string;
  firstLine: number;
  lastLine: number;
  headline: string;
  keptId: string;
  reason: string;
}

/** A block dropped as a near-duplicate of another block of the same article. */
export interface DroppedBlock {
  articleId: string;
  seed: string;
  line: number;
  keptLine: number;
  text: string;
  similarity: number;
}

/** Everything the import did, for the report. */
export interface ImportReport {
  filesRead: string[];
  duplicateArticles: DroppedArticle[];
  nearDuplicateBlocks: DroppedBlock[];
  removedLines: RemovedLine[];
  warnings: string[];
}

/** The outcome of an import. */
export interface ImportResult {
  articles: ImportedArticle[];
  report: ImportReport;
}

/** Share of the smaller article's paragraphs and captions found verbatim (folded) in the other. */
export const DUPLICATE_ARTICLE_OVERLAP = 0.8;

/** Folded texts of an article's paragraphs and captions. */
function bodyTexts(article: ExtractedArticle): Set<string> {
  return new Set(
    article.blocks.filter((b) => b.kind !== 'heading').map((b) => foldedWords(b.text).join(' ')),
  );
}

/**
 * Why two articles are the same article, or null: same outlet and the same headline, or
 * at least DUPLICATE_ARTICLE_OVERLAP of the smaller one's paragraphs found in the other.
 */
function duplicateReason(a: ExtractedArticle, b: ExtractedArticle): string | null {
  if (a.meta.outlet !== b.meta.outlet) return null;
  if (a.meta.headline && foldText(a.meta.headline) === foldText(b.meta.headline)) return 'same headline';
  const ta = bodyTexts(a);
  const tb = bodyTexts(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  const smaller = Math.min(ta.size, tb.size);
  if (smaller > 0 && shared / smaller >= DUPLICATE_ARTICLE_OVERLAP) {
    return `${shared} of ${smaller} paragraphs shared`;
  }
  return null;
}

/** Orders copies of one article: more blocks, then a URL, then more metadata, then earlier. */
function moreComplete(a: ExtractedArticle, b: ExtractedArticle): number {
  const score = (x: ExtractedArticle) => [
    x.blocks.length,
    x.meta.url ? 1 : 0,
    x.meta.authors.length + (x.meta.published ? 1 : 0) + (x.meta.standfirst ? 1 : 0),
  ];
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) {
    const d = (sb[i] ?? 0) - (sa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Groups copies of the same article; each group's first member is the copy to keep. */
function groupDuplicates(
  articles: ExtractedArticle[],
): { kept: ExtractedArticle; dropped: { article: ExtractedArticle; reason: string }[] }[] {
  const groups: { members: ExtractedArticle[]; reasons: Map<ExtractedArticle, string> }[] = [];
  for (const article of articles) {
    let joined = false;
    for (const group of groups) {
      const reason = group.members.map((m) => duplicateReason(m, article)).find((r) => r !== null);
      if (reason) {
        group.members.push(article);
        group.reasons.set(article, reason);
        joined = true;
        break;
      }
    }
    if (!joined) groups.push({ members: [article], reasons: new Map() });
  }
  return groups.map(({ members, reasons }) => {
    const [kept, ...rest] = [...members].sort(moreComplete) as [ExtractedArticle, ...ExtractedArticle[]];
    const firstReason = reasons.values().next().value ?? 'duplicate';
    return {
      kept,
      dropped: rest.map((article) => ({ article, reason: reasons.get(article) ?? firstReason })),
    };
  });
}

/**
 * Drops near-duplicate blocks of the same kind within an article (see similarity.ts for
 * the measure and threshold), keeping the longer copy (a caption with its photo credit over
 * the same caption without). Blocks of different kinds are never compared: a caption that
 * echoes a paragraph is the page's photo, not a repeat.
 */
function dropNearDuplicates(blocks: ExtractedBlock[]): {
  kept: ExtractedBlock[];
  dropped: { block: ExtractedBlock; keptBlock: ExtractedBlock; similarity: number }[];
} {
  const dropped: { block: ExtractedBlock; keptBlock: ExtractedBlock; similarity: number }[] = [];
  const gone = new Set<ExtractedBlock>();
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i] as ExtractedBlock;
      const b = blocks[j] as ExtractedBlock;
      if (gone.has(a) || gone.has(b) || !isNearDuplicate(a.text, b.text)) continue;
      // A caption that repeats a paragraph (a pull quote under a photo) goes; headings never compare.
      if (a.kind !== b.kind && a.kind !== 'caption' && b.kind !== 'caption') continue;
      let [keep, drop] = b.text.length > a.text.length ? [b, a] : [a, b];
      if (a.kind !== b.kind) [keep, drop] = a.kind === 'caption' ? [b, a] : [a, b];
      gone.add(drop);
      dropped.push({ block: drop, keptBlock: keep, similarity: overlap(shingles(a.text), shingles(b.text)) });
    }
  }
  return { kept: blocks.filter((b) => !gone.has(b)), dropped };
}

/** Imports seed files into article source files, with a report of what was done. */
export function importSeeds(seeds: SeedFile[], profiles: OutletProfile[] = OUTLET_PROFILES): ImportResult {
  const report: ImportReport = {
    filesRead: seeds.map((s) => s.name),
    duplicateArticles: [],
    nearDuplicateBlocks: [],
    removedLines: [],
    warnings: [],
  };
  const extracted: ExtractedArticle[] = [];
  for (const seed of seeds) {
    const chunks = splitArticles(readSeedLines(seed.text));
    const chunkProfiles: (OutletProfile | undefined)[] = [];
    for (const chunk of chunks) {
      const profile =
        chunk.repeatsChunk !== undefined ? chunkProfiles[chunk.repeatsChunk] : detectProfile(chunk, profiles);
      chunkProfiles.push(profile);
      if (!profile) {
        report.warnings.push(
          `${seed.name}:${chunk.firstLine}-${chunk.lastLine}: outlet not recognised (no known URL host or masthead); skipped`,
        );
        continue;
      }
      extracted.push(extractArticle(chunk, profile, seed.name));
    }
  }

  const articles: ImportedArticle[] = [];
  const usedIds = new Set<string>();
  for (const { kept, dropped } of groupDuplicates(extracted)) {
    let id = articleId(kept.meta.outlet, kept.meta.headline);
    if (usedIds.has(id)) {
      report.warnings.push(`${kept.seed}:${kept.firstLine}: id "${id}" already taken; using "${id}-2"`);
      id = `${id}-2`;
    }
    usedIds.add(id);
    const notes = [...(kept.meta.notes ?? [])];
    for (const { article, reason } of dropped) {
      report.duplicateArticles.push({
        seed: article.seed,
        firstLine: article.firstLine,
        lastLine: article.lastLine,
        headline: article.meta.headline,
        keptId: id,
        reason,
      });
      notes.push(
        `Another copy in ${article.seed} (lines ${article.firstLine}-${article.lastLine}) was dropped as a duplicate (${reason}).`,
      );
    }
    const { kept: blocks, dropped: nearDuplicates } = dropNearDuplicates(kept.blocks);
    for (const { block, keptBlock, similarity } of nearDuplicates) {
      report.nearDuplicateBlocks.push({
        articleId: id,
        seed: kept.seed,
        line: block.seedLine,
        keptLine: keptBlock.seedLine,
        text: block.text,
        similarity,
      });
      notes.push(
        `A near-duplicate ${block.kind} (${kept.seed} line ${block.seedLine}) was dropped in favour of line ${keptBlock.seedLine}: “${block.text}”`,
      );
    }
    report.removedLines.push(...kept.removed);
    report.warnings.push(...kept.warnings);

    const meta: ArticleMeta = { id, ...kept.meta };
    if (notes.length) meta.notes = notes;
    const file: ArticleFile = {
      meta,
      blocks: blocks.map((b) => ({ kind: b.kind, text: b.text, line: b.seedLine })),
    };
    const text = formatArticleFile(file);
    articles.push({
      id,
      file: parseArticleFile(text, `${id}.md`),
      text,
      seed: kept.seed,
      firstLine: kept.firstLine,
      lastLine: kept.lastLine,
    });
  }
  return { articles, report };
}
