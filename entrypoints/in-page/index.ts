import recognizerData from '@/generated/recognizer-data.json';
import { boundedDebounce } from '@/src/core/bounded-debounce';
import { createRecognizer, type Recognizer } from '@/src/core/recognizer';
import type { RecognizerData } from '@/src/core/recognizer-types';
import { blockContainerOf, type DomBlock } from '@/src/dom/text-blocks';
import { backgroundMessaging, contentMessaging, type PageState } from '@/src/shared/protocol';
import { loadSettings, type Settings, watchSettings } from '@/src/shared/settings';
import { hostListMatches, siteListMatches } from '@/src/shared/site-patterns';
import { createCard } from './card';
import { createHighlighter, type Highlighter } from './highlighter';
import { type Mark, sameMark } from './marks';
import { marksFor, type PageScan, readPage, rereadChanged } from './page-scan';
import { createMarkIndex, type MarkIndex } from './pointer-hits';
import { createQuietContext } from './quiet-context';
import { guardedListener } from './trusted-input';
import { watchUrl } from './url-watch';

const data = recognizerData as RecognizerData;
/** How long the page must be quiet after a change before it is read again. */
const RESCAN_DEBOUNCE_MS = 400;
/** The longest a change waits for its rescan, however often the page keeps changing. */
const RESCAN_MAX_WAIT_MS = 1000;
/** The longest a due rescan waits for the browser to be idle. */
const RESCAN_IDLE_TIMEOUT_MS = 500;
const GRACE_MS = 300;
/** How soon after the reader's key press a focus change still counts as the reader's. */
const KEY_FOCUS_WINDOW_MS = 1000;
/** Elements whose arrival or removal never changes the page's visible text. */
const NON_TEXT_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'IMG',
  'IFRAME',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'VIDEO',
]);

/**
 * The content script. It is built as an unlisted script and declared in the manifest by
 * `wxt.config.ts` (matches every page, at document_idle, in all frames, and in about:blank and
 * srcdoc frames: `match_about_blank`), not through WXT's
 * `defineContentScript`: WXT's wrapper gives `main` a context that announces the script to the
 * page and can be switched off by it (see quiet-context.ts). Same-origin frames are part of the
 * page a reader sees; cross-origin ones (ads, embeds) are not.
 */
