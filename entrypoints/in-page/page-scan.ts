import type { PageRecognition, RecognizerData } from '@/src/core/recognizer-types';
import { compareComposed, composedContains } from '@/src/dom/composed-tree';
import { createRenderingCheck, createTextVisibility } from '@/src/dom/rendering';
import { type DomBlock, extractBlocksWithin, extractTextBlocks, locateOffset } from '@/src/dom/text-blocks';
import type { PageState } from '@/src/shared/protocol';
import { type Mark, type MarkStyleKind, styleOfType } from './marks';

/** Which marks the settings allow on this page. */
export interface MarkPolicy {
  /** 'topical': only on-topic pages and their main text; 'everywhere': any page, any block. */
  scope: 'topical' | 'everywhere';
  /** Kinds the user wants marked. */
  kinds: Record<MarkStyleKind, boolean>;
  /** Mark this site even when the page is not on-topic (its main text). */
  alwaysHere: boolean;
}

/** The result of reading and recognising a page. */
export interface PageScan {
  recognition: PageRecognition;
  /** Every mark the policy allows, in document order. */
  marks: Mark[];
  /** Whether the policy lets this page be marked at all. */
  marking: boolean;
  state: Omit<PageState, 'url'>;
}

const CONTEXT_RADIUS = 320;

/** The text around a mention that ranks the card's passages: its sentence and paragraph, bounded. */
function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_RADIUS);
  const to = Math.min(text.length, end + CONTEXT_RADIUS);
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

function rangeOf(doc: Document, block: DomBlock, start: number, end: number): Range | null {
  const from = locateOffset(block, start, false);
  const to = locateOffset(block, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The page's visible text as blocks (the document and its open shadow roots, as CSS shows them). */
export function readPage(
  doc: Document,
  skip: (element: Element) => boolean,
  onShadowRoot?: (root: ShadowRoot) => void,
): DomBlock[] {
  return extractTextBlocks(doc, { skip, rendering: createRenderingCheck(doc), onShadowRoot });
}

/** Beyond this many changed places, reading the whole page again is simpler and as fast. */
const MAX_CHANGED_CONTAINERS = 40;

/**
 * Brings the blocks read before up to date after changes inside `changed` containers: their
 * old blocks (and blocks whose text left the page) go, the containers are read again, and the
 * new blocks take their place in document order. Returns null when a full read is wiser.
 */
export function rereadChanged(
  previous: readonly DomBlock[],
  changed: ReadonlySet<Element>,
  skip: (element: Element) => boolean,
  onShadowRoot?: (root: ShadowRoot) => void,
): DomBlock[] | null {
  if (changed.size > MAX_CHANGED_CONTAINERS) return null;
  const roots = [...changed].filter(
    (root) =>
      root.isConnected && ![...changed].some((other) => other !== root && composedContains(other, root)),
  );
  if (roots.some((root) => root === root.ownerDocument.body || root === root.ownerDocument.documentElement)) {
    return null;
  }
  const kept = previous.filter((block) => {
    const first = block.nodes[0];
    return first?.isConnected === true && !roots.some((root) => composedContains(root, first));
  });
  const rendering = roots[0] ? createRenderingCheck(roots[0].ownerDocument) : undefined;
  for (const root of roots) {
    for (const block of extractBlocksWithin(root, { skip, rendering, onShadowRoot }))
      insertInOrder(kept, block);
  }
  return kept;
}

/** Inserts a block where its first text node falls in reading order, across shadow roots (binary search). */
function insertInOrder(blocks: DomBlock[], block: DomBlock): void {
  const node = block.nodes[0];
  if (!node) return;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const other = blocks[mid]?.nodes[0];
    const follows = other ? compareComposed(other, node) < 0 : false;
    if (follows) low = mid + 1;
    else high = mid;
  }
  blocks.splice(low, 0, block);
}

/**
 * Turns what recognition found into ranges the policy allows, in document order, with the
 * page state the popup and badge show. Mentions in text that CSS hides are dropped here,
 * where layout is known.
 */
export function marksFor(
  doc: Document,
  blocks: DomBlock[],
  recognition: PageRecognition,
  data: RecognizerData,
  policy: MarkPolicy,
): PageScan {
  const marking = recognition.onTopic || policy.alwaysHere || policy.scope === 'everywhere';
  const isVisible = createTextVisibility(doc);
  const allowedBlock = (index: number) => policy.scope === 'everywhere' || blocks[index]?.main === true;

  // Sorted by block, then offset: blocks come in reading order, and ranges in different trees
  // (a shadow root and the document) cannot be compared (`compareBoundaryPoints` throws).
  const placed: Array<{ mark: Mark; block: number; start: number }> = [];
  const entityNames = new Map(data.entities.map((e) => [e.id, e]));
  const eventNames = new Map(data.events.map((e) => [e.id, e.name]));
  const entityCounts = new Map<string, number>();
  const eventCounts = new Map<string, number>();
  for (const mention of recognition.mentions) {
    const block = blocks[mention.block] as DomBlock;
    const range = rangeOf(doc, block, mention.start, mention.end);
    if (!range || !isVisible(range.startContainer as Text)) continue;
    entityCounts.set(mention.entityId, (entityCounts.get(mention.entityId) ?? 0) + 1);
    const style = styleOfType(mention.type);
    if (!marking || !allowedBlock(mention.block) || !policy.kinds[style]) continue;
    const mark: Mark = {
      kind: 'entity',
      subjectId: mention.entityId,
      style,
      range,
      context: contextAround(block.text, mention.start, mention.end),
    };
    placed.push({ mark, block: mention.block, start: mention.start });
  }
  for (const event of recognition.events) {
    const block = blocks[event.block] as DomBlock;
    const range = rangeOf(doc, block, event.start, event.end);
    if (!range || !isVisible(range.startContainer as Text)) continue;
    eventCounts.set(event.eventId, (eventCounts.get(event.eventId) ?? 0) + 1);
    if (!marking || !allowedBlock(event.block) || !policy.kinds.event) continue;
    const mark: Mark = {
      kind: 'event',
      subjectId: event.eventId,
      style: 'event',
      range,
      context: contextAround(block.text, event.start, event.end),
    };
    placed.push({ mark, block: event.block, start: event.start });
  }
  placed.sort((a, b) => a.block - b.block || a.start - b.start);
  const marks = placed.map((entry) => entry.mark);
  return {
    recognition,
    marks,
    marking,
    state: {
      onTopic: recognition.onTopic,
      marking: marking && marks.length > 0,
      entities: [...entityCounts].map(([id, count]) => {
        const entity = entityNames.get(id);
        return { id, name: entity?.name ?? id, type: entity?.type ?? 'organization', count };
      }),
      events: [...eventCounts].map(([id, count]) => ({ id, name: eventNames.get(id) ?? id, count })),
    },
  };
}
