/**
 * `npm run bench`: every benchmark in order, one report. Each section prints its tables as it
 * finishes; a summary of the targets closes the report, and the whole of it is
 * written as JSON to bench-results/latest.json (git-ignored).
 *
 * Order: the matcher first (pure CPU, in a child process, on a quiet machine), then search
 * (bench/search.bench.ts, when present), then real pages in Chromium, then size and memory,
 * then settings validation from cold, then the bounds on site patterns and stored settings.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MATCHER_TARGETS,
  type MatcherBenchReport,
  printMatcherBench,
  runMatcherBench,
} from './matcher.bench';
import { PAGE_TARGETS, type PagesBenchReport, printPagesBench, runPagesBench } from './pages.bench';
import {
  printSchemaStartupBench,
  runSchemaStartupBench,
  type SchemaStartupReport,
} from './schema-startup.bench';
import {
  printSettingsBoundsBench,
  runSettingsBoundsBench,
  SETTINGS_BOUNDS_TARGET,
  type SettingsBoundsReport,
} from './settings-bounds.bench';
import { printSizeMemoryBench, runSizeMemoryBench, type SizeMemoryReport } from './size-memory.bench';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const resultsFile = path.join(repoRoot, 'bench-results', 'latest.json');

/** The search benchmark's module, written separately; loaded only when it exists. */
interface SearchBenchModule {
  runSearchBench: () => Promise<unknown>;
  printSearchBench?: (report: never) => void;
}

