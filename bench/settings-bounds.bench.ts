/**
 * Settings that could freeze a page, measured: the worst site patterns we can build (many
 * wildcards, long parts that almost match) against long URLs of repeats, and the worst stored
 * values (broken or huge version numbers, data from a newer version, lists at and past the
 * limits, the largest settings file import accepts). Each case runs in this process, a few
 * warm-up runs first, then medians with min..max. The issue's target: no wildcard pattern or
 * stored value costs more than 10 ms. `npx tsx bench/settings-bounds.bench.ts [filter]` prints
 * the report (only the cases whose name contains `filter`); `bench/index.ts` calls
 * `runSettingsBoundsBench`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The issue's bound for any one pattern or stored value. */
export const SETTINGS_BOUNDS_TARGET = { maxMs: 10 } as const;

/** One case's figures. */
export interface SettingsBoundsRow {
  group: 'pattern' | 'stored value' | 'import';
  name: string;
  /** The page URL's length, for pattern cases. */
  urlLength: number | null;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/**
 * Everything the benchmark measured; `worst` is the slowest median among the target's cases:
 * every stored value, and every pattern or full list on URLs up to 100,000 characters (the
 * 2 MiB rows show how the cost grows, linearly, up to the longest URL Chromium allows).
 */
export interface SettingsBoundsReport {
  rows: SettingsBoundsRow[];
  worst: SettingsBoundsRow | null;
}

type SettingsModule = typeof import('../src/shared/settings');

/** The settings module over WXT's fake browser (it reads `chrome` when it is first imported). */
async function settingsModule(): Promise<SettingsModule> {
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  return import('../src/shared/settings');
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Times `work` (after `prepare`, untimed) `runs` times after two warm-up runs. */
async function measure(
  prepare: () => Promise<void> | void,
  work: () => unknown,
  runs: number,
): Promise<{ medianMs: number; minMs: number; maxMs: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    await prepare();
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    if (i >= 2) times.push(ms);
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

/** A URL of `length` characters that every `a`-pattern below almost matches. */
const repeatsUrl = (length: number) => {
  const head = 'https://x.test/';
  return head + 'a'.repeat(length - head.length);
};

/** The worst patterns we can build, each within the 200-character pattern limit. */
function worstPatterns(): Array<{ name: string; pattern: string }> {
  return [
    { name: '8 wildcards, no match (*a*a*a*a*a*a*a*a*b)', pattern: '*://*/*a*a*a*a*a*a*a*a*b' },
    { name: '90 wildcards, no match', pattern: `*://*/*${'a*'.repeat(90)}b` },
    { name: 'long middle part, almost there', pattern: `*://*/*${'a'.repeat(180)}b*` },
    { name: 'long middle part, wrong first letter', pattern: `*://*/*b${'a'.repeat(180)}*` },
  ];
}

/** 100 distinct patterns of the shapes above, as a full never (or always) list. */
function fullPatternList(salt: string): string[] {
  return Array.from({ length: 100 }, (_, i) => {
    const stars = 2 + (i % 60);
    return i % 2 === 0
      ? `*://*/*${'a*'.repeat(stars)}${salt}${i}`
      : `*://*/*${'a'.repeat(120 + (i % 50))}${salt}${i}*`;
  });
}

/** Runs every case, or those whose name contains `filter`. */
export async function runSettingsBoundsBench(
  options: { runs?: number; filter?: string; urlLengths?: number[] } = {},
): Promise<SettingsBoundsReport> {
  const runs = options.runs ?? 15;
  const urlLengths = options.urlLengths ?? [5_000, 100_000, 2 * 1024 * 1024];
  const settings = await settingsModule();
  const rows: SettingsBoundsRow[] = [];
  // Repairs are logged with console.warn; printing them to a terminal is not the work measured.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    await runCases(settings, rows, runs, urlLengths, options.filter);
  } finally {
    console.warn = warn;
  }
  const targeted = rows.filter(
    (row) => row.group === 'stored value' || (row.group === 'pattern' && (row.urlLength ?? 0) <= 100_000),
  );
  const worst = targeted.reduce<SettingsBoundsRow | null>(
    (a, b) => (a === null || b.medianMs > a.medianMs ? b : a),
    null,
  );
  return { rows, worst };
}

/** Measures every case into `rows`. */
async function runCases(
  settings: SettingsModule,
  rows: SettingsBoundsRow[],
  runs: number,
  urlLengths: number[],
  filter: string | undefined,
): Promise<void> {
  const wanted = (name: string) => !filter || name.includes(filter);
  const add = async (
    group: SettingsBoundsRow['group'],
    name: string,
    urlLength: number | null,
    prepare: () => Promise<void> | void,
    work: () => unknown,
  ) => {
    if (!wanted(name)) return;
    rows.push({ group, name, urlLength, runs, ...(await measure(prepare, work, runs)) });
  };

  for (const length of urlLengths) {
    const url = repeatsUrl(length);
    for (const { name, pattern } of worstPatterns()) {
      await add(
        'pattern',
        name,
        length,
        () => undefined,
        () => settings.siteListMatches([pattern], url),
      );
    }
    const full = {
      ...settings.defaultSettings(),
      neverSites: fullPatternList('b'),
      alwaysSites: fullPatternList('c'),
      pausedSites: Array.from({ length: 100 }, (_, i) => `host-${i}.example.com`),
    };
    await add(
      'pattern',
      'full lists: 100 never + 100 always + 100 paused',
      length,
      () => undefined,
      () => settings.siteRuleFor(full, url),
    );
  }

  const custom = { ...settings.defaultSettings(), theme: 'dark', neverSites: ['example.com'] };
  const storedCases: Array<{ name: string; value: unknown; meta: unknown }> = [
    { name: 'version -10,000,000', value: custom, meta: { v: -10_000_000 } },
    { name: 'version -(2^53 - 1)', value: custom, meta: { v: -Number.MAX_SAFE_INTEGER } },
    { name: 'version 1e300', value: custom, meta: { v: 1e300 } },
    { name: 'version NaN', value: custom, meta: { v: Number.NaN } },
    { name: 'version 1.5', value: custom, meta: { v: 1.5 } },
    { name: 'version "-99999999"', value: custom, meta: { v: '-99999999' } },
    {
      name: 'newer version 3, unknown keys',
      value: { ...custom, markMode: 'smart', readingList: { items: ['x'] } },
      meta: { v: 3 },
    },
    { name: 'version 1 legacy shape', value: { on: false, style: 'off', blocklist: ['a.org'] }, meta: {} },
    {
      name: 'lists of 200-character patterns, 3 x 100',
      value: {
        ...custom,
        neverSites: fullPatternList('b').map((p) => p.padEnd(200, 'x')),
        alwaysSites: fullPatternList('c').map((p) => p.padEnd(200, 'x')),
        pausedSites: Array.from({ length: 100 }, (_, i) => `host-${i}.${'h'.repeat(60)}.example.com`),
      },
      meta: { v: 2 },
    },
  ];
  for (const stored of storedCases) {
    await add(
      'stored value',
      `loadSettings: ${stored.name}`,
      null,
      async () => {
        fakeBrowser.reset();
        await fakeBrowser.storage.sync.set({ settings: stored.value, settings$: stored.meta });
      },
      () => settings.loadSettings(),
    );
  }

  const hugeList = Array.from({ length: 300_000 }, (_, i) => `site-${i}.example.com`);
  await add(
    'import',
    'validateSettings: a list of 300,000 entries',
    null,
    () => undefined,
    () => settings.validateSettings({ ...custom, neverSites: hugeList }),
  );
  const junk = Array.from({ length: 300_000 }, (_, i) => `bad entry ${i}`);
  await add(
    'import',
    'validateSettings: 300,000 invalid entries',
    null,
    () => undefined,
    () => settings.validateSettings({ ...custom, alwaysSites: junk }),
  );
  const file = JSON.stringify({ format: 'sourcelight-settings', version: 2, settings: { neverSites: [] } });
  const entries: string[] = [];
  let size = file.length;
  for (let i = 0; size < settings.MAX_SETTINGS_FILE_LENGTH - 40; i++) {
    const entry = JSON.stringify(`s${i}.example.com`);
    entries.push(entry);
    size += entry.length + 1;
  }
  const bigFile = file.replace('"neverSites":[]', `"neverSites":[${entries.join(',')}]`);
  await add(
    'import',
    `importSettings: a ${bigFile.length.toLocaleString('en')}-character file`,
    null,
    () => undefined,
    () => settings.importSettings(bigFile),
  );
}

/** Prints the report as a table. */
export function printSettingsBoundsBench(report: SettingsBoundsReport): void {
  console.log('\n## Site patterns and stored settings, worst cases (medians in process)');
  console.log('command: npm run bench   (alone: npx tsx bench/settings-bounds.bench.ts [filter])');
  console.table(
    report.rows.map((row) => ({
      group: row.group,
      case: row.name,
      url: row.urlLength === null ? '' : row.urlLength.toLocaleString('en'),
      'median ms': Number(row.medianMs.toFixed(3)),
      'min..max ms': `${row.minMs.toFixed(3)}..${row.maxMs.toFixed(3)}`,
      runs: row.runs,
    })),
  );
  if (report.worst) {
    console.log(
      `worst pattern or stored value (URLs up to 100,000 characters): ${report.worst.medianMs.toFixed(3)} ms median, ${report.worst.name}${report.worst.urlLength ? ` on a ${report.worst.urlLength.toLocaleString('en')}-character URL` : ''} (target <= ${SETTINGS_BOUNDS_TARGET.maxMs} ms)`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await runSettingsBoundsBench({ filter: process.argv[2] });
  printSettingsBoundsBench(report);
}
