/**
 * `npm run eval -- [--json] [--quiet] [--devset DIR]`: runs recognition over the labelled
 * development set (`../shared/devset` by default) as the content script would, and prints
 * recall and precision of actors and events per language, marks on off-topic texts, and which
 * of issue 7's targets are met. `--quiet` leaves out the per-text notes. Exit code 0 either
 * way: the targets are reported, not enforced.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatEvalReport } from '../src/eval/format-eval';
import { evaluateDevset } from '../src/eval/run-eval';
import { runMain } from './run-main';

const USAGE = 'usage: npm run eval -- [--json] [--quiet] [--devset DIR]';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  let values: { json?: boolean; quiet?: boolean; devset?: string };
  try {
    ({ values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        devset: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const devset = values.devset
    ? path.resolve(values.devset)
    : path.resolve(repoRoot, '..', 'shared', 'devset');
  const report = await evaluateDevset(repoRoot, devset);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatEvalReport(report, !values.quiet));
  return 0;
}

runMain(main);
