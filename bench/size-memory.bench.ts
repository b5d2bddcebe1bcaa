/**
 * What Sourcelight costs a tab before it does anything: the content script's size (gzipped,
 * with and without the recognition data it carries) and the tab's JavaScript heap with and
 * without the extension on the largest saved page.
 * `npx tsx bench/size-memory.bench.ts` prints the report; `bench/index.ts` calls
 * `runSizeMemoryBench`.
 *
 * Size without data: the build inlines generated/recognizer-data.json as one object literal
 * (`{entities:JSON.parse('…'),events:JSON.parse('…'),coreEntityIds:[…]}`). The benchmark finds
 * that literal in the built script and replaces it with empty lists, which is the script
 * without its data byte for byte, with no second build. If the literal cannot be found (the
 * bundler changed its output), it falls back to an estimate, gzip(script) - gzip(data), and
 * says so.
 *
 * Memory: CDP `HeapProfiler.collectGarbage`, then `Performance.getMetrics` JSHeapUsedSize for
 * the page's target. A content script runs in an isolated world of the page's own V8
 * isolate, so that heap holds the page's objects and ours; the difference between a load
 * with the extension and one without is what the content script keeps alive. Medians of 3
 * loads each, after the marks are painted (or the same settle time without the extension).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildOnce } from '../test/e2e/support/build-once';
import { type ChromiumWithExtension, launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { chromeBuildDir, firefoxBuildDir } from '../test/e2e/support/paths';
import { type StaticServer, serveStatic } from '../test/e2e/support/static-server';
import {
  AFTER_NEXT_FRAMES,
  forgetPainted,
  largestPages,
  launchPlainChromium,
  localOnly,
  realPagesDir,
  waitForPainted,
} from './pages.bench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = path.join(repoRoot, 'generated', 'recognizer-data.json');

/** Sizes of one built content script, in bytes. */
export interface ScriptSize {
  browser: string;
  file: string;
  raw: number;
  gzipped: number;
  withoutDataRaw: number;
  withoutDataGzipped: number;
  dataRaw: number;
  dataGzipped: number;
  /** 'exact' when the data literal was cut out of the script, 'estimate' otherwise. */
  method: 'exact' | 'estimate';
}

/** Heap figures of one kind of load, medians, in bytes. */
export interface TabMemory {
  jsHeapUsed: number;
  jsHeapTotal: number;
  domNodes: number;
  runs: number;
}

/** Everything the size and memory benchmark measured. */
export interface SizeMemoryReport {
  sizes: ScriptSize[];
  sizeSkipped: string | null;
  memoryPage: string | null;
  withExtension: TabMemory | null;
  withoutExtension: TabMemory | null;
  memorySkipped: string | null;
  elapsedMs: number;
}

const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/**
 * Finds the inlined recognizer data in a built script: the object literal that opens with
 * `entities:JSON.parse(`, matched to its closing brace by a small scanner that skips string
 * literals. Returns [start, end) or null.
 */
export function findDataLiteral(script: string): [number, number] | null {
  const marker = script.indexOf('{entities:JSON.parse(');
  if (marker < 0) return null;
  let depth = 0;
  for (let i = marker; i < script.length; i++) {
    const ch = script[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      // Skip the string, honouring backslash escapes.
      for (i++; i < script.length && script[i] !== ch; i++) if (script[i] === '\\') i++;
      continue;
    }
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') {
      depth--;
      if (depth === 0) return [marker, i + 1];
    }
  }
  return null;
}

