/**
 * Page cost, measured in real Chromium: on the largest saved pages in ../shared/pages, the
 * main-thread time from the content script's start to its marks painted, and its longest
 * task, against mark.js marking the same aliases on the same page without the extension,
 * and the floor: walking the page's text nodes once.
 * `npx tsx bench/pages.bench.ts` prints the report; `bench/index.ts` calls `runPagesBench`.
 *
 * What "ours" is: a Chrome trace (CDP `Tracing`, categories toplevel and devtools.timeline)
 * of each page load. The content script stamps its steps into the trace with
 * `console.timeStamp` ('TimeStamp' events whose message is 'sourcelight:start',
 * 'sourcelight:painted', …; unlike performance marks, the page cannot see them). The window
 * runs from the start of the main-thread task that evaluates the content script (its compile
 * and top-level run come before 'sourcelight:start') to the end of the first rendering frame
 * after 'sourcelight:painted' (the frame that paints the highlights, with the style recalculation
 * our stylesheet causes). "ours" sums the main-thread tasks in that window that run our code
 * (some trace event inside them names a chrome-extension:// script, or holds one of our
 * step stamps: the content script stamps each step it resumes in) plus that frame; "window"
 * sums every task in it, the page's own loading and rendering included, since the content
 * script yields between its steps. The pages are served with their own scripts blocked (as
 * in the e2e tests). "longest" is the longest of our tasks. The trace sees every task, where the Long
 * Tasks API only reports tasks over 50 ms and so cannot check a 30 ms budget.
 *
 * Tracing adds a little overhead to every task; mark.js runs untraced, so the ratio is, if
 * anything, unfair to us. Requests to anything but 127.0.0.1 are aborted, so saved pages
 * do not wait on the network.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { RecognizerData } from '../src/core/recognizer-types';
import { buildOnce } from '../test/e2e/support/build-once';
import { type ChromiumWithExtension, launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { browserBinaries, chromeBuildDir } from '../test/e2e/support/paths';
import { forgetScanReports, waitForScanReport } from '../test/e2e/support/scan-report';
import { type StaticServer, serveStatic } from '../test/e2e/support/static-server';
import { settingsWith, storedSettings } from '../test/e2e/support/stored-settings';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The saved real pages, beside the repository (absent on a user's machine). */
export const realPagesDir = path.resolve(repoRoot, '..', 'shared', 'pages');
const markJsPath = path.join(repoRoot, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
/** Served with every page: its own scripts blocked, styles and images kept. */
const PAGE_POLICY = "default-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'";
const dataPath = path.join(repoRoot, 'generated', 'recognizer-data.json');

/** The targets the issue sets, printed next to the figures. */
export const PAGE_TARGETS = { maxTotalMs: 50, maxTaskMs: 30, minSpeedupOverMarkJs: 10 } as const;

/** Medians over the runs on one page. */
export interface PageFigures {
  page: string;
  htmlKilobytes: number;
  /** Characters in the page's text nodes (scripts and styles included: what a walker meets). */
  textChars: number;
  textNodes: number;
  /** Main-thread time of our tasks and our paint frame (see the module comment), median. */
  oursMs: number;
  /** Every main-thread task in the window, the page's own rendering included, median. */
  windowMs: number;
  /** Longest of our tasks, median over runs. */
  longestTaskMs: number;
  /** The task that evaluates the content script (compile, data, top level). */
  scriptTaskMs: number;
  /** The task that recognises the page and registers the highlights. */
  recognizeTaskMs: number;
  /** The rendering frame that paints the highlights. */
  frameMs: number;
  /** Wall time of the window. */
  wallMs: number;
  /** Ranges in CSS.highlights once painted. */
  highlights: number;
  markJsMs: number;
  markJsMarks: number;
  markJsRuns: number;
  walkMs: number;
  runs: number;
  /** Runs that failed, with why. */
  errors: string[];
}

/** Everything the page benchmark measured. */
export interface PagesBenchReport {
  skipped: string | null;
  aliases: number;
  markMode: string;
  pages: PageFigures[];
  elapsedMs: number;
}

/** A trace event as Chrome reports it (the fields used here). */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { src_func?: string; data?: { url?: string; message?: string } };
}

