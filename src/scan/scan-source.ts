import { parseHTML } from 'linkedom';
import type { BuiltCorpus } from '../core/corpus-types';
import type { Recognizer } from '../core/recognizer';
import type { TextBlock } from '../core/recognizer-types';
import { extractTextBlocks } from '../dom/text-blocks';

/** What `npm run scan --json` prints for one input. */
export interface ScanReport {
  source: string;
  onTopic: boolean;
  entities: Array<{
    id: string;
    name: string;
    type: string;
    mentions: Array<{ text: string; main: boolean }>;
  }>;
  events: Array<{ id: string; name: string; mentions: Array<{ text: string }> }>;
}

/** Text blocks of an HTML document, by the same visible-text rules the content script uses. */
export function htmlBlocks(html: string): TextBlock[] {
  // linkedom needs a whole document; a fragment goes into a body of its own.
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  return extractTextBlocks(document as unknown as Document).map(({ text, main }) => ({ text, main }));
}

/** Text blocks of a plain text: one per paragraph (blank-line separated), all main text. */
export function textBlocks(text: string): TextBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, main: true }));
}

/** Recognises one document and reports it in the scan command's shape. */
export function scanBlocks(
  source: string,
  blocks: TextBlock[],
  recognizer: Recognizer,
  corpus: Pick<BuiltCorpus, 'entities' | 'events'>,
): ScanReport {
  const found = recognizer.recognize(blocks);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const events = new Map(corpus.events.map((e) => [e.id, e]));
  const byEntity = new Map<string, ScanReport['entities'][number]>();
  for (const mention of found.mentions) {
    const entity = entities.get(mention.entityId);
    let entry = byEntity.get(mention.entityId);
    if (!entry) {
      entry = {
        id: mention.entityId,
        name: entity?.name ?? mention.entityId,
        type: mention.type,
        mentions: [],
      };
      byEntity.set(mention.entityId, entry);
    }
    const block = blocks[mention.block] as TextBlock;
    entry.mentions.push({
      text: block.text.slice(mention.start, mention.end).replace(/\s+/g, ' '),
      main: block.main,
    });
  }
  const byEvent = new Map<string, ScanReport['events'][number]>();
  for (const mention of found.events) {
    let entry = byEvent.get(mention.eventId);
    if (!entry) {
      entry = {
        id: mention.eventId,
        name: events.get(mention.eventId)?.name ?? mention.eventId,
        mentions: [],
      };
      byEvent.set(mention.eventId, entry);
    }
    entry.mentions.push({
      text: (blocks[mention.block] as TextBlock).text.slice(mention.start, mention.end),
    });
  }
  return { source, onTopic: found.onTopic, entities: [...byEntity.values()], events: [...byEvent.values()] };
}
