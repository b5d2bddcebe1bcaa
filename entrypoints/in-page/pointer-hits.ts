import { composedContains } from '@/src/dom/composed-tree';
import type { Mark } from './marks';

/**
 * Finds the mark under a screen point without touching the page's DOM: the caret position
 * at the point names a text node and offset, an index from text nodes to marks narrows the
 * candidates, and the mark's own line boxes confirm the pointer is really over its text.
 * Marks inside shadow roots are found too: the caret query is given those roots, and where
 * a browser ignores them, the element under the point (looked up through the roots) names
 * the candidates instead.
 */
export function createMarkIndex(marks: readonly Mark[]) {
  const byNode = new Map<Node, Mark[]>();
  const add = (node: Node, mark: Mark) => {
    const list = byNode.get(node);
    if (list) list.push(mark);
    else byNode.set(node, [mark]);
  };
  const byElement = new Map<Element, Mark[]>();
  const shadowRoots = new Set<ShadowRoot>();
  for (const mark of marks) {
    add(mark.range.startContainer, mark);
    if (mark.range.endContainer !== mark.range.startContainer) add(mark.range.endContainer, mark);
    const root = mark.range.startContainer.getRootNode();
    if (root.nodeType !== 11) continue;
    shadowRoots.add(root as ShadowRoot);
    const parent = mark.range.startContainer.parentElement;
    if (!parent) continue;
    const list = byElement.get(parent);
    if (list) list.push(mark);
    else byElement.set(parent, [mark]);
  }
  const roots = [...shadowRoots];
  return {
    /** The mark whose text is under (x, y), if any. */
    at(doc: Document, x: number, y: number): Mark | null {
      const hit = caretAt(doc, x, y, roots);
      let candidates = hit ? byNode.get(hit.node) : undefined;
      if (!candidates && roots.length > 0) {
        const element = deepElementAt(doc, x, y);
        candidates = element ? byElement.get(element) : undefined;
      }
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
      for (const mark of marks) if (composedContains(element, mark.range.startContainer)) return mark;
      return null;
    },
  };
}

/** The mark index's interface. */
export type MarkIndex = ReturnType<typeof createMarkIndex>;

/**
 * The caret position at a point; `shadowRoots` lets it name a node inside those roots
 * (`caretPositionFromPoint`'s options, in newer browsers; others ignore them).
 */
function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const options = shadowRoots.length > 0 ? { shadowRoots } : undefined;
    const caretPosition = doc.caretPositionFromPoint as (
      this: Document,
      x: number,
      y: number,
      options?: object,
    ) => CaretPosition | null;
    let position: CaretPosition | null;
    try {
      position = caretPosition.call(doc, x, y, options);
    } catch {
      position = caretPosition.call(doc, x, y); // options this browser cannot take
    }
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The innermost element at a point, looking into open shadow roots on the way. */
function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}