export default defineUnlistedScript({
  async main() {
    if (!isTopOrSameOriginFrame()) return;
    const ctx = createQuietContext('sourcelight');
    traceStep('sourcelight:start');
    let settings: Settings = await loadSettings();
    // Each step the script resumes in gets a trace stamp, so a trace can tell our tasks (bench/pages).
    traceStep('sourcelight:settings');
    let recognizer: Recognizer | null = null;
    // Made on first paint: a page with nothing to mark never gets our style sheet.
    let highlighter: Highlighter | null = null;
    let scan: PageScan | null = null;
    let marks: Mark[] = [];
    let index: MarkIndex = createMarkIndex([]);

    const card = createCard({
      ctx,
      fetchCard: (mark) =>
        backgroundMessaging.sendMessage('findPassages', {
          kind: mark.kind,
          id: mark.subjectId,
          context: mark.context,
          limit: settings.passagesPerCard,
        }),
      searchFor: (query) =>
        void backgroundMessaging.sendMessage('openSearch', { query }).catch(() => undefined),
      onActiveChange: (mark) => highlighter?.setActive(mark),
      timing: () => ({ dwellMs: settings.hoverDelayMs, graceMs: GRACE_MS }),
      dark: () =>
        settings.theme === 'dark' ||
        (settings.theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches),
    });
    ctx.onInvalidated(() => {
      card.close(false);
      highlighter?.dispose();
    });

    /** Whether Sourcelight may run on this page at all. */
    const runsHere = () =>
      settings.enabled &&
      !siteListMatches(settings.neverSites, location.href) &&
      !hostListMatches(settings.pausedSites, location.href);

    const pageState = (): PageState => ({
      url: location.href,
      onTopic: scan?.state.onTopic ?? false,
      marking: runsHere() && settings.markMode !== 'keyboard' && (scan?.state.marking ?? false),
      entities: runsHere() ? (scan?.state.entities ?? []) : [],
      events: runsHere() ? (scan?.state.events ?? []) : [],
    });

    /**
     * Reads, recognises and marks the page in steps, yielding to the page between them (read
     * the DOM, then recognise, then build ranges and paint), so no step holds the main thread
     * long. A newer refresh supersedes an older one still in flight.
     */
    let generation = 0;
    /** The blocks of the last read, and where the page changed since ('all': read it all). */
    let lastBlocks: DomBlock[] | null = null;
    let pendingChanges: Set<Element> | 'all' = 'all';
    let inFlight: Promise<void> = Promise.resolve();
    const refresh = (): Promise<void> => {
      inFlight = runRefresh();
      return inFlight;
    };
    const runRefresh = async () => {
      const mine = ++generation;
      const stale = () => mine !== generation || ctx.isInvalid;
      if (!runsHere()) {
        scan = null;
        marks = [];
        lastBlocks = null;
        pendingChanges = 'all';
      } else {
        recognizer ??= createRecognizer(data);
        traceStep('sourcelight:refresh');
        await nextIdle(ctx);
        if (stale()) return;
        const skip = (element: Element) => card.contains(element);
        // After a change in a few places, re-read only those; otherwise the whole page.
        const changed = pendingChanges;
        pendingChanges = new Set();
        const blocks =
          (changed !== 'all' && lastBlocks && rereadChanged(lastBlocks, changed, skip, watchShadowRoot)) ||
          readPage(document, skip, watchShadowRoot);
        lastBlocks = blocks;
        traceStep('sourcelight:read');
        await nextIdle(ctx);
        if (stale()) return;
        const recognition = recognizer.recognize(blocks);
        scan = marksFor(document, blocks, recognition, data, {
          scope: settings.markMode === 'everywhere' ? 'everywhere' : 'topical',
          kinds: settings.kinds,
          alwaysHere: siteListMatches(settings.alwaysSites, location.href),
        });
        marks = scan.marks;
      }
      index = createMarkIndex(marks);
      const current = card.current;
      if (current && !marks.some((m) => sameMark(m, current))) card.close(false);
      const painted = settings.markMode === 'keyboard' ? [] : marks;
      if (painted.length > 0) highlighter ??= createHighlighter(document);
      highlighter?.setStyle({ style: settings.highlightStyle, color: settings.highlightColor });
      highlighter?.paint(painted);
      traceStep('sourcelight:painted');
      void backgroundMessaging.sendMessage('reportPageState', pageState()).catch(() => undefined);
    };

    // Dynamic pages: read the page again once it has been quiet for a moment, ignoring our own
    // UI, but never later than RESCAN_MAX_WAIT_MS after the first change, so a page that never
    // stops changing (a live feed) is still marked while it runs.
    const rescan = boundedDebounce(
      () => ctx.requestIdleCallback(refresh, { timeout: RESCAN_IDLE_TIMEOUT_MS }),
      { quietMs: RESCAN_DEBOUNCE_MS, maxWaitMs: RESCAN_MAX_WAIT_MS },
      {
        now: () => performance.now(),
        setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
        clearTimeout: (id) => window.clearTimeout(id),
      },
    );
    const scheduleRescan = () => rescan.trigger();
    /**
     * Whether a mutation can change what a reader sees as text: our own card never does, nor
     * do scripts, styles, images or frames coming and going (ads, trackers, lazy loading).
     */
    const changesText = (record: MutationRecord): boolean => {
      if (card.contains(record.target)) return false;
      if (record.type === 'characterData') return true;
      for (const node of [...record.addedNodes, ...record.removedNodes]) {
        if (card.contains(node)) continue;
        if (node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '') return true;
        if (node.nodeType === Node.ELEMENT_NODE && !NON_TEXT_TAGS.has((node as Element).tagName)) {
          if ((node.textContent ?? '').trim() !== '') return true;
        }
      }
      return false;
    };
    const observer = new MutationObserver((records) => {
      if (ctx.isInvalid) return;
      let relevant = false;
      for (const record of records) {
        if (!changesText(record)) continue;
        relevant = true;
        const container = blockContainerOf(record.target);
        if (pendingChanges !== 'all') {
          if (container) pendingChanges.add(container);
          else pendingChanges = 'all';
        }
      }
      if (relevant) scheduleRescan();
    });
    const watched = { childList: true, subtree: true, characterData: true };
    observer.observe(document.body ?? document.documentElement, watched);
    // Changes inside open shadow roots never reach the document's observer: each root read is watched too.
    const watchedRoots = new WeakSet<ShadowRoot>();
    function watchShadowRoot(root: ShadowRoot): void {
      if (watchedRoots.has(root)) return;
      watchedRoots.add(root);
      observer.observe(root, watched);
    }
    ctx.onInvalidated(() => observer.disconnect());
    watchUrl(ctx, () => {
      pendingChanges = 'all';
      scheduleRescan();
    });

    // Hover: one hit test per animation frame at most.
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    let hovered: Mark | null = null;
    ctx.addEventListener(
      document,
      'pointermove',
      guardedListener(ctx, (event: PointerEvent) => {
        pointer = { x: event.clientX, y: event.clientY };
        if (frame || marks.length === 0 || settings.trigger !== 'hover') return;
        frame = ctx.requestAnimationFrame(() => {
          frame = 0;
          if (!pointer || card.contains(document.elementFromPoint(pointer.x, pointer.y))) return;
          const mark = index.at(document, pointer.x, pointer.y);
          if (mark !== hovered) {
            hovered = mark;
            if (mark) card.hoverEnter(mark, pointer);
            else card.hoverLeave();
          }
        });
      }),
      { passive: true },
    );
    ctx.addEventListener(
      document,
      'click',
      guardedListener(ctx, (event: MouseEvent) => {
        if (card.contains(event.target)) return;
        const mark = marks.length > 0 ? index.at(document, event.clientX, event.clientY) : null;
        const inControl = (event.target as Element | null)?.closest?.(
          'a, button, input, select, textarea, label',
        );
        if (mark && !inControl)
          void card.open(mark, { focus: false, point: { x: event.clientX, y: event.clientY } });
        else if (card.current) card.close(false);
      }),
      { capture: true },
    );
    let lastKeyAt = Number.NEGATIVE_INFINITY;
    ctx.addEventListener(
      document,
      'keydown',
      guardedListener(ctx, (event: KeyboardEvent) => {
        lastKeyAt = event.timeStamp;
        if (event.key === 'Escape' && card.current) card.close(true);
      }),
      { capture: true },
    );
    // Keyboard focus on a link that holds a mention opens its card, as Page Previews does. Focus
    // events are trusted even when a page script calls focus(), so only focus that follows the
    // reader's own key press counts: a page cannot open the card by moving focus itself.
    ctx.addEventListener(
      document,
      'focusin',
      guardedListener(ctx, (event: FocusEvent) => {
        if (event.timeStamp - lastKeyAt > KEY_FOCUS_WINDOW_MS) return;
        const target = event.target as Element | null;
        if (!target || card.contains(target) || settings.markMode === 'keyboard') return;
        const mark = target instanceof Element && target !== document.body ? index.within(target) : null;
        if (mark) card.hoverEnter(mark, rectCenter(mark));
      }),
    );
    // Focus moving on from that link closes its card (after the grace period), unless into the card.
    ctx.addEventListener(
      document,
      'focusout',
      guardedListener(ctx, (event: FocusEvent) => {
        const target = event.target as Element | null;
        if (!target || card.contains(target) || card.contains(event.relatedTarget)) return;
        if (target instanceof Element && target !== document.body && index.within(target)) card.hoverLeave();
      }),
    );

    /** The mention the keyboard last stepped to: after Escape, stepping resumes from it. */
    let lastStepped: Mark | null = null;
    const step = (direction: 1 | -1): boolean => {
      const list = marks;
      if (list.length === 0) return false;
      const from = card.current ?? lastStepped;
      let at = from ? list.findIndex((m) => sameMark(m, from)) : -1;
      at = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
      const mark = list[at] as Mark;
      lastStepped = mark;
      reveal(mark);
      return true;
    };
    const reveal = (mark: Mark) => {
      mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      void card.open(mark, { focus: true, point: rectCenter(mark) });
    };

    contentMessaging.onMessage('stepMention', ({ data: message }) => step(message.direction));
    contentMessaging.onMessage('revealMention', ({ data: message }) => {
      const mark = marks.find((m) => m.kind === message.kind && m.subjectId === message.id);
      if (!mark) return false;
      reveal(mark);
      return true;
    });
    // The popup may ask right after changing a setting, before the change event reaches this
    // tab: read the settings afresh, and answer once the page reflects them.
    contentMessaging.onMessage('currentPageState', async () => {
      const fresh = await loadSettings();
      if (JSON.stringify(fresh) !== JSON.stringify(settings)) {
        settings = fresh;
        pendingChanges = 'all';
        void refresh();
      }
      let settled: Promise<void>;
      do {
        settled = inFlight;
        await settled;
      } while (settled !== inFlight);
      return pageState();
    });
    ctx.onInvalidated(() => contentMessaging.removeAllListeners());

    const stopWatching = watchSettings((next) => {
      settings = next;
      pendingChanges = 'all';
      void refresh();
    });
    ctx.onInvalidated(stopWatching);
    void refresh();
  },
});

