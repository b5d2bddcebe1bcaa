/**
 * `npm run scan -- [--json] [--everywhere] <file.html|file.txt|url>...`: runs the content
 * script's recognition on saved pages or texts and prints what each page would get.
 * Reads the built corpus (public/data/corpus.json; run `npm run corpus` first).
 * A URL is only read from a local server (127.0.0.1/localhost): Sourcelight makes no other requests.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuiltCorpus } from '../src/core/corpus-types';
import { createRecognizer } from '../src/core/recognizer';
import { recognizerDataOf } from '../src/core/recognizer-data';
import { htmlBlocks, type ScanReport, scanBlocks, textBlocks } from '../src/scan/scan-source';
import { runMain } from './run-main';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, everywhere: { type: 'boolean', default: false } },
});

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const url = new URL(source);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new Error(`${source}: only local URLs are read (save the page and scan the file)`);
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    return response.text();
  }
  return readFile(source, 'utf8');
}

function printReport(report: ScanReport, everywhere: boolean): void {
  console.log(`\n${report.source}`);
  const verdict = report.onTopic ? 'on-topic' : 'not about the corpus';
  const scope = everywhere ? 'marking everywhere' : report.onTopic ? 'main text marked' : 'nothing marked';
  console.log(`  verdict: ${verdict} (${scope})`);
  for (const entity of report.entities) {
    const texts = [...new Set(entity.mentions.map((m) => m.text))].join(', ');
    console.log(`  ${entity.type.padEnd(12)} ${entity.name} ×${entity.mentions.length}: ${texts}`);
  }
  for (const event of report.events) console.log(`  event        ${event.name} ×${event.mentions.length}`);
}

async function main(): Promise<number> {
  if (positionals.length === 0) {
    console.error('usage: npm run scan -- [--json] [--everywhere] <file.html|file.txt|url>...');
    return 2;
  }
  const corpus = JSON.parse(
    await readFile(path.join(repoRoot, 'public', 'data', 'corpus.json'), 'utf8'),
  ) as BuiltCorpus;
  const recognizer = createRecognizer(recognizerDataOf(corpus));
  const reports: ScanReport[] = [];
  for (const source of positionals) {
    const content = await readSource(source);
    const isHtml = /\.x?html?$/i.test(source) || /^https?:/.test(source) || /^\s*</.test(content);
    const blocks = isHtml ? htmlBlocks(content) : textBlocks(content);
    const report = scanBlocks(source, blocks, recognizer, corpus);
    // Without --everywhere, report what the extension would mark: nothing on an off-topic page,
    // and only the main text of an on-topic one.
    if (!values.everywhere) {
      report.entities = report.onTopic
        ? report.entities
            .map((entity) => ({ ...entity, mentions: entity.mentions.filter((m) => m.main) }))
            .filter((entity) => entity.mentions.length > 0)
        : [];
      if (!report.onTopic) report.events = [];
    }
    reports.push(report);
  }
  if (values.json) console.log(JSON.stringify(reports, null, 2));
  else for (const report of reports) printReport(report, values.everywhere ?? false);
  return 0;
}

runMain(main);