/** Sizes of the built content script of one browser. */
async function scriptSize(
  browser: string,
  buildDir: string,
  dataGzippedAlone: number,
): Promise<ScriptSize | null> {
  const file = path.join(buildDir, 'in-page.js');
  if (!existsSync(file)) return null;
  const script = await readFile(file, 'utf8');
  const raw = Buffer.byteLength(script);
  const gzipped = gzip(script);
  const span = findDataLiteral(script);
  if (span) {
    const withoutData = `${script.slice(0, span[0])}{entities:[],events:[],coreEntityIds:[]}${script.slice(span[1])}`;
    const data = script.slice(span[0], span[1]);
    return {
      browser,
      file: path.relative(repoRoot, file),
      raw,
      gzipped,
      withoutDataRaw: Buffer.byteLength(withoutData),
      withoutDataGzipped: gzip(withoutData),
      dataRaw: Buffer.byteLength(data),
      dataGzipped: gzip(data),
      method: 'exact',
    };
  }
  return {
    browser,
    file: path.relative(repoRoot, file),
    raw,
    gzipped,
    withoutDataRaw: Number.NaN,
    withoutDataGzipped: gzipped - dataGzippedAlone,
    dataRaw: Number.NaN,
    dataGzipped: dataGzippedAlone,
    method: 'estimate',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Loads the page, lets it settle, collects garbage and reads the page target's heap metrics. */
async function heapAfterLoad(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<{ used: number; total: number; nodes: number }> {
  const page: Page = await context.newPage();
  try {
    if (withExtension) await forgetPainted(context, url);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (withExtension) await waitForPainted(page);
    await page.evaluate(AFTER_NEXT_FRAMES);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach().catch(() => {});
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { used: metric('JSHeapUsedSize'), total: metric('JSHeapTotalSize'), nodes: metric('Nodes') };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Measures script sizes and the tab's heap with and without the extension. */
export async function runSizeMemoryBench(options: { runs?: number } = {}): Promise<SizeMemoryReport> {
  const { runs = 3 } = options;
  const started = performance.now();
  const report: SizeMemoryReport = {
    sizes: [],
    sizeSkipped: null,
    memoryPage: null,
    withExtension: null,
    withoutExtension: null,
    memorySkipped: null,
    elapsedMs: 0,
  };
  if (!existsSync(path.join(chromeBuildDir, 'manifest.json'))) {
    console.log('  [size] no .output/chrome-mv3: running `npm run build` first');
    buildOnce();
  }
  const dataGzipped = existsSync(dataPath) ? gzip(await readFile(dataPath)) : Number.NaN;
  for (const [browser, dir] of [
    ['chrome-mv3', chromeBuildDir],
    ['firefox-mv2', firefoxBuildDir],
  ] as const) {
    const size = await scriptSize(browser, dir, dataGzipped);
    if (size) report.sizes.push(size);
  }
  if (report.sizes.length === 0) report.sizeSkipped = 'no built content script in .output';

  if (!existsSync(realPagesDir)) {
    report.memorySkipped = 'no saved pages at ../shared/pages';
  } else {
    const [largest] = await largestPages(realPagesDir, 1);
    if (!largest) report.memorySkipped = 'no pages in ../shared/pages';
    else {
      report.memoryPage = largest.name;
      let server: StaticServer | null = null;
      let extension: ChromiumWithExtension | null = null;
      let plain: Browser | null = null;
      try {
        server = await serveStatic(realPagesDir);
        const url = `${server.origin}/${encodeURIComponent(largest.name)}`;
        const summarise = (samples: Array<{ used: number; total: number; nodes: number }>): TabMemory => ({
          jsHeapUsed: median(samples.map((s) => s.used)),
          jsHeapTotal: median(samples.map((s) => s.total)),
          domNodes: median(samples.map((s) => s.nodes)),
          runs: samples.length,
        });
        extension = await launchChromiumWithExtension({ handleSignals: false });
        await localOnly(extension.context);
        const withSamples = [];
        for (let run = 0; run < runs; run++)
          withSamples.push(await heapAfterLoad(extension.context, url, true));
        report.withExtension = summarise(withSamples);
        await extension.close();
        extension = null;

        plain = await launchPlainChromium();
        const context = await plain.newContext({ viewport: { width: 1280, height: 900 } });
        await localOnly(context);
        const withoutSamples = [];
        for (let run = 0; run < runs; run++) withoutSamples.push(await heapAfterLoad(context, url, false));
        report.withoutExtension = summarise(withoutSamples);
      } finally {
        await extension?.close();
        await plain?.close().catch(() => {});
        await server?.close();
      }
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} kB` : 'n/a');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : 'n/a');

/** Prints the size and memory report as compact tables. */
export function printSizeMemoryBench(report: SizeMemoryReport): void {
  console.log('\n## Content script size and tab memory');
  console.log('command: npm run bench   (alone: npx tsx bench/size-memory.bench.ts)');
  if (report.sizeSkipped) console.log(`size skipped: ${report.sizeSkipped}`);
  else {
    console.table(
      report.sizes.map((s) => ({
        build: s.browser,
        raw: kb(s.raw),
        'gzip -9': kb(s.gzipped),
        'without data, raw': kb(s.withoutDataRaw),
        'without data, gzip -9': kb(s.withoutDataGzipped),
        'data, gzip -9': kb(s.dataGzipped),
        method: s.method === 'exact' ? 'data literal cut out' : 'estimate: gzip(script) - gzip(json)',
      })),
    );
  }
  if (report.memorySkipped) {
    console.log(`memory skipped: ${report.memorySkipped}`);
  } else if (report.withExtension && report.withoutExtension) {
    const w = report.withExtension;
    const wo = report.withoutExtension;
    console.log(
      `Tab memory on ${report.memoryPage} (after GC, default settings, medians of ${w.runs} loads)`,
    );
    console.table([
      {
        tab: 'with Sourcelight',
        'JS heap used': mb(w.jsHeapUsed),
        'JS heap total': mb(w.jsHeapTotal),
        'DOM nodes': w.domNodes,
      },
      {
        tab: 'without',
        'JS heap used': mb(wo.jsHeapUsed),
        'JS heap total': mb(wo.jsHeapTotal),
        'DOM nodes': wo.domNodes,
      },
      {
        tab: 'difference',
        'JS heap used': mb(w.jsHeapUsed - wo.jsHeapUsed),
        'JS heap total': mb(w.jsHeapTotal - wo.jsHeapTotal),
        'DOM nodes': w.domNodes - wo.domNodes,
      },
    ]);
  }
  console.log(`(size and memory bench took ${(report.elapsedMs / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runSizeMemoryBench().then(printSizeMemoryBench, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
