import type { EvalReport, LanguageRow, Score } from './score-recognition';

const ratio = (value: number | null) => (value === null ? '–' : value.toFixed(2));
const cell = (score: Score, of: 'recall' | 'precision') =>
  `${ratio(score[of])} (${score.correct}/${of === 'recall' ? score.expected : score.found})`;

function tableRow(row: LanguageRow): string[] {
  return [
    row.lang,
    `${row.onTopicTexts} / ${row.offTopicTexts}`,
    cell(row.actors, 'recall'),
    cell(row.actors, 'precision'),
    cell(row.events, 'recall'),
    cell(row.events, 'precision'),
    String(row.offTopicMarks),
    String(row.wrongSenseMarks),
  ];
}

/**
 * The eval as a Markdown table (a row per language, then all), the targets with ✓ or ✗, and
 * what each text missed or marked wrongly; `npm run eval` prints it.
 */
export function formatEvalReport(report: EvalReport, verbose = true): string {
  const header = [
    'lang',
    'texts on / off',
    'actors recall',
    'actors precision',
    'events recall',
    'events precision',
    'off-topic marks',
    'wrong-sense (everywhere)',
  ];
  const rows = [...report.languages, report.overall].map(tableRow);
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'targets:',
    ...report.targets.map((t) => `  ${t.met ? '✓' : '✗'} ${t.name}: ${t.actual}`),
    `${report.targets.filter((t) => t.met).length} of ${report.targets.length} targets met`,
  ];
  if (verbose) {
    const notes: string[] = [];
    for (const text of report.texts) {
      const parts = [
        text.missedActors.length > 0 ? `missed actors ${text.missedActors.join(', ')}` : '',
        text.extraActors.length > 0 ? `extra actors ${text.extraActors.join(', ')}` : '',
        text.missedEvents.length > 0 ? `missed events ${text.missedEvents.join(', ')}` : '',
        text.extraEvents.length > 0 ? `extra events ${text.extraEvents.join(', ')}` : '',
        text.offTopicMarks.length > 0 ? `marked off-topic: ${text.offTopicMarks.join('; ')}` : '',
        text.wrongSenseMarks.length > 0 ? `wrong sense: ${text.wrongSenseMarks.join('; ')}` : '',
      ].filter(Boolean);
      if (parts.length > 0) notes.push(`  ${text.file}: ${parts.join(' | ')}`);
    }
    if (notes.length > 0) lines.push('', 'per text:', ...notes);
  }
  return lines.join('\n');
}