/**
 * Whether this is the top frame, or a frame of the top page's own origin. The documents'
 * origins are compared (`window.origin`), not their URLs': an about:blank or about:srcdoc
 * frame has its creator's origin, while its URL's origin is "null".
 */
function isTopOrSameOriginFrame(): boolean {
  // A tab showing about:blank itself (a new tab) has nothing to read: only frames qualify.
  if (window.top === window) return location.protocol !== 'about:';
  try {
    return window.top?.origin === window.origin;
  } catch {
    return false; // reading a cross-origin frame's location throws
  }
}

/**
 * Stamps a step of the script (`sourcelight:<step>`) into the browser's trace, so a profile
 * shows which tasks are ours (bench/pages). `console.timeStamp` reaches only the browser's
 * tracing; `performance.mark` would put the name in the page's own performance timeline,
 * where any page could read it and tell that Sourcelight is installed.
 */
function traceStep(name: `sourcelight:${string}`): void {
  console.timeStamp(name);
}

/** Resolves when the browser is idle (or after a short while at most), to break up work. */
function nextIdle(ctx: {
  requestIdleCallback(callback: () => void, options?: { timeout?: number }): number;
}): Promise<void> {
  return new Promise((resolve) => {
    ctx.requestIdleCallback(() => resolve(), { timeout: 200 });
  });
}

function rectCenter(mark: Mark): { x: number; y: number } {
  const rect = mark.range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
