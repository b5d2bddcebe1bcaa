import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's content-script context (timers, listeners, idle callbacks and shadow-root UIs tied to
 * one AbortSignal) without its start-up handshake. WXT's own context announces every start to
 * the page (a `window.postMessage` and a DOM event named `<extension id>:<script>:wxt:
 * content-script-started`) and invalidates itself when it sees that DOM event again, so any
 * page could read that Sourcelight is installed (and, in Chromium, its id) and switch it off by
 * re-dispatching the event (wxt-dev/wxt#1359, #2265). The handshake exists to stop an older copy
 * of a script when a newer one is injected into the same page; Sourcelight never injects itself
 * (its only content script is declared in the manifest), and an orphaned copy left behind by an
 * update or a disabled extension notices itself: `isInvalid` turns true once `runtime.id` is
 * gone, and every listener of ours checks it (see `guardedListener`).
 */
class QuietContentScriptContext extends ContentScriptContext {
  /** WXT posts the start message here; we post nothing a page could see. */
  override stopOldScripts(): void {}
  /** WXT listens for a forgeable DOM event here; we listen for nothing a page can send. */
  override listenForNewerScripts(): void {}
}

/** Creates the content script's lifetime: nothing a page can see, forge or end. */
export function createQuietContext(name: string): ContentScriptContext {
  return new QuietContentScriptContext(name);
}
