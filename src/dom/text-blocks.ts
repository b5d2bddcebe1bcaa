import type { TextBlock } from '../core/recognizer-types';

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
  /** A rendering check (CSS display/visibility) where layout exists; absent in Node. */
  isHidden?: (element: Element) => boolean;
  /** Also read open shadow roots (default true). */
  shadowRoots?: boolean;
}

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

/** Hidden by markup alone: attributes and inline styles (CSS rules need `isHidden`). */
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
  mainRoots: Element[] | null;
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

function visit(node: Node, walk: Walk, inChrome: boolean, inLink: boolean): void {
  if (node.nodeType === 3) {
    const text = (node as Text).data;
    if (text.length === 0) return;
    if (!walk.current) walk.current = { text: '', main: !inChrome, nodes: [], offsets: [] };
    const block = walk.current;
    if (inChrome) block.main = false;
    block.offsets.push(block.text.length);
    block.nodes.push(node as Text);
    block.text += text;
    if (inLink) walk.linkChars += text.trim().length;
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || hiddenByMarkup(element)) return;
  if (walk.options.skip?.(element) || walk.options.isHidden?.(element)) return;
  const inline = INLINE_TAGS.has(tag) || (tag.includes('-') && !element.shadowRoot);
  if (tag === 'BR') {
    if (walk.current) walk.current.text += '\n';
    return;
  }
  if (!inline) flush(walk);
  const chrome =
    inChrome || isChrome(element) || (walk.mainRoots !== null && !insideAny(element, walk.mainRoots));
  const link = inLink || tag === 'A';
  const shadow = walk.options.shadowRoots !== false ? element.shadowRoot : null;
  const children = shadow ? shadow.childNodes : element.childNodes;
  for (let i = 0; i < children.length; i++) visit(children[i] as Node, walk, chrome, link);
  if (!inline) flush(walk);
}

function insideAny(element: Element, roots: Element[]): boolean {
  for (const root of roots)
    if (root === element || root.contains(element) || element.contains(root)) return true;
  return false;
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
  const mains = doc ? Array.from(doc.querySelectorAll(MAIN_SELECTOR)) : [];
  const walk: Walk = {
    blocks: [],
    current: null,
    linkChars: 0,
    options,
    mainRoots: mains.length > 0 ? mains : null,
  };
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (start) visit(start, walk, false, false);
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
    const tag = element.tagName.toUpperCase();
    if (!INLINE_TAGS.has(tag) && !(tag.includes('-') && !element.shadowRoot)) return element;
    element = element.parentElement;
  }
  return element;
}

/**
 * Re-reads the blocks inside one element, as `extractTextBlocks` reads them in the whole
 * document: its ancestors decide whether it is visible at all, site chrome, or inside a link.
 * Lets a page that changed in one place be re-read in that place only.
 */
export function extractBlocksWithin(container: Element, options: ExtractOptions = {}): DomBlock[] {
  const doc = container.ownerDocument;
  const mains = doc ? Array.from(doc.querySelectorAll(MAIN_SELECTOR)) : [];
  const mainRoots = mains.length > 0 ? mains : null;
  let inChrome = mainRoots !== null && !insideAny(container, mainRoots);
  let inLink = false;
  for (let up = container.parentElement; up; up = up.parentElement) {
    const tag = up.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || hiddenByMarkup(up) || options.skip?.(up)) return [];
    if (isChrome(up)) inChrome = true;
    if (tag === 'A') inLink = true;
  }
  const walk: Walk = { blocks: [], current: null, linkChars: 0, options, mainRoots };
  visit(container, walk, inChrome, inLink);
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
