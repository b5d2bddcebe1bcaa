/**
 * A small helper for building the popup's DOM from data. Corpus text only ever goes in as
 * text nodes (children that are strings), never as HTML.
 */

/** Attributes and properties an element can be created with. */
export interface ElementOptions {
  className?: string;
  id?: string;
  /** Attributes, set with `setAttribute`; `false`, null and undefined leave one out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** `data-*` values. */
  data?: Record<string, string>;
  /** Event listeners. */
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

/** A child: an element, or a string that becomes a text node; null/false are skipped. */
export type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with options and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.id) element.id = options.id;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, value] of Object.entries(options.data ?? {})) element.dataset[name] = value;
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  append(element, children);
  return element;
}

/** Appends children, turning strings into text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Looks up an element of the popup's page by id; throws if the page lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`popup.html has no #${id}`);
  return element as T;
}
