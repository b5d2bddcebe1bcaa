import type { ArticleMeta, BuiltCorpus, Catalog, Passage } from '../../core/corpus-types';
import { createRecognizer } from '../../core/recognizer';
import { recognizerDataOf } from '../../core/recognizer-data';
import type { TextBlock } from '../../core/recognizer-types';
import type { ArticleFile } from '../article-file';
import { photoCreditStart } from '../import/photo-captions';

/** Counts the build prints and the tests check. */
export interface CorpusReport {
  articles: number;
  passages: number;
  captions: number;
  entitiesByType: Record<string, number>;
  events: number;
  disagreements: number;
  /** Catalog entries no passage mentions: each one is a catalog or recognition gap. */
  entitiesWithoutPassages: string[];
  eventsWithoutPassages: string[];
}

/**
 * An article's text as the paragraphs a catalog quote may cite, each on its own: headline,
 * standfirst, then every body block (paragraphs, subheads, captions).
 */
export function articleParagraphs(article: ArticleFile): string[] {
  return [
    article.meta.headline,
    ...(article.meta.standfirst ? [article.meta.standfirst] : []),
    ...article.blocks.map((b) => b.text),
  ];
}

/** A block's text for tagging: a caption's photo credit blanked out, offsets kept. */
function withoutPhotoCredit(block: ArticleFile['blocks'][number]): string {
  if (block.kind !== 'caption') return block.text;
  const start = photoCreditStart(block.text);
  return start === null ? block.text : block.text.slice(0, start) + ' '.repeat(block.text.length - start);
}

/**
 * Builds the shipped corpus from article source files and the catalog: one passage per
 * paragraph or caption (headings are context, not quotes), each tagged with the entities and
 * events that the extension's own recogniser finds in it, reading the article as a page.
 */
export function buildCorpus(
  articles: readonly ArticleFile[],
  catalog: Catalog,
): { corpus: BuiltCorpus; report: CorpusReport } {
  const recognizer = createRecognizer(recognizerDataOf(catalog));
  const passages: Passage[] = [];
  for (const article of articles) {
    const blocks: TextBlock[] = [
      { text: article.meta.headline, main: true },
      ...article.blocks.map((block) => ({ text: withoutPhotoCredit(block), main: true })),
    ];
    const found = recognizer.recognize(blocks);
    let n = 0;
    article.blocks.forEach((block, index) => {
      if (block.kind === 'heading') return;
      const blockIndex = index + 1;
      const mentions = [
        ...found.mentions
          .filter((m) => m.block === blockIndex)
          .map((m) => ({ id: m.entityId, start: m.start, end: m.end })),
        ...found.events
          .filter((e) => e.block === blockIndex)
          .map((e) => ({ id: e.eventId, start: e.start, end: e.end })),
      ].sort((a, b) => a.start - b.start || a.end - b.end);
      const entityIds = [
        ...new Set(found.mentions.filter((m) => m.block === blockIndex).map((m) => m.entityId)),
      ];
      const eventIds = [...new Set(found.events.filter((e) => e.block === blockIndex).map((e) => e.eventId))];
      n++;
      passages.push({
        id: `${article.meta.id}/p${n}`,
        articleId: article.meta.id,
        text: block.text,
        ...(block.kind === 'caption' ? { caption: true } : {}),
        entityIds,
        eventIds,
        mentions,
      });
    });
  }
  const metas: ArticleMeta[] = articles.map((a) => a.meta);
  const mentioned = new Set(passages.flatMap((p) => p.entityIds));
  const reported = new Set(passages.flatMap((p) => p.eventIds));
  const entitiesByType: Record<string, number> = {};
  for (const entity of catalog.entities) entitiesByType[entity.type] = (entitiesByType[entity.type] ?? 0) + 1;
  return {
    corpus: {
      version: 1,
      articles: metas,
      passages,
      entities: catalog.entities,
      events: catalog.events,
      disagreements: catalog.disagreements,
    },
    report: {
      articles: metas.length,
      passages: passages.length,
      captions: passages.filter((p) => p.caption).length,
      entitiesByType,
      events: catalog.events.length,
      disagreements: catalog.disagreements.length,
      entitiesWithoutPassages: catalog.entities.filter((e) => !mentioned.has(e.id)).map((e) => e.id),
      eventsWithoutPassages: catalog.events.filter((e) => !reported.has(e.id)).map((e) => e.id),
    },
  };
}
