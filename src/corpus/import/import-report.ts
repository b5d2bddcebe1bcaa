/**
 * The import's report as text for the terminal: files read, articles written or kept,
 * duplicates and near-duplicates dropped, boilerplate removed (count and examples), warnings.
 */
import type { ImportReport } from './import-articles';

/** What happened to one output file. */
export interface WriteOutcome {
  file: string;
  action: 'written' | 'replaced' | 'kept';
}

/** What the last import removed, saved as corpus/import-summary.json for the build's report. */
export interface ImportSummary {
  seeds: string[];
  duplicateArticles: number;
  nearDuplicateParagraphs: number;
  boilerplateLines: number;
}

/** How many removed lines are shown as examples. */
const EXAMPLES = 8;

/** Shortens a line for the report. */
function clip(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Formats the report; `outcomes` says which files were written and which kept. */
export function formatImportReport(report: ImportReport, outcomes: WriteOutcome[]): string {
  const out: string[] = [];
  out.push(`Files read (${report.filesRead.length}): ${report.filesRead.join(', ')}`);
  const written = outcomes.filter((o) => o.action !== 'kept');
  out.push(
    `Articles: ${outcomes.length} (${written.length} written, ${outcomes.length - written.length} kept)`,
  );
  for (const o of outcomes) {
    out.push(
      o.action === 'kept' ? `  kept ${o.file} (exists; --force to replace)` : `  ${o.action} ${o.file}`,
    );
  }
  out.push(`Duplicate articles dropped: ${report.duplicateArticles.length}`);
  for (const d of report.duplicateArticles) {
    out.push(
      `  ${d.seed}:${d.firstLine}-${d.lastLine} "${clip(d.headline, 60)}" (${d.reason}; kept ${d.keptId})`,
    );
  }
  out.push(`Near-duplicate paragraphs dropped: ${report.nearDuplicateBlocks.length}`);
  for (const d of report.nearDuplicateBlocks) {
    out.push(
      `  ${d.seed}:${d.line} in ${d.articleId} (overlap ${d.similarity.toFixed(2)} with line ${d.keptLine}): "${clip(d.text)}"`,
    );
  }
  const byRule = new Map<string, number>();
  for (const r of report.removedLines) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  out.push(`Boilerplate lines removed: ${report.removedLines.length}`);
  for (const [rule, count] of byRule) out.push(`  ${count} × ${rule}`);
  const examples = [...new Map(report.removedLines.map((r) => [r.text, r])).values()].slice(0, EXAMPLES);
  for (const r of examples) out.push(`  e.g. ${r.seed}:${r.line} "${clip(r.text)}"`);
  if (report.warnings.length) {
    out.push(`Warnings: ${report.warnings.length}`);
    for (const w of report.warnings) out.push(`  ${w}`);
  }
  return out.join('\n');
}
