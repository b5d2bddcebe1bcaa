/**
 * Input a page cannot fake. A page's script can dispatch any event it likes
 * (`new PointerEvent('pointermove')`, `element.click()`), and those reach our listeners like
 * real ones; only the browser's own events from the reader's mouse, keyboard and focus carry
 * `isTrusted`. Every listener that opens, pins, closes or presses anything of Sourcelight's
 * goes through here, so a page can neither open the card, nor press its buttons, nor copy to
 * the clipboard in the reader's name.
 */

/** Whether a lifetime has ended (WXT's `ContentScriptContext.isInvalid`, or an AbortSignal). */
export interface Lifetime {
  readonly isInvalid: boolean;
  readonly signal: AbortSignal;
}

/**
 * Wraps a handler so that it runs only for trusted events and only while `lifetime` lasts
 * (reading `isInvalid` also ends an orphaned script's lifetime, removing every listener).
 */
export function guardedListener<E extends Event>(
  lifetime: Lifetime | null,
  handler: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) return;
    if (lifetime?.isInvalid) return;
    handler(event);
  };
}

/** Adds a listener for trusted events only, removed when `lifetime` ends (if given). */
export function onTrusted<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
  lifetime: Lifetime | null = null,
): void {
  target.addEventListener(
    type,
    guardedListener(lifetime, handler),
    lifetime ? { signal: lifetime.signal } : {},
  );
}
