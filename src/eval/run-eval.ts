/**
 * Runs recognition over the development set the way the content script runs it over a page:
 * the catalog as `npm run corpus` loads it, the text's paragraphs as blocks, the page verdict,
 * and the marks of the default mode and of *everywhere*; then scores it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRecognizer } from '../core/recognizer';
import { recognizerDataOf } from '../core/recognizer-data';
import { articleParagraphs } from '../corpus/build/build-corpus';
import { loadCatalog } from '../corpus/build/load-catalog';
import { readCorpusSources } from '../corpus/build/read-corpus-sources';
import { textBlocks } from '../scan/scan-source';
import { type LabelledText, parseDevsetLabels } from './devset';
import { type EvalReport, marksUnder, type RecognisedText, scoreRecognition } from './score-recognition';

/** Reads `labels.json` and every labelled text of a devset folder; clear errors on a missing one. */
export async function readDevset(dir: string): Promise<LabelledText[]> {
  const labelsFile = path.join(dir, 'labels.json');
  if (!existsSync(labelsFile))
    throw new Error(`no development set at ${dir} (expected labels.json and texts/ there)`);
  const labels = parseDevsetLabels(JSON.parse(await readFile(labelsFile, 'utf8')), labelsFile);
  const textDir = path.join(dir, 'texts');
  const files = new Set(existsSync(textDir) ? await readdir(textDir) : []);
  const texts: Array<{
    file: string;
    text: string;
    labels: typeof labels extends Map<string, infer L> ? L : never;
  }> = [];
  for (const [file, label] of labels) {
    if (!files.has(file)) throw new Error(`${labelsFile}: ${file} is labelled but not in ${textDir}`);
    texts.push({ file, text: await readFile(path.join(textDir, file), 'utf8'), labels: label });
  }
  return texts;
}

/** Loads the catalog from `corpus/` under `repoRoot`; throws with its file:line errors. */
export async function loadRepoCatalog(repoRoot: string) {
  const sources = await readCorpusSources(repoRoot);
  const articleTexts = new Map(sources.articles.map((a) => [a.meta.id, articleParagraphs(a)]));
  const { catalog, errors } = loadCatalog(sources.catalog, articleTexts);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return catalog;
}

/** Recognises and scores every text of the devset in `devsetDir` with the catalog under `repoRoot`. */
export async function evaluateDevset(repoRoot: string, devsetDir: string): Promise<EvalReport> {
  const texts = await readDevset(devsetDir);
  const catalog = await loadRepoCatalog(repoRoot);
  const recognizer = createRecognizer(recognizerDataOf(catalog));
  const recognised: RecognisedText[] = texts.map(({ file, text, labels }) => {
    const blocks = textBlocks(text);
    const recognition = recognizer.recognize(blocks);
    return {
      file,
      labels,
      blocks,
      topical: marksUnder(recognition, blocks, 'topical'),
      everywhere: marksUnder(recognition, blocks, 'everywhere'),
    };
  });
  return scoreRecognition(recognised, catalog);
}
