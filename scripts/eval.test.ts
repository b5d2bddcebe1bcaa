import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../src/eval/score-recognition';

/** `npm run eval` end to end over the real development set (its figures are not asserted). */
const root = fileURLToPath(new URL('..', import.meta.url));
const devset = fileURLToPath(new URL('../../shared/devset/', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('npm run eval', () => {
  it.runIf(existsSync(devset))(
    'scores every language of the dev set, with a row each',
    () => {
      const report = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--json'], {
          cwd: root,
          encoding: 'utf8',
        }),
      ) as EvalReport;
      const labels = JSON.parse(readFileSync(`${devset}labels.json`, 'utf8')) as Record<
        string,
        { lang: string }
      >;
      const languages = new Set(Object.values(labels).map((l) => l.lang));
      expect(new Set(report.languages.map((r) => r.lang))).toEqual(languages);
      expect(report.overall.onTopicTexts + report.overall.offTopicTexts).toBe(Object.keys(labels).length);
      expect(report.texts).toHaveLength(Object.keys(labels).length);
      expect(report.targets.length).toBeGreaterThan(4);
    },
    60_000,
  );

  it('prints its usage on a bad argument and a clear error without a dev set', () => {
    const bad = run('--frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: npm run eval');
    const missing = run('--devset', 'no-such-folder');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no development set at .*no-such-folder/);
  }, 60_000);
});
