import { isInline, type Rendering } from './text-blocks';

/**
 * Whether CSS lets a reader see an element's text: the rules behind "visible text" where
 * styles and layout exist (in the page; `npm run scan` over linkedom has neither and reads by
 * markup alone). Text counts as hidden when it is not rendered (display, content-visibility,
 * a closed <details>), transparent (opacity 0), invisible (visibility), too small to read
 * (font-size 0), or boxed where nobody sees it: a 1px or zero-size box that clips its
 * content ("screen-reader only"), a clip or clip-path that cuts everything away, a
 * positioned box placed wholly above or left of the page (off-screen, where no scrolling
 * reaches).
 */

/**
 * The computed style an element's rendering depends on, beyond what `checkVisibility` answers
 * (display none, content-visibility, opacity 0 on it or an ancestor). Strings as
 * `getComputedStyle` gives them; the live declaration itself can be passed, and is read only
 * as far as the rules need (each property read costs about half a microsecond in Chromium).
 */
export interface StyleFacts {
  position: string;
  /** The shorthand: "visible" unless either axis clips. */
  overflow: string;
  visibility: string;
  fontSize: string;
  clip: string;
  clipPath: string;
  display: string;
}

/** An element's border box in page coordinates (scroll offsets added). */
export interface BoxFacts {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** At most this wide or high, a box that clips its content shows nothing readable. */
const TINY_BOX_PX = 1;

/** Whether an element's box needs measuring: only positioned or clipping boxes can hide text by geometry. */
export function needsBox(style: StyleFacts): boolean {
  return style.position !== 'static' || style.overflow !== 'visible';
}

/** Whether a `clip: rect(...)` keeps no area (it applies to absolutely positioned boxes only). */
function clipRectEmpty(style: StyleFacts): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const match = /^rect\(([^)]*)\)$/.exec(style.clip.trim());
  if (!match) return false;
  const sides = (match[1] as string).split(/[\s,]+/).map((side) => Number.parseFloat(side));
  if (sides.length !== 4 || sides.some((side) => Number.isNaN(side))) return false;
  const [top, right, bottom, left] = sides as [number, number, number, number];
  return right - left <= TINY_BOX_PX || bottom - top <= TINY_BOX_PX;
}

/**
 * Whether a `clip-path: inset(...)` cuts everything away: its percentages (top right bottom
 * left, CSS shorthand order) meet across the box. Lengths count as 0 (the safe side).
 */
function clipPathEmpty(style: StyleFacts): boolean {
  const match = /^inset\(([^)]*)\)/.exec(style.clipPath.trim());
  if (!match) return false;
  const parts =
    (match[1] as string)
      .split(/\s+round\s+/)[0]
      ?.trim()
      .split(/\s+/) ?? [];
  const percent = (part: string | undefined) => (part?.endsWith('%') ? Number.parseFloat(part) || 0 : 0);
  const [top, right = top, bottom = top, left = right] = parts;
  return percent(top) + percent(bottom) >= 100 || percent(left) + percent(right) >= 100;
}

/**
 * How an element renders, from its computed style and (where `needsBox`) its box; `box`
 * null means no layout to consult. Pure, so the rules are testable without a browser.
 * Clipping is looked at on positioned boxes only: `clip` applies to nothing else, and the
 * "screen-reader only" patterns that use `clip-path` position their box too.
 */
export function renderingFrom(style: StyleFacts, box: BoxFacts | null): Rendering {
  const positioned = style.position !== 'static';
  if (positioned && (clipRectEmpty(style) || clipPathEmpty(style))) return 'hidden';
  if (box) {
    const width = box.right - box.left;
    const height = box.bottom - box.top;
    const tiny = width <= TINY_BOX_PX || height <= TINY_BOX_PX;
    if (tiny && style.overflow !== 'visible' && style.display !== 'contents') return 'hidden';
    // Wholly left of or above the page: no scrolling brings it into view.
    if (positioned && ((box.left < 0 && box.right <= 0) || (box.top < 0 && box.bottom <= 0))) return 'hidden';
  }
  // Both inherit and a child may set them back: only the element's own text goes.
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'text-hidden';
  if (Number.parseFloat(style.fontSize) < 1) return 'text-hidden';
  return 'shown';
}

/**
 * A `rendering` check for `extractTextBlocks` in a document with layout, or undefined where
 * there is none (linkedom): then only markup decides. Reads only (`checkVisibility`, computed
 * style, boxes), so one layout serves the whole walk; boxes are measured only where
 * `needsBox` says geometry could hide text.
 */
export function createRenderingCheck(doc: Document): ((element: Element) => Rendering) | undefined {
  const view = doc.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return undefined;
  const root = doc.documentElement;
  if (!root || typeof root.checkVisibility !== 'function') return undefined;
  return (element) => {
    if (!element.checkVisibility({ opacityProperty: true })) return 'hidden';
    const style = view.getComputedStyle(element);
    let box: BoxFacts | null = null;
    if (needsBox(style)) {
      const rect = element.getBoundingClientRect();
      // A fixed box is placed in the viewport, anything else in the page.
      const fixed = style.position === 'fixed';
      const x = fixed ? 0 : view.scrollX;
      const y = fixed ? 0 : view.scrollY;
      box = { left: rect.left + x, top: rect.top + y, right: rect.right + x, bottom: rect.bottom + y };
    }
    return renderingFrom(style, box);
  };
}

/**
 * Whether a text node is seen: not hidden by CSS visibility or display (`checkVisibility`),
 * nor by the inline elements between it and its block container (a "screen-reader only"
 * <span>, a transparent or font-size 0 one). The read asks style of block containers only;
 * this covers the rest per mention, caching each element's answer.
 */
export function createTextVisibility(doc: Document): (text: Text) => boolean {
  const check = createRenderingCheck(doc);
  const known = new Map<Element, Rendering>();
  const renderingOf = (element: Element): Rendering => {
    let rendering = known.get(element);
    if (rendering === undefined) {
      rendering = check ? check(element) : 'shown';
      known.set(element, rendering);
    }
    return rendering;
  };
  return (text) => {
    const parent = text.parentElement;
    if (!parent) return false;
    if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility({ visibilityProperty: true }))
      return false;
    for (
      let element: Element | null = parent;
      element && isInline(element);
      element = element.parentElement
    ) {
      const rendering = renderingOf(element);
      // visibility and font-size inherit: only the text's own parent decides them.
      if (rendering === 'hidden' || (rendering === 'text-hidden' && element === parent)) return false;
    }
    return true;
  };
}
