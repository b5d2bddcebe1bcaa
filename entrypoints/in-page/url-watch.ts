import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often the address is compared, for history changes no event tells us of (pushState). */
const URL_POLL_MS = 1000;

/**
 * Calls `onChange` when the page's address changes without a load (single-page apps:
 * `history.pushState`, back and forward, hash links), for the content script's lifetime.
 * WXT's `wxt:locationchange` is not used: it is a DOM event on `window` with a guessable name,
 * so a page could hear it (and learn the extension is there) or forge it. This dispatches
 * nothing: it compares `location.href` once a second and on the browser's own (trusted)
 * `popstate` and `hashchange` events.
 */
export function watchUrl(ctx: ContentScriptContext, onChange: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  ctx.setInterval(check, URL_POLL_MS);
  for (const type of ['popstate', 'hashchange'] as const) {
    window.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) check();
      },
      { signal: ctx.signal },
    );
  }
}
