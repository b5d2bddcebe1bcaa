/**
 * `npm test`: every check the project has, in order, each under a header with its duration:
 * corpus build, typecheck, lint, extension build, web-ext lint, unit tests, end-to-end tests.
 * A failed step does not stop the independent ones after it. Vitest's results are read from
 * its JSON report and counted test by test; every other step counts as one test. Under CI=true
 * a skipped test counts as failed. The last line is `N passed, N failed`, which CI reads; the
 * exit code is non-zero when anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'test-results');
const isCi = process.env.CI === 'true';

/** The tally of the whole run. */
interface Tally {
  passed: number;
  failed: number;
  /** One line per failure, repeated in the summary. */
  failures: string[];
}

const tally: Tally = { passed: 0, failed: 0, failures: [] };

/** A command a step runs. */
interface Command {
  program: string;
  args: string[];
  env?: Record<string, string>;
}

/** Runs a command with its output on the console; resolves with its exit code. */
function run({ program, args, env }: Command): Promise<number> {
  return new Promise((done) => {
    const child = spawn(program, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not start ${program}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** A tool installed in node_modules/.bin, run directly (no npx lookup). */
function localBin(name: string, args: string[], env?: Record<string, string>): Command {
  return { program: join(root, 'node_modules', '.bin', name), args, env };
}

/** Prints a step's header, runs it, prints its duration; returns what the body returns. */
async function step<T>(title: string, body: () => Promise<T>): Promise<T> {
  console.log(`\n=== ${title} ===`);
  const started = performance.now();
  try {
    return await body();
  } finally {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`--- ${title}: ${seconds} s`);
  }
}

function pass(): void {
  tally.passed += 1;
}

function fail(what: string): void {
  tally.failed += 1;
  tally.failures.push(what);
}

/** A step that counts as one test: passed when its command exits 0. */
async function commandStep(title: string, command: Command): Promise<boolean> {
  return step(title, async () => {
    const code = await run(command);
    if (code === 0) pass();
    else fail(`${title} (exit ${code})`);
    return code === 0;
  });
}

/** The parts of Vitest's JSON report (Jest-compatible) this script reads. */
interface VitestReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string }[];
  }[];
}

/**
 * Runs one Vitest project with the default reporter on the console and a JSON report in
 * test-results/, then counts its tests. A file that failed without a failing test (an import
 * or collection error) counts as one failure, and so does a run that exited non-zero with
 * nothing failed in its report.
 */
async function vitestStep(project: 'unit' | 'e2e', env?: Record<string, string>): Promise<void> {
  const title = `vitest ${project}`;
  await step(title, async () => {
    const reportFile = join(resultsDir, `vitest-${project}.json`);
    rmSync(reportFile, { force: true });
    const code = await run(
      localBin(
        'vitest',
        [
          'run',
          '--project',
          project,
          '--passWithNoTests',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${reportFile}`,
        ],
        env,
      ),
    );
    if (!existsSync(reportFile)) {
      fail(`${title}: no report written (exit ${code})`);
      return;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
    const failedBefore = tally.failed;
    let skipped = 0;
    for (const file of report.testResults) {
      const relative = file.name.startsWith(root) ? file.name.slice(root.length) : file.name;
      if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
        fail(`${title}: ${relative} failed to run: ${(file.message ?? '').split('\n')[0]}`);
      }
      for (const test of file.assertionResults) {
        const name = `${title}: ${relative} > ${test.fullName}`;
        if (test.status === 'passed') pass();
        else if (test.status === 'failed') fail(name);
        else {
          skipped += 1;
          if (isCi) fail(`${name} (${test.status}; nothing may be skipped under CI=true)`);
          else console.log(`Skipped: ${name}`);
        }
      }
    }
    if (code !== 0 && tally.failed === failedBefore) fail(`${title}: vitest exited ${code}`);
    if (skipped > 0 && !isCi) console.log(`${skipped} skipped in ${title} (they would fail under CI=true)`);
  });
}

/** Marks a step that cannot run because an earlier one failed. */
async function blockedStep(title: string, reason: string): Promise<void> {
  await step(title, async () => {
    console.log(`Not run: ${reason}.`);
    fail(`${title} (not run: ${reason})`);
  });
}

async function main(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });

  if (existsSync(join(root, 'scripts', 'corpus.ts'))) {
    await commandStep('corpus build', { program: 'npm', args: ['run', 'corpus', '--', '--quiet'] });
  } else {
    await step('corpus build', async () => {
      console.log('Skipped: scripts/corpus.ts does not exist yet, so there is no corpus to build.');
    });
  }
  // `wxt prepare` again after the corpus build: WXT types the public paths (/data/*.json) it finds.
  await commandStep('typecheck (wxt prepare && tsc --noEmit)', {
    program: 'npm',
    args: ['run', 'typecheck'],
  });
  await commandStep('lint (biome check .)', localBin('biome', ['check', '.']));
  const built = await commandStep('build (npm run build)', { program: 'npm', args: ['run', 'build'] });

  const firefoxLint = 'web-ext lint (.output/firefox-mv2)';
  if (built) {
    await commandStep(
      firefoxLint,
      localBin('web-ext', ['lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors']),
    );
  } else {
    await blockedStep(firefoxLint, 'the build failed');
  }

  await vitestStep('unit');

  if (built) await vitestStep('e2e', { SOURCELIGHT_SKIP_BUILD: '1' });
  else await blockedStep('vitest e2e', 'the build failed');

  console.log('\n=== Summary ===');
  for (const failure of tally.failures) console.log(`FAILED: ${failure}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exitCode = tally.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exitCode = 1;
});
