import type { TextBlock } from '../core/recognizer-types';
import { composedContains, composedParent } from './composed-tree';

/**
 * Visible text of a document as blocks: the runs a reader sees as one flow. Inline tags
 * (b, i, a, span, em...) join one block, so "Nicolás <b>Maduro</b>" is one run; any other
 * element breaks it. Only DOM standards are used, so the same rules run in the page and in
 * Node over linkedom (`npm run scan`).
 */
export interface DomBlock extends TextBlock {
  /** The text nodes the block's text is made of, in order. */
  nodes: Text[];
  /** offsets[i] is where nodes[i] starts in `text`. */
  offsets: number[];
}

/** Hooks the page adds to the document-only rules. */
export interface ExtractOptions {
  /** Elements to leave out with everything inside (our own UI). */
  skip?: (element: Element) => boolean;
  /**
   * How CSS renders an element, where styles and layout exist (see `rendering.ts`); absent
   * in Node, where only markup decides. 'hidden' leaves the element out with everything
   * inside; 'text-hidden' leaves out its own text while its children may show theirs.
   */
  rendering?: (element: Element) => Rendering;
  /** Also read open shadow roots (default true). */
  shadowRoots?: boolean;
  /** Told of each open shadow root read (to watch it for changes: the document's observers do not see them). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** What a reader sees of an element's text, as far as CSS decides. */
export type Rendering = 'shown' | 'hidden' | 'text-hidden';

/** Tags whose text flows on the same line as their neighbours'. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RUBY',
  'RB',
  'RT',
  'S',
  'SAMP',
  // A slot only stands in for the nodes assigned to it: they decide where blocks break.
  'SLOT',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);
/** Tags with no text a reader sees as prose. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'AUDIO',
  'VIDEO',
  'PICTURE',
  'IMG',
  'DIALOG',
  'PRE',
]);
/** Containers that hold site chrome, not the article: menus, banners, sidebars, footers. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'MENU', 'FORM']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'search',
  'dialog',
]);
const CHROME_HINT =
  /(^|[\s_-])(nav|navbar|menu|sidebar|side-bar|footer|masthead|related|recirc|promo|teaser|trending|most-?popular|newsletter|breadcrumbs?|share|social|comments?|outbrain|taboola|sponsored|advert|ad-slot|cookie)([\s_-]|$)/i;
/** Elements that mark where the main text is, when a page has them. */
const MAIN_SELECTOR = 'main, article, [role="main"], [itemprop="articleBody"]';

function isChrome(element: Element): boolean {
  if (CHROME_TAGS.has(element.tagName)) return true;
  if (element.tagName === 'HEADER' && !element.closest('article')) return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  const hint = `${element.getAttribute('class') ?? ''} ${element.id ?? ''}`;
  return hint.length > 1 && hint.length < 300 && CHROME_HINT.test(hint);
}

/** Hidden by markup alone: attributes and inline styles (CSS rules need `rendering`). */
function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const style = element.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

interface Walk {
  blocks: DomBlock[];
  current: DomBlock | null;
  linkChars: number;
  options: ExtractOptions;
  mainRoots: Set<Element> | null;
}

/** Where a node sits: in site chrome, inside a link, inside the page's main text. */
interface Place {
  chrome: boolean;
  link: boolean;
  main: boolean;
}

function flush(walk: Walk): void {
  const block = walk.current;
  walk.current = null;
  if (!block || !/[\p{L}\p{N}]/u.test(block.text)) {
    walk.linkChars = 0;
    return;
  }
  // Teaser lists and menus: a block that is mostly link text is not the article's prose.
  const letters = block.text.trim().length;
  if (letters > 0 && walk.linkChars / letters > 0.6) block.main = false;
  walk.blocks.push(block);
  walk.linkChars = 0;
}

function visitText(node: Text, walk: Walk, place: Place): void {
  const text = node.data;
  if (text.length === 0) return;
  if (!walk.current) walk.current = { text: '', main: !place.chrome, nodes: [], offsets: [] };
  const block = walk.current;
  if (place.chrome) block.main = false;
  block.offsets.push(block.text.length);
  block.nodes.push(node);
  block.text += text;
  if (place.link) walk.linkChars += text.trim().length;
}

function visit(node: Node, walk: Walk, place: Place, textShown: boolean): void {
  if (node.nodeType === 3) {
    if (textShown) visitText(node as Text, walk, place);
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || hiddenByMarkup(element) || walk.options.skip?.(element)) return;
  const inline = isInline(element);
  // Style is asked of block containers only, to bound the cost on large pages; text hidden by
  // an inline element is left out per mention (`createTextVisibility` in rendering.ts).
  const rendering = inline ? 'shown' : (walk.options.rendering?.(element) ?? 'shown');
  if (rendering === 'hidden') return;
  if (tag === 'BR') {
    if (walk.current) walk.current.text += '\n';
    return;
  }
  if (!inline) flush(walk);
  const { mainRoots } = walk;
  const main = place.main || mainRoots?.has(element) === true;
  const inner: Place = {
    chrome:
      place.chrome || isChrome(element) || (mainRoots !== null && !main && !holdsMain(element, mainRoots)),
    link: place.link || tag === 'A',
    main,
  };
  const children = renderedChildren(element, walk.options);
  for (let i = 0; i < children.length; i++) visit(children[i] as Node, walk, inner, rendering === 'shown');
  if (!inline) flush(walk);
}

/**
 * The nodes rendered in an element's place: its shadow root's children if it hosts an open
 * one, the nodes assigned to it if it is a slot (else its fallback content), or its children.
 */
function renderedChildren(element: Element, options: ExtractOptions): ArrayLike<Node> {
  const shadow = options.shadowRoots !== false ? element.shadowRoot : null;
  if (shadow) {
    options.onShadowRoot?.(shadow);
    return shadow.childNodes;
  }
  if (element.tagName.toUpperCase() === 'SLOT') {
    const assigned = assignedTo(element as HTMLSlotElement);
    if (assigned.length > 0) return assigned;
  }
  return element.childNodes;
}

/**
 * The light-DOM nodes a slot shows. The browser knows (`assignedNodes`); where it has no
 * answer (linkedom assigns nothing), named slotting is worked out from the `slot` attributes.
 */
function assignedTo(slot: HTMLSlotElement): Node[] {
  const native = typeof slot.assignedNodes === 'function' ? slot.assignedNodes() : [];
  if (native.length > 0) return native;
  const root = slot.getRootNode() as Partial<ShadowRoot>;
  const host = root.host;
  if (!host || root.slotAssignment === 'manual') return [];
  const name = slot.getAttribute('name') ?? '';
  // The first slot of a name takes its nodes; a later one of the same name gets none.
  const first = (root as ShadowRoot).querySelector(
    name ? `slot[name="${escapeAttribute(name)}"]` : 'slot:not([name]), slot[name=""]',
  );
  if (first !== slot) return [];
  return Array.from(host.childNodes).filter((child) =>
    child.nodeType === 1
      ? ((child as Element).getAttribute('slot') ?? '') === name
      : child.nodeType === 3 && name === '',
  );
}

/** Escapes a slot name for an attribute selector (quotes and backslashes). */
function escapeAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** Whether an element holds one of the main roots (so it is not chrome, though not main). */
function holdsMain(element: Element, roots: Set<Element>): boolean {
  for (const root of roots) if (element.contains(root)) return true;
  return false;
}

/** Whether an element is a main root or lies inside one, through shadow roots. */
function insideMain(element: Element, roots: Set<Element>): boolean {
  for (const root of roots) if (composedContains(root, element)) return true;
  return false;
}

/** The page's main-text roots (<main>, <article>...), or null when it has none. */
function mainRootsOf(doc: Document | null): Set<Element> | null {
  const mains = doc ? doc.querySelectorAll(MAIN_SELECTOR) : [];
  return mains.length > 0 ? new Set(Array.from(mains)) : null;
}

/**
 * Reads the visible text under `root` as blocks. Blocks inside menus, banners, sidebars,
 * footers or teaser lists, or outside the page's <main>/<article> when it has one, are
 * flagged `main: false`.
 */
export function extractTextBlocks(
  root: Document | Element | ShadowRoot,
  options: ExtractOptions = {},
): DomBlock[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const walk: Walk = { blocks: [], current: null, linkChars: 0, options, mainRoots: mainRootsOf(doc) };
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (start) visit(start, walk, { chrome: false, link: false, main: false }, true);
  flush(walk);
  return walk.blocks;
}

/**
 * The element whose blocks a change at `node` can affect: the nearest ancestor (or the node
 * itself) that is not inline. Blocks never cross its boundary, so re-reading it is enough.
 */
export function blockContainerOf(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (element?.parentElement) {
    if (!isInline(element)) return element;
    element = element.parentElement;
  }
  return element;
}

/** Whether an element's text joins its neighbours' in one block (inline tags, custom elements without a shadow root). */
export function isInline(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return INLINE_TAGS.has(tag) || (tag.includes('-') && !element.shadowRoot);
}

/**
 * Re-reads the blocks inside one element, as `extractTextBlocks` reads them in the whole
 * document: its ancestors decide whether it is visible at all, site chrome, or inside a link.
 * Lets a page that changed in one place be re-read in that place only.
 */
export function extractBlocksWithin(container: Element, options: ExtractOptions = {}): DomBlock[] {
  const mainRoots = mainRootsOf(container.ownerDocument);
  const main = mainRoots !== null && insideMain(container, mainRoots);
  const place: Place = {
    chrome: mainRoots !== null && !main && !holdsMain(container, mainRoots),
    link: false,
    main,
  };
  for (let up = composedParent(container); up; up = composedParent(up)) {
    if (up.nodeType !== 1) continue;
    const element = up as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || hiddenByMarkup(element) || options.skip?.(element)) return [];
    if (!isInline(element) && options.rendering?.(element) === 'hidden') return [];
    if (isChrome(element)) place.chrome = true;
    if (tag === 'A') place.link = true;
  }
  const walk: Walk = { blocks: [], current: null, linkChars: 0, options, mainRoots };
  visit(container, walk, place, true);
  flush(walk);
  return walk.blocks;
}

/** The text node and offset inside it for a block-text offset (end offsets resolve leftwards). */
export function locateOffset(
  block: DomBlock,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number } | null {
  const { offsets, nodes } = block;
  let low = 0;
  let high = offsets.length - 1;
  const target = isEnd ? offset - 1 : offset;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] as number) <= target) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low];
  if (!node) return null;
  const inner = offset - (offsets[low] as number);
  if (inner < 0 || inner > node.data.length) return null;
  return { node, offset: inner };
}