/** The figures one traced load yields, in milliseconds. */
interface TraceFigures {
  /** Main-thread time of the tasks that run our code, plus the frame that paints our marks. */
  busyMs: number;
  /** Every main-thread task in the window, ours or the page's. */
  windowBusyMs: number;
  longestTaskMs: number;
  scriptTaskMs: number;
  recognizeTaskMs: number;
  frameMs: number;
  wallMs: number;
}

/** The `count` largest .html files of a folder, largest first. */
export async function largestPages(
  dir: string,
  count: number,
): Promise<Array<{ name: string; bytes: number }>> {
  const names = (await readdir(dir)).filter((name) => /\.html?$/i.test(name));
  const sized = await Promise.all(
    names.map(async (name) => ({ name, bytes: (await stat(path.join(dir, name))).size })),
  );
  return sized.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** The catalog's aliases, as the content script matches them. */
export async function catalogAliases(): Promise<string[]> {
  const data = JSON.parse(await readFile(dataPath, 'utf8')) as RecognizerData;
  return [...new Set(data.entities.flatMap((e) => e.aliases.map((a) => a.text)))];
}

/** Keeps a context off the network: only the local test server answers. */
export async function localOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort();
  });
}

/** Debian's Chromium without any extension, headless, for the baselines. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserBinaries.chromium,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

/** The extension's service worker, looked up afresh: Chromium stops and restarts it when idle. */
function extensionWorker(context: BrowserContext): Worker | undefined {
  return context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
}

/**
 * Drops the scan reports the extension holds for `url`, so that {@link waitForPainted} after
 * loading `url` again waits for the new load's report, not one from an earlier tab.
 */
export async function forgetPainted(context: BrowserContext, url: string): Promise<void> {
  await extensionWorker(context)?.evaluate(forgetScanReports, url);
}

/**
 * Waits until the content script has scanned and painted the page: it then reports the
 * page's state to the background, which keeps it in `storage.session`, read here through the
 * extension's service worker (the page itself sees nothing).
 */
export async function waitForPainted(page: Page): Promise<void> {
  const url = page.url();
  await waitForScanReport(
    async (check, wanted) => (await extensionWorker(page.context())?.evaluate(check, wanted)) ?? false,
    url,
    `the content script to scan ${url}`,
  );
}

/** Resolves after two animation frames and a short pause, so the marks have been painted. */
export const AFTER_NEXT_FRAMES =
  'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))';

const COUNT_HIGHLIGHTS =
  '(() => { let n = 0; for (const [, h] of CSS.highlights) n += h.size; return n; })()';

const WALK_TEXT = `(() => {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes++; chars += node.data.length; }
  return { ms: performance.now() - started, nodes, chars };
})()`;

const markJsRun = (aliases: readonly string[]) => `new Promise((done) => {
  const started = performance.now();
  let marks = 0;
  new Mark(document.body).mark(${JSON.stringify(aliases)}, {
    accuracy: 'exactly', separateWordSearch: false, diacritics: true,
    each: () => { marks++; },
    done: () => done({ ms: performance.now() - started, marks }),
  });
})`;

/** The step a trace event stamps (`console.timeStamp` in the content script), if it is one. */
function stepOf(event: TraceEvent): string | undefined {
  return event.name === 'TimeStamp' && event.cat.includes('devtools.timeline')
    ? event.args?.data?.message
    : undefined;
}

