import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '@/src/shared/i18n';
import type { CardData } from '@/src/shared/protocol';
import { CARD_CSS } from './card-style';
import { renderCard, renderLoading } from './card-view';
import type { Mark } from './marks';
import { guardedListener } from './trusted-input';

/** The least distance between the card and the edges of the window, in CSS pixels. */
const VIEWPORT_MARGIN = 8;

/** What the card needs from the rest of the content script. */
export interface CardDeps {
  ctx: ContentScriptContext;
  fetchCard(mark: Mark): Promise<CardData | null>;
  searchFor(query: string): void;
  onActiveChange(mark: Mark | null): void;
  timing(): { dwellMs: number; graceMs: number };
  dark(): boolean;
}

/**
 * The card that shows what the sources said about a marked mention. It lives in a shadow
 * root (page CSS cannot reach in, ours cannot leak), mounted only while open, and sits next
 * to the line of the mention under the pointer (Floating UI: flip and shift at the edges).
 * Hover opens it after a dwell and closes it after a grace period unless the pointer moves
 * into it; a click pins it; Escape or a click outside closes it, and focus returns.
 */
export function createCard(deps: CardDeps) {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let wrap: HTMLElement | null = null;
  let current: Mark | null = null;
  let pinned = false;
  let openTimer = 0;
  let closeTimer = 0;
  let stopPositioning: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;
  let request = 0;

  /** Wires a freshly mounted container: the card stays while the pointer is inside it. */
  const wireContainer = (box: HTMLElement): void => {
    const guarded = <E extends Event>(handler: (event: E) => void) => guardedListener(deps.ctx, handler);
    box.addEventListener(
      'pointerenter',
      guarded(() => window.clearTimeout(closeTimer)),
    );
    box.addEventListener(
      'pointerleave',
      guarded(() => {
        if (!pinned) scheduleClose();
      }),
    );
    box.addEventListener(
      'keydown',
      guarded((event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        } else if (movePassageFocus(box, event.key)) {
          // Arrows move between passages instead of scrolling the page behind the card.
          event.preventDefault();
        }
      }),
    );
    // A card the reader entered by keyboard closes when focus leaves it for the page (Tab past
    // its last button); not when the whole window loses focus.
    box.addEventListener(
      'focusout',
      guarded((event: FocusEvent) => {
        const next = event.relatedTarget as Node | null;
        if (next && !box.contains(next)) close(false);
      }),
    );
  };

  /** Mounts the shadow root UI (made once, mounted while a card is open); returns its container. */
  const ensureUi = async (): Promise<HTMLElement> => {
    ui ??= await createShadowRootUi(deps.ctx, {
      name: cardElementName(),
      // Closed: a page cannot reach in to rewrite a quote, its source or link, or press a button.
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: CARD_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const box = document.createElement('div');
        box.className = 'wrap';
        // A polite live region that lasts while the card is mounted, so a card opened by hover
        // is announced; the card itself goes in the slot beside it.
        const announcer = document.createElement('span');
        announcer.className = 'announce';
        announcer.setAttribute('role', 'status');
        const slot = document.createElement('div');
        slot.className = 'slot';
        box.append(announcer, slot);
        container.replaceChildren(box);
        wireContainer(box);
        return box;
      },
    });
    if (!ui.shadowHost.isConnected || !wrap?.isConnected) {
      ui.mount();
      wrap = ui.mounted as HTMLElement;
    }
    return wrap;
  };

  const position = (mark: Mark, point?: { x: number; y: number }) => {
    if (!wrap) return;
    const box = wrap;
    const reference: VirtualElement = {
      getBoundingClientRect: () => mark.range.getBoundingClientRect(),
      getClientRects: () => mark.range.getClientRects(),
      contextElement: mark.range.startContainer.parentElement ?? undefined,
    };
    stopPositioning?.();
    stopPositioning = autoUpdate(reference, box, () => {
      void computePosition(reference, box, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(point),
          offset(6),
          // Below the mention if the card fits there, else above; if it fits on neither side,
          // on the roomier one, and sized to it: the header and close button never leave the screen.
          flip({ padding: VIEWPORT_MARGIN, fallbackStrategy: 'bestFit' }),
          size({
            padding: VIEWPORT_MARGIN,
            apply({ availableHeight, availableWidth, elements }) {
              elements.floating.style.setProperty('--card-max-height', `${Math.floor(availableHeight)}px`);
              elements.floating.style.setProperty('--card-max-width', `${Math.floor(availableWidth)}px`);
            },
          }),
          shift({ padding: VIEWPORT_MARGIN }),
        ],
      }).then(({ x, y }) => {
        box.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  };

  const show = async (
    mark: Mark,
    options: { pin: boolean; focus: boolean; point?: { x: number; y: number } },
  ) => {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    if (current === mark && wrap?.isConnected) {
      pinned ||= options.pin;
      if (options.focus) (slotOf(wrap).firstElementChild as HTMLElement | null)?.focus();
      return;
    }
    const ticket = ++request;
    if (options.focus && !returnFocus) returnFocus = document.activeElement as HTMLElement | null;
    const box = await ensureUi();
    current = mark;
    pinned = options.pin;
    deps.onActiveChange(mark);
    box.classList.toggle('dark', deps.dark());
    const slot = slotOf(box);
    const announcer = box.querySelector('.announce');
    if (announcer) announcer.textContent = '';
    slot.replaceChildren(renderLoading(document));
    position(mark, options.point);
    const data = await deps.fetchCard(mark).catch(() => null);
    if (ticket !== request || current !== mark) return;
    if (!data) {
      close(false);
      return;
    }
    const card = renderCard(document, data, {
      copy: copyText,
      searchFor: deps.searchFor,
      close: () => close(true),
    });
    slot.replaceChildren(card);
    if (options.focus) card.focus();
    else if (announcer) announcer.textContent = t('card_announce', data.name, data.passages.length);
  };

  const scheduleClose = () => {
    window.clearTimeout(closeTimer);
    closeTimer = window.setTimeout(() => close(false), deps.timing().graceMs);
  };

  const close = (restoreFocus: boolean) => {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    request++;
    stopPositioning?.();
    stopPositioning = null;
    if (current) deps.onActiveChange(null);
    current = null;
    pinned = false;
    if (wrap) slotOf(wrap).replaceChildren();
    ui?.remove();
    if (restoreFocus && returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
  };

  return {
    /** The mention whose card is open, if any. */
    get current(): Mark | null {
      return current;
    },
    /** Whether an event target is inside the card. */
    contains(target: EventTarget | null): boolean {
      return (
        target !== null && ui !== null && (target === ui.shadowHost || ui.shadowHost.contains(target as Node))
      );
    },
    /** The pointer rests on a mark: open after the dwell time (or keep the open card). */
    hoverEnter(mark: Mark, point: { x: number; y: number }): void {
      window.clearTimeout(closeTimer);
      if (current === mark) return;
      window.clearTimeout(openTimer);
      if (pinned) return;
      openTimer = window.setTimeout(
        () => void show(mark, { pin: false, focus: false, point }),
        deps.timing().dwellMs,
      );
    },
    /** The pointer left the mark: close after the grace period unless pinned or inside the card. */
    hoverLeave(): void {
      window.clearTimeout(openTimer);
      if (current && !pinned) scheduleClose();
    },
    /** Opens at once: a click (pinned) or the keyboard (pinned, focused). */
    open(mark: Mark, options: { focus: boolean; point?: { x: number; y: number } }): Promise<void> {
      return show(mark, { pin: true, ...options });
    },
    close,
  };
}

/** The part of the mounted card that holds its content (beside the live region). */
function slotOf(box: HTMLElement): HTMLElement {
  return box.querySelector<HTMLElement>('.slot') ?? box;
}

/**
 * Moves focus to the next or previous passage (ArrowDown/ArrowUp), or the first or last
 * (Home/End); returns whether the key was one of those.
 */
function movePassageFocus(box: HTMLElement, key: string): boolean {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(key)) return false;
  const items = Array.from(box.querySelectorAll<HTMLElement>('.passage'));
  if (items.length === 0) return false;
  const root = box.getRootNode() as ShadowRoot | Document;
  const at = items.findIndex((item) => item === root.activeElement || item.contains(root.activeElement));
  const next =
    key === 'Home'
      ? 0
      : key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (key === 'ArrowDown' ? 1 : at < 0 ? 0 : -1)));
  const item = items[next] as HTMLElement;
  item.focus();
  item.scrollIntoView({ block: 'nearest' });
  return true;
}

/**
 * The card host's tag name: `sourcelight-card-` and a random suffix, new for every page load.
 * A fixed name could be claimed first by the page (`customElements.define`), whose class would
 * then run on our element; a name the page cannot know in advance cannot be claimed.
 */
export function cardElementName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `sourcelight-card-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The card's interface. */
export type Card = ReturnType<typeof createCard>;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