/** One line of the closing summary. */
interface TargetLine {
  section: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Runs the search benchmark if its file exists; null with a note when it does not. */
async function runSearch(): Promise<{ report: unknown; note: string | null }> {
  const file = path.join(benchDir, 'search.bench.ts');
  if (!existsSync(file))
    return { report: null, note: 'bench/search.bench.ts is absent: search not measured' };
  // A computed specifier: the file is written separately and may be absent.
  const module = (await import(pathToFileURL(file).href)) as Partial<SearchBenchModule>;
  if (typeof module.runSearchBench !== 'function') {
    return { report: null, note: 'bench/search.bench.ts exports no runSearchBench(): search not measured' };
  }
  const report = await module.runSearchBench();
  if (typeof module.printSearchBench === 'function') {
    console.log('\n## Search latency');
    console.log('command: npm run bench   (alone: npx tsx bench/search.bench.ts)');
    (module.printSearchBench as (r: unknown) => void)(report);
  } else {
    console.log(JSON.stringify(report, null, 2));
  }
  return { report, note: null };
}

/** The issue's targets, met or not, from the sections' reports. */
function targetLines(
  matcher: MatcherBenchReport | null,
  pages: PagesBenchReport | null,
  settingsBounds: SettingsBoundsReport | null,
): TargetLine[] {
  const lines: TargetLine[] = [];
  const worstSetting = settingsBounds?.worst;
  if (worstSetting) {
    lines.push({
      section: 'settings bounds',
      target: `no pattern or stored value over ${SETTINGS_BOUNDS_TARGET.maxMs} ms (URLs <= 100,000 chars)`,
      measured: `${worstSetting.medianMs.toFixed(2)} ms (${worstSetting.name})`,
      met: worstSetting.medianMs <= SETTINGS_BOUNDS_TARGET.maxMs,
    });
  }
  const rows = matcher?.rows ?? [];
  const ours = rows.find((r) => r.name === 'ours');
  const alternation = rows.find((r) => r.name === 'alternation regex');
  const floor = rows.find((r) => r.name.startsWith('floor'));
  if (ours) {
    lines.push({
      section: 'matcher',
      target: `>= ${MATCHER_TARGETS.minMegabytesPerSecond} MB/s`,
      measured: `${ours.megabytesPerSecond.toFixed(1)} MB/s`,
      met: ours.megabytesPerSecond >= MATCHER_TARGETS.minMegabytesPerSecond,
    });
    if (alternation) {
      const x = alternation.medianMs / ours.medianMs;
      lines.push({
        section: 'matcher',
        target: `>= ${MATCHER_TARGETS.minSpeedupOverAlternation}x the alternation regex`,
        measured: `${x.toFixed(2)}x`,
        met: x >= MATCHER_TARGETS.minSpeedupOverAlternation,
      });
    }
    if (floor) {
      const x = ours.medianMs / floor.medianMs;
      lines.push({
        section: 'matcher',
        target: `within ${MATCHER_TARGETS.maxSlowdownFromFloor}x of the floor`,
        measured: `${x.toFixed(2)}x`,
        met: x <= MATCHER_TARGETS.maxSlowdownFromFloor,
      });
    }
  }
  const scale = (matcher?.catalogScale ?? [])
    .filter((r) => r.name === 'ours')
    .sort((a, b) => a.aliases - b.aliases);
  const small = scale[0];
  const large = scale.at(-1);
  if (small && large && large !== small) {
    const x = large.scanMs / small.scanMs;
    lines.push({
      section: 'matcher',
      target: `${Math.round(large.aliases / small.aliases)}x catalog <= ${MATCHER_TARGETS.maxCatalog100xTimeRatio}x time`,
      measured: `${x.toFixed(2)}x`,
      met: x <= MATCHER_TARGETS.maxCatalog100xTimeRatio,
    });
  }
  for (const p of pages?.pages ?? []) {
    const name = p.page.replace(/\.html?$/, '');
    lines.push({
      section: `page ${name}`,
      target: `<= ${PAGE_TARGETS.maxTotalMs} ms total`,
      measured: `${p.oursMs.toFixed(1)} ms`,
      met: p.oursMs <= PAGE_TARGETS.maxTotalMs,
    });
    lines.push({
      section: `page ${name}`,
      target: `no task over ${PAGE_TARGETS.maxTaskMs} ms`,
      measured: `${p.longestTaskMs.toFixed(1)} ms`,
      met: p.longestTaskMs <= PAGE_TARGETS.maxTaskMs,
    });
    const x = p.markJsMs / p.oursMs;
    lines.push({
      section: `page ${name}`,
      target: `>= ${PAGE_TARGETS.minSpeedupOverMarkJs}x faster than mark.js`,
      measured: `${Number.isFinite(x) ? x.toFixed(1) : 'n/a'}x`,
      met: x >= PAGE_TARGETS.minSpeedupOverMarkJs,
    });
  }
  return lines;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('# Sourcelight benchmarks (npm run bench)');
  console.log(
    `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.release()}, node ${process.version}, ${new Date().toISOString()}`,
  );
  const notes: string[] = [];
  const attempt = async <T>(name: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`\n${name} failed: ${message}`);
      notes.push(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  const matcher = await attempt('matcher bench', runMatcherBench);
  if (matcher) printMatcherBench(matcher);

  const search = await attempt('search bench', runSearch);
  if (search?.note) {
    console.log(`\n## Search latency\nskipped: ${search.note}`);
    notes.push(search.note);
  }

  const pages = await attempt('pages bench', () => runPagesBench());
  if (pages) printPagesBench(pages);

  const sizeMemory: SizeMemoryReport | null = await attempt('size and memory bench', () =>
    runSizeMemoryBench(),
  );
  if (sizeMemory) printSizeMemoryBench(sizeMemory);

  const schemaStartup: SchemaStartupReport | null = await attempt('schema start-up bench', () =>
    runSchemaStartupBench(),
  );
  if (schemaStartup) printSchemaStartupBench(schemaStartup);

  const settingsBounds: SettingsBoundsReport | null = await attempt('settings bounds bench', () =>
    runSettingsBoundsBench(),
  );
  if (settingsBounds) printSettingsBoundsBench(settingsBounds);

  const targets = targetLines(matcher, pages, settingsBounds);
  console.log('\n## Targets (issue 3, "Measured, not guessed")');
  console.table(
    targets.map((t) => ({
      where: t.section,
      target: t.target,
      measured: t.measured,
      result: t.met ? 'met' : 'MISSED',
    })),
  );
  for (const note of notes) console.log(`note: ${note}`);
  const elapsedMs = performance.now() - started;

  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(
    resultsFile,
    `${JSON.stringify(
      {
        command: 'npm run bench',
        date: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          platform: os.platform(),
          node: process.version,
        },
        matcher,
        search: search?.report ?? null,
        pages,
        sizeMemory,
        schemaStartup,
        settingsBounds,
        targets,
        notes,
        elapsedMs,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `\nAll benchmarks took ${(elapsedMs / 1000).toFixed(0)} s; JSON in ${path.relative(repoRoot, resultsFile)}`,
  );
  if (notes.some((n) => n.includes('failed'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
