import { createHighlightSheets } from './highlight-sheets';
import type { Mark, MarkStyleKind } from './marks';

/** How marks are painted: the user's style and colour settings. */
export interface PaintStyle {
  style: 'underline' | 'background' | 'none';
  color: string;
}

const KINDS: MarkStyleKind[] = ['person', 'organization', 'place', 'event'];
const PREFIX = 'sourcelight-';

/**
 * Paints marks with the CSS Custom Highlight API: the page's DOM and text stay untouched.
 * One highlight per kind (dashes differ, so kinds stay apart without relying on colour),
 * plus one for the mention whose card is open. The ::highlight rules live in an adopted
 * style sheet, so no element is added to the page either.
 */
export function createHighlighter(doc: Document) {
  const registry = doc.defaultView?.CSS?.highlights;
  const highlights = new Map<string, Highlight>();
  for (const kind of [...KINDS, 'active']) {
    const highlight = new Highlight();
    highlight.priority = kind === 'active' ? 2 : 1;
    highlights.set(kind, highlight);
    registry?.set(PREFIX + kind, highlight);
  }
  const stylesheet = createHighlightSheets(doc);

  return {
    /** Whether the browser can paint highlights at all. */
    supported: registry !== undefined,
    /** Applies the user's style; colours stay readable on light and dark pages. */
    setStyle({ style, color }: PaintStyle): void {
      const decoration: Record<MarkStyleKind, string> = {
        person: 'solid',
        organization: 'dashed',
        place: 'dotted',
        event: 'double',
      };
      const rules = KINDS.map((kind) => {
        if (style === 'none') return `::highlight(${PREFIX}${kind}) {}`;
        if (style === 'background') {
          return `::highlight(${PREFIX}${kind}) { background-color: color-mix(in srgb, ${color} 30%, transparent); text-decoration: underline ${decoration[kind]} ${color} 1px; text-underline-offset: 3px; }`;
        }
        return `::highlight(${PREFIX}${kind}) { text-decoration: underline ${decoration[kind]} ${color} 2px; text-underline-offset: 3px; }`;
      });
      rules.push(
        `::highlight(${PREFIX}active) { background-color: color-mix(in srgb, ${color} 45%, transparent); color: inherit; }`,
      );
      stylesheet.set(rules.join('\n'));
    },
    /** Replaces every painted mark with `marks`. */
    paint(marks: readonly Mark[]): void {
      for (const kind of KINDS) highlights.get(kind)?.clear();
      for (const mark of marks) {
        const highlight = highlights.get(mark.style);
        for (const piece of perTextNode(mark.range)) highlight?.add(piece);
      }
      stylesheet.cover(marks.map((mark) => mark.range.startContainer.getRootNode()));
    },
    /** Shows which mention the open card belongs to (null: none). */
    setActive(mark: Mark | null): void {
      const active = highlights.get('active');
      active?.clear();
      if (mark) for (const piece of perTextNode(mark.range)) active?.add(piece);
    },
    /** Removes every highlight and the style sheet: the page is as it was. */
    dispose(): void {
      for (const kind of highlights.keys()) registry?.delete(PREFIX + kind);
      highlights.clear();
      stylesheet.remove();
    },
  };
}

/** The highlighter's interface. */
export type Highlighter = ReturnType<typeof createHighlighter>;

/**
 * Splits a range into one range per text node it covers. Chromium paints a highlight's
 * text decoration only on the first element of a range that crosses inline elements
 * ("John <strong>Bolton</strong>" underlined "John" alone), so each piece stays in one node.
 */
function perTextNode(range: Range): Range[] {
  if (range.startContainer === range.endContainer) return [range];
  const doc = range.startContainer.ownerDocument;
  if (!doc) return [range];
  const pieces: Range[] = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = range.startContainer;
  for (let node: Node | null = range.startContainer; node; node = walker.nextNode()) {
    const text = node as Text;
    const piece = doc.createRange();
    piece.setStart(text, node === range.startContainer ? range.startOffset : 0);
    piece.setEnd(text, node === range.endContainer ? range.endOffset : text.data.length);
    if (!piece.collapsed) pieces.push(piece);
    if (node === range.endContainer) break;
  }
  return pieces;
}
