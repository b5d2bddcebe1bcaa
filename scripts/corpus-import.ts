/**
 * `npm run corpus:import -- <seed files...> [--force]`: imports raw saved pages into
 * corpus/articles/<id>.md. An existing file is kept (it may have been corrected by hand)
 * unless --force is given. Prints a report of what was read, written, kept and dropped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSeeds } from '../src/corpus/import/import-articles';
import {
  formatImportReport,
  type ImportSummary,
  type WriteOutcome,
} from '../src/corpus/import/import-report';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
const unknown = files.filter((f) => f.startsWith('--'));
if (files.length === 0 || unknown.length > 0) {
  console.error(
    unknown.length ? `Unknown option ${unknown.join(', ')}` : 'No seed files given.',
    '\nUsage: npm run corpus:import -- <seed files...> [--force]',
  );
  process.exit(2);
}

const outDir = fileURLToPath(new URL('../corpus/articles/', import.meta.url));
const seeds = files.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
const { articles, report } = importSeeds(seeds);

mkdirSync(outDir, { recursive: true });
const outcomes: WriteOutcome[] = articles.map((article) => {
  const path = join(outDir, `${article.id}.md`);
  const file = relative(process.cwd(), path);
  const exists = existsSync(path);
  if (exists && !force) return { file, action: 'kept' };
  writeFileSync(path, article.text);
  return { file, action: exists ? 'replaced' : 'written' };
});
console.log(formatImportReport(report, outcomes));

// What the import removed, kept beside the articles so `npm run corpus` can report it.
const summary: ImportSummary = {
  seeds: report.filesRead,
  duplicateArticles: report.duplicateArticles.length,
  nearDuplicateParagraphs: report.nearDuplicateBlocks.length,
  boilerplateLines: report.removedLines.length,
};
writeFileSync(
  fileURLToPath(new URL('../corpus/import-summary.json', import.meta.url)),
  `${JSON.stringify(summary, null, 2)}\n`,
);