/** Reads the figures of one load out of its trace. */
function figuresOfTrace(events: readonly TraceEvent[]): TraceFigures | null {
  const start = events.find((e) => stepOf(e) === 'sourcelight:start');
  if (!start) return null;
  const painted = events.find((e) => stepOf(e) === 'sourcelight:painted' && e.ts >= start.ts);
  if (!painted) return null;
  const onMain = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const taskAround = (ts: number, until = ts) => tasks.find((t) => t.ts <= ts && end(t) >= until);

  const evaluations = onMain.filter(
    (e) =>
      e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith('chrome-extension://') && e.ts <= start.ts,
  );
  const evaluation = evaluations.at(-1);
  const scriptTask = evaluation ? taskAround(evaluation.ts, end(evaluation)) : taskAround(start.ts);
  const recognizeTask = taskAround(painted.ts);
  const workEnd = recognizeTask ? end(recognizeTask) : painted.ts;
  const frames = onMain.filter(
    (e) => e.args?.src_func === 'ScheduledActionSendBeginMainFrame' && e.ts >= workEnd,
  );
  const frame = frames.length > 0 ? taskAround(Math.min(...frames.map((f) => f.ts))) : undefined;
  const from = scriptTask?.ts ?? start.ts;
  const to = frame && frame.ts - workEnd < 500_000 ? end(frame) : workEnd;

  // Tasks that run extension code: some event inside them names a chrome-extension:// script,
  // or holds one of our step stamps (a promise continuation, such as the one after the
  // settings load, runs as a microtask that names no script).
  const ourSteps = events.filter((e) => stepOf(e)?.startsWith('sourcelight:') && e.pid === start.pid);
  const extensionEvents = [
    ...onMain.filter((e) => e.args?.data?.url?.startsWith('chrome-extension://')),
    ...ourSteps,
  ];
  const runsOurCode = (task: TraceEvent) => extensionEvents.some((e) => e.ts >= task.ts && e.ts <= end(task));
  let busy = 0;
  let ours = 0;
  let longest = 0;
  for (const task of tasks) {
    const overlap = Math.min(end(task), to) - Math.max(task.ts, from);
    if (overlap <= 0) continue;
    busy += overlap;
    if (runsOurCode(task) || task === frame) {
      ours += task.dur ?? 0;
      longest = Math.max(longest, task.dur ?? 0);
    }
  }
  const ms = (micros: number) => micros / 1000;
  return {
    busyMs: ms(ours),
    windowBusyMs: ms(busy),
    longestTaskMs: ms(longest),
    scriptTaskMs: ms(scriptTask?.dur ?? 0),
    recognizeTaskMs: ms(recognizeTask?.dur ?? 0),
    frameMs: ms(frame && to === end(frame) ? (frame.dur ?? 0) : 0),
    wallMs: ms(to - from),
  };
}

/** Loads a page in the extension's browser under a trace and reads the figures. */
async function tracedLoad(
  browser: ChromiumWithExtension,
  url: string,
): Promise<{ figures: TraceFigures; highlights: number }> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => {
      events.push(...(message.value as unknown as TraceEvent[]));
    });
    await cdp.send('Tracing.start', {
      traceConfig: {
        // 'toplevel' names each task's source (ScheduledActionSendBeginMainFrame: a rendering frame).
        includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
      },
      transferMode: 'ReportEvents',
    });
    await forgetPainted(browser.context, url);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForPainted(page);
    await page.evaluate(AFTER_NEXT_FRAMES);
    const highlights = (await page.evaluate(COUNT_HIGHLIGHTS)) as number;
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
    const figures = figuresOfTrace(events);
    if (!figures) throw new Error('the trace holds no sourcelight:start/painted steps');
    return { figures, highlights };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Loads a page without the extension: walks its text once, then times mark.js on it. */
