import type { Mark } from './marks';

/**
 * Finds the mark under a screen point without touching the page's DOM: the caret position
 * at the point names a text node and offset, an index from text nodes to marks narrows the
 * candidates, and the mark's own line boxes confirm the pointer is really over its text.
 */
export function createMarkIndex(marks: readonly Mark[]) {
  const byNode = new Map<Node, Mark[]>();
  const add = (node: Node, mark: Mark) => {
    const list = byNode.get(node);
    if (list) list.push(mark);
    else byNode.set(node, [mark]);
  };
  for (const mark of marks) {
    add(mark.range.startContainer, mark);
    if (mark.range.endContainer !== mark.range.startContainer) add(mark.range.endContainer, mark);
  }
  return {
    /** The mark whose text is under (x, y), if any. */
    at(doc: Document, x: number, y: number): Mark | null {
      const hit = caretAt(doc, x, y);
      if (!hit) return null;
      const candidates = byNode.get(hit.node);
      if (!candidates) return null;
      for (const mark of candidates) {
        for (const rect of mark.range.getClientRects()) {
          if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
            return mark;
        }
      }
      return null;
    },
    /** The first mark inside an element (for keyboard focus on a link that holds a mention). */
    within(element: Element): Mark | null {
      for (const mark of marks) if (element.contains(mark.range.startContainer)) return mark;
      return null;
    },
  };
}

/** The mark index's interface. */
export type MarkIndex = ReturnType<typeof createMarkIndex>;

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
