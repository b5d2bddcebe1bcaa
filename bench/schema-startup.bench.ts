/**
 * Settings validation at a tab's start, measured: the settings schema's shape in valibot (what
 * the content script uses) and in zod/mini (what it used before), each bundled with esbuild
 * and run from cold in fresh `node` processes, alternating, so every run pays the library's
 * module evaluation and first schema build as a fresh tab does. Medians of the runs.
 * `npx tsx bench/schema-startup.bench.ts` prints the report; `bench/index.ts` calls
 * `runSchemaStartupBench`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

/** One library's cold-start figures, medians over the runs. */
export interface SchemaStartupRow {
  library: string;
  /** Evaluating the library's module code. */
  loadMs: number;
  /** Building the schema and validating one settings object. */
  schemaMs: number;
  runs: number;
}

/** Everything the schema start-up benchmark measured. */
export interface SchemaStartupReport {
  rows: SchemaStartupRow[];
  node: string;
}

const VARIANTS = [
  { library: 'valibot', entry: 'valibot-settings.ts' },
  { library: 'zod/mini', entry: 'zod-mini-settings.ts' },
] as const;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Bundles each variant and runs it `runs` times from cold, alternating. */
export async function runSchemaStartupBench(runs = 9): Promise<SchemaStartupReport> {
  const { build } = await import('esbuild');
  const workDir = await mkdtemp(path.join(tmpdir(), 'sourcelight-schema-bench-'));
  try {
    const bundles = await Promise.all(
      VARIANTS.map(async (variant) => {
        const outfile = path.join(workDir, variant.entry.replace(/\.ts$/, '.mjs'));
        await build({
          entryPoints: [path.join(here, 'schema-startup', variant.entry)],
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          minify: true,
          outfile,
          logLevel: 'error',
        });
        return { ...variant, outfile, load: [] as number[], schema: [] as number[] };
      }),
    );
    for (let i = 0; i < runs; i++) {
      for (const bundle of bundles) {
        const { stdout } = await run(process.execPath, [bundle.outfile]);
        const figures = JSON.parse(stdout) as { loadMs: number; schemaMs: number; valid: boolean };
        if (!figures.valid) throw new Error(`${bundle.library}: the sample settings did not validate`);
        bundle.load.push(figures.loadMs);
        bundle.schema.push(figures.schemaMs);
      }
    }
    return {
      rows: bundles.map((b) => ({
        library: b.library,
        loadMs: median(b.load),
        schemaMs: median(b.schema),
        runs: b.load.length,
      })),
      node: process.version,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Prints the report as a table. */
export function printSchemaStartupBench(report: SchemaStartupReport): void {
  console.log('\n## Settings validation from cold (fresh node process per run, medians)');
  console.log('command: npm run bench   (alone: npx tsx bench/schema-startup.bench.ts)');
  console.table(
    report.rows.map((r) => ({
      library: r.library,
      'module load ms': r.loadMs.toFixed(2),
      'schema + validate ms': r.schemaMs.toFixed(2),
      'total ms': (r.loadMs + r.schemaMs).toFixed(2),
      runs: r.runs,
    })),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printSchemaStartupBench(await runSchemaStartupBench());
}
