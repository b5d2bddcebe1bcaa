/**
 * `npm run corpus [-- --out FILE] [--quiet]`: validates corpus/ and builds the data the
 * extension ships (public/data/corpus.json, public/data/search-index.json and the
 * recogniser's data in generated/). Exits 1 with file:line messages on any source error.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recognizerDataOf } from '../src/core/recognizer-data';
import { articleParagraphs, buildCorpus } from '../src/corpus/build/build-corpus';
import { loadCatalog } from '../src/corpus/build/load-catalog';
import { readCorpusSources } from '../src/corpus/build/read-corpus-sources';
import { buildSearchIndex } from '../src/corpus/build/search-index';
import type { ImportSummary } from '../src/corpus/import/import-report';
import { runMain } from './run-main';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});

/** Writes a file whole or not at all (a temporary file, then a rename): readers never see half of one. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function main(): Promise<number> {
  const sources = await readCorpusSources(repoRoot);
  const articleTexts = new Map(sources.articles.map((a) => [a.meta.id, articleParagraphs(a)]));
  const { catalog, errors } = loadCatalog(sources.catalog, articleTexts);
  if (errors.length > 0) {
    for (const error of errors) console.error(error.message);
    console.error(`corpus: ${errors.length} error(s); nothing written`);
    return 1;
  }
  const { corpus, report } = buildCorpus(sources.articles, catalog);
  const index = buildSearchIndex(corpus);
  const dataDir = path.join(repoRoot, 'public', 'data');
  const generatedDir = path.join(repoRoot, 'generated');
  await mkdir(dataDir, { recursive: true });
  await mkdir(generatedDir, { recursive: true });
  await writeAtomically(path.join(dataDir, 'corpus.json'), JSON.stringify(corpus));
  await writeAtomically(path.join(dataDir, 'search-index.json'), JSON.stringify(index));
  await writeAtomically(
    path.join(generatedDir, 'recognizer-data.json'),
    JSON.stringify(recognizerDataOf(catalog)),
  );
  if (values.out) await writeAtomically(path.resolve(values.out), `${JSON.stringify(corpus, null, 2)}\n`);

  if (!values.quiet) {
    const types = Object.entries(report.entitiesByType)
      .map(([type, count]) => `${count} ${type}`)
      .join(', ');
    console.log(`articles:      ${report.articles}`);
    console.log(`passages:      ${report.passages} (${report.captions} captions)`);
    console.log(
      `entities:      ${Object.values(report.entitiesByType).reduce((a, b) => a + b, 0)} (${types})`,
    );
    console.log(`events:        ${report.events}`);
    console.log(`disagreements: ${report.disagreements}`);
    const summaryFile = path.join(repoRoot, 'corpus', 'import-summary.json');
    if (existsSync(summaryFile)) {
      const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as ImportSummary;
      console.log(
        `import:        ${summary.seeds.length} seed files; removed ${summary.duplicateArticles} duplicate articles, ` +
          `${summary.nearDuplicateParagraphs} near-duplicate paragraphs, ${summary.boilerplateLines} boilerplate lines`,
      );
    }
    for (const article of corpus.articles) {
      const date =
        article.published ?? (article.dateInferred ? `${article.dateInferred.date} (inferred)` : 'undated');
      console.log(`  ${article.outlet.padEnd(20)} ${date.padEnd(24)} ${article.headline}`);
    }
    if (values.out) console.log(`wrote ${values.out}`);
  }
  for (const id of report.entitiesWithoutPassages) console.warn(`warning: entity "${id}" is in no passage`);
  for (const id of report.eventsWithoutPassages)
    console.warn(`warning: event "${id}" is recognised in no passage`);
  return 0;
}

runMain(main);