async function baselineLoad(
  context: BrowserContext,
  url: string,
  aliases: readonly string[],
  withMarkJs: boolean,
): Promise<{ walkMs: number; nodes: number; chars: number; markJsMs: number; markJsMarks: number }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(AFTER_NEXT_FRAMES);
    const walk = (await page.evaluate(WALK_TEXT)) as { ms: number; nodes: number; chars: number };
    let markJs = { ms: Number.NaN, marks: 0 };
    if (withMarkJs) {
      // Evaluated through the driver, which the page's script-blocking policy does not cover.
      await page.evaluate(await readFile(markJsPath, 'utf8'));
      markJs = (await page.evaluate(markJsRun(aliases))) as { ms: number; marks: number };
    }
    return {
      walkMs: walk.ms,
      nodes: walk.nodes,
      chars: walk.chars,
      markJsMs: markJs.ms,
      markJsMarks: markJs.marks,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Options for {@link runPagesBench}. */
export interface PagesBenchOptions {
  /** How many of the largest pages (default 5). */
  pages?: number;
  /** Runs per page (default 3). */
  runs?: number;
  /** The extension's mark mode: 'everywhere' marks every mention, as mark.js does (default). */
  markMode?: 'everywhere' | 'topical';
}

/** Measures the largest real pages with the extension, with mark.js, and with a bare walk. */
export async function runPagesBench(options: PagesBenchOptions = {}): Promise<PagesBenchReport> {
  const { pages: pageCount = 5, runs = 3, markMode = 'everywhere' } = options;
  const started = performance.now();
  const skip = (skipped: string): PagesBenchReport => ({
    skipped,
    aliases: 0,
    markMode,
    pages: [],
    elapsedMs: 0,
  });
  if (!existsSync(realPagesDir)) return skip('no saved pages at ../shared/pages');
  if (!existsSync(path.join(chromeBuildDir, 'manifest.json'))) {
    console.log('  [pages] no .output/chrome-mv3: running `npm run build` first');
    buildOnce();
  }
  if (!existsSync(dataPath)) return skip('no generated/recognizer-data.json: run `npm run corpus` first');
  const aliases = await catalogAliases();
  const chosen = await largestPages(realPagesDir, pageCount);
  const log = (message: string) =>
    console.log(`  [pages ${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);

  const traced = new Map<string, Array<{ figures: TraceFigures; highlights: number }>>();
  const baseline = new Map<string, Array<Awaited<ReturnType<typeof baselineLoad>>>>();
  const errors = new Map<string, string[]>(chosen.map((p) => [p.name, []]));
  const fail = (name: string, what: string, error: unknown) =>
    errors
      .get(name)
      ?.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);

  let server: StaticServer | null = null;
  let withExtension: ChromiumWithExtension | null = null;
  let plain: Browser | null = null;
  try {
    // The pages' own scripts are blocked (as in the e2e tests): offline they rewrite the page or
    // spin, and their tasks would land inside our measuring window. Only our work remains.
    server = await serveStatic(realPagesDir, { 'content-security-policy': PAGE_POLICY });
    const origin = server.origin;

    log(`with the extension (markMode ${markMode}), ${chosen.length} pages x ${runs} runs`);
    withExtension = await launchChromiumWithExtension({ handleSignals: false });
    await localOnly(withExtension.context);
    await withExtension.worker.evaluate(
      `chrome.storage.sync.set(${JSON.stringify(storedSettings(settingsWith({ markMode })))})`,
    );
    // One untimed load first: the first page of a fresh browser pays one-off start-up costs.
    const first = chosen[0];
    if (first) await tracedLoad(withExtension, `${origin}/${first.name}`).catch(() => undefined);
    // Runs go round the pages, so drift on a busy machine spreads over all of them.
    for (let run = 0; run < runs; run++) {
      for (const { name } of chosen) {
        try {
          const result = await tracedLoad(withExtension, `${origin}/${encodeURIComponent(name)}`);
          traced.set(name, [...(traced.get(name) ?? []), result]);
        } catch (error) {
          fail(name, 'extension', error);
        }
      }
    }
    await withExtension.close();
    withExtension = null;

    log('without the extension: text walk and mark.js');
    plain = await launchPlainChromium();
    const context = await plain.newContext({ viewport: { width: 1280, height: 900 } });
    await localOnly(context);
    for (let run = 0; run < runs; run++) {
      for (const { name } of chosen) {
        // mark.js takes seconds a page; when one run is very slow, the rest only walk the text.
        const earlier = baseline.get(name) ?? [];
        const slow = earlier.some((b) => b.markJsMs > 8000);
        try {
          const result = await baselineLoad(context, `${origin}/${encodeURIComponent(name)}`, aliases, !slow);
          baseline.set(name, [...earlier, result]);
        } catch (error) {
          fail(name, 'baseline', error);
        }
      }
    }
  } finally {
    await withExtension?.close();
    await plain?.close().catch(() => {});
    await server?.close();
  }

  const pages: PageFigures[] = chosen.map(({ name, bytes }) => {
    const ours = traced.get(name) ?? [];
    const base = baseline.get(name) ?? [];
    const pick = (key: keyof TraceFigures) => median(ours.map((o) => o.figures[key]));
    return {
      page: name,
      htmlKilobytes: Math.round(bytes / 1024),
      textChars: base[0]?.chars ?? 0,
      textNodes: base[0]?.nodes ?? 0,
      oursMs: pick('busyMs'),
      windowMs: pick('windowBusyMs'),
      longestTaskMs: pick('longestTaskMs'),
      scriptTaskMs: pick('scriptTaskMs'),
      recognizeTaskMs: pick('recognizeTaskMs'),
      frameMs: pick('frameMs'),
      wallMs: pick('wallMs'),
      highlights: median(ours.map((o) => o.highlights)),
      markJsMs: median(base.map((b) => b.markJsMs)),
      markJsMarks: base.find((b) => b.markJsMarks > 0)?.markJsMarks ?? 0,
      markJsRuns: base.filter((b) => Number.isFinite(b.markJsMs)).length,
      walkMs: median(base.map((b) => b.walkMs)),
      runs: ours.length,
      errors: errors.get(name) ?? [],
    };
  });
  return { skipped: null, aliases: aliases.length, markMode, pages, elapsedMs: performance.now() - started };
}

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** Prints the page report as a compact table with the targets beside it. */
export function printPagesBench(report: PagesBenchReport): void {
  console.log('\n## Real pages in Chromium (5 largest in ../shared/pages, medians of 3 loads)');
  console.log('command: npm run bench   (alone: npx tsx bench/pages.bench.ts)');
  if (report.skipped) {
    console.log(`skipped: ${report.skipped}`);
    return;
  }
  console.log(
    `extension markMode '${report.markMode}' vs mark.js (${report.aliases} aliases, accuracy 'exactly', separateWordSearch false, diacritics true)`,
  );
  console.table(
    report.pages.map((p) => ({
      page: p.page.replace(/\.html?$/, ''),
      'HTML kB': p.htmlKilobytes,
      'ours ms': fmt(p.oursMs),
      'window ms': fmt(p.windowMs),
      'longest task': fmt(p.longestTaskMs),
      'script / recognise / frame': `${fmt(p.scriptTaskMs)} / ${fmt(p.recognizeTaskMs)} / ${fmt(p.frameMs)}`,
      marks: p.highlights,
      'mark.js ms': fmt(p.markJsMs, 0),
      'mark.js marks': p.markJsMarks,
      'ratio mark.js/ours': fmt(p.markJsMs / p.oursMs, 0),
      'walk ms': fmt(p.walkMs, 2),
    })),
  );
  const t = PAGE_TARGETS;
  for (const p of report.pages) {
    const missed: string[] = [];
    if (!(p.oursMs <= t.maxTotalMs)) missed.push(`total ${fmt(p.oursMs)} ms > ${t.maxTotalMs}`);
    if (!(p.longestTaskMs <= t.maxTaskMs)) missed.push(`task ${fmt(p.longestTaskMs)} ms > ${t.maxTaskMs}`);
    if (!(p.markJsMs / p.oursMs >= t.minSpeedupOverMarkJs))
      missed.push(`only ${fmt(p.markJsMs / p.oursMs)}x mark.js`);
    const notes = [
      ...(p.markJsRuns < p.runs ? [`mark.js ran ${p.markJsRuns}x (slow)`] : []),
      ...(p.runs < 3 ? [`${p.runs} traced runs`] : []),
      ...p.errors,
    ];
    console.log(
      `  ${p.page}: ${missed.length === 0 ? 'targets met' : `MISSED ${missed.join(', ')}`}${notes.length ? ` (${notes.join('; ')})` : ''}`,
    );
  }
  console.log(
    `  targets: <= ${t.maxTotalMs} ms main-thread total, no task over ${t.maxTaskMs} ms, >= ${t.minSpeedupOverMarkJs}x faster than mark.js`,
  );
  console.log(
    "  ours ms: main-thread time of the tasks running Sourcelight code, from its evaluation to the frame that paints its marks, plus that frame; window ms: every task in that window, the page's own included (Chrome trace)",
  );
  console.log(`(pages bench took ${fmt(report.elapsedMs / 1000)} s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runPagesBench().then(printPagesBench, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
