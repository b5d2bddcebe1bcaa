/**
 * What reading only the text a reader sees costs, in real Chromium: `extractTextBlocks` with
 * markup rules alone against the same walk with the CSS rendering check of
 * `src/dom/rendering.ts` (computed style per element, `checkVisibility` per block container,
 * boxes only for positioned or clipping ones), on a generated page of 20,000 paragraphs
 * (100,000 elements) and on the largest saved real pages. Both modules are bundled with
 * esbuild and run in the page, after its layout is done, as the content script reads at
 * document_idle. Medians of 7 alternating runs.
 * `npx tsx bench/visible-text.bench.ts` prints the report.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/support/static-server';
import { launchPlainChromium, realPagesDir } from './pages.bench';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const PAGE_POLICY = "default-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'";

/** One page's figures. */
export interface VisibleTextFigures {
  page: string;
  elements: number;
  blocksByMarkup: number;
  blocksShown: number;
  markupMs: number;
  renderedMs: number;
  /** min..max of the rendered read over the runs. */
  renderedRange: [number, number];
}

/** The page-side code: both readers behind one global, as an IIFE. */
async function bundleReaders(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents:
        "import { extractTextBlocks } from './src/dom/text-blocks';\n" +
        "import { createRenderingCheck } from './src/dom/rendering';\n" +
        'globalThis.__visibleText = { extractTextBlocks, createRenderingCheck };\n',
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A page of `paragraphs` paragraphs, each with four inline elements: about 5 elements apiece. */
function generatedPage(paragraphs: number): string {
  const paragraph =
    '<p>In <b>Caracas</b>, the <i>government</i> of <a href="#">Nicolás Maduro</a> counted on <span>Moscow</span> as the opposition pressed its claim.</p>';
  return `<!doctype html><html><body><article>${paragraph.repeat(paragraphs)}</article></body></html>`;
}

/** Runs in the page: reads it RUNS times each way, alternating, and returns the timings. */
function measureInPage(runs: number): {
  elements: number;
  blocksByMarkup: number;
  blocksShown: number;
  markup: number[];
  rendered: number[];
} {
  const api = (
    globalThis as unknown as {
      __visibleText: {
        extractTextBlocks(doc: Document, options?: object): unknown[];
        createRenderingCheck(doc: Document): unknown;
      };
    }
  ).__visibleText;
  void document.body.offsetHeight; // layout done, as at document_idle
  const markup: number[] = [];
  const rendered: number[] = [];
  let blocksByMarkup = 0;
  let blocksShown = 0;
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    blocksByMarkup = api.extractTextBlocks(document).length;
    markup.push(performance.now() - start);
    start = performance.now();
    const rendering = api.createRenderingCheck(document);
    blocksShown = api.extractTextBlocks(document, { rendering }).length;
    rendered.push(performance.now() - start);
  }
  return {
    elements: document.getElementsByTagName('*').length,
    blocksByMarkup,
    blocksShown,
    markup,
    rendered,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function measure(page: Page, name: string, script: string): Promise<VisibleTextFigures> {
  // Evaluated over the protocol: the saved pages' CSP blocks script tags, not this.
  await page.evaluate(script);
  const raw = await page.evaluate(measureInPage, RUNS);
  return {
    page: name,
    elements: raw.elements,
    blocksByMarkup: raw.blocksByMarkup,
    blocksShown: raw.blocksShown,
    markupMs: median(raw.markup),
    renderedMs: median(raw.rendered),
    renderedRange: [Math.min(...raw.rendered), Math.max(...raw.rendered)],
  };
}

/** The five largest saved real pages, if they are beside the repository. */
async function largestRealPages(): Promise<string[]> {
  if (!existsSync(realPagesDir)) return [];
  const names = (await readdir(realPagesDir)).filter((name) => name.endsWith('.html'));
  const sized = await Promise.all(
    names.map(async (name) => ({ name, size: (await stat(path.join(realPagesDir, name))).size })),
  );
  return sized
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map((entry) => entry.name);
}

/** Measures the generated page and the largest real pages. */
export async function runVisibleTextBench(): Promise<VisibleTextFigures[]> {
  const script = await bundleReaders();
  const browser = await launchPlainChromium();
  const server = await serveStatic(realPagesDir, { 'content-security-policy': PAGE_POLICY });
  const figures: VisibleTextFigures[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Nothing leaves 127.0.0.1: saved pages do not wait on the network.
    await page.route(/^(?!https?:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.setContent(generatedPage(20_000), { waitUntil: 'load' });
    figures.push(await measure(page, 'generated: 20,000 paragraphs', script));
    for (const name of await largestRealPages()) {
      await page.goto(`${server.origin}/${name}`, { waitUntil: 'load', timeout: 60_000 });
      figures.push(await measure(page, name.replace(/\.html$/, ''), script));
    }
  } finally {
    await server.close();
    await browser.close();
  }
  return figures;
}

/** Prints the report. */
export function printVisibleTextBench(figures: VisibleTextFigures[]): void {
  console.log('\n## Reading visible text (Chromium, in the page, medians of 7 runs)');
  console.log('command: npx tsx bench/visible-text.bench.ts');
  console.table(
    figures.map((f) => ({
      page: f.page,
      elements: f.elements,
      'blocks (markup / shown)': `${f.blocksByMarkup} / ${f.blocksShown}`,
      'markup only ms': f.markupMs.toFixed(1),
      'with CSS check ms': f.renderedMs.toFixed(1),
      'CSS check range ms': `${f.renderedRange[0].toFixed(1)}..${f.renderedRange[1].toFixed(1)}`,
      'extra per 1,000 elements ms': (((f.renderedMs - f.markupMs) / f.elements) * 1000).toFixed(2),
    })),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printVisibleTextBench(await runVisibleTextBench());
}
