import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npm run scan` end to end: its JSON format, and its verdicts on real pages. */
const root = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = fileURLToPath(new URL('../../shared/pages/', import.meta.url));
const scan = (...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', '--json', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Array<{
    source: string;
    onTopic: boolean;
    entities: Array<{ id: string; name: string; type: string; mentions: Array<{ text: string }> }>;
    events: Array<{ id: string; name: string }>;
  }>;

describe('npm run scan', () => {
  it('prints the documented JSON for an on-topic page and an off-topic one', () => {
    const [demo, plain] = scan('test/pages/demo.html', 'test/pages/plain.html');
    expect(demo?.source).toBe('test/pages/demo.html');
    expect(demo?.onTopic).toBe(true);
    const maduro = demo?.entities.find((e) => e.id === 'nicolas-maduro');
    expect(maduro).toMatchObject({ name: 'Nicolás Maduro', type: 'person' });
    expect(maduro?.mentions.map((m) => m.text)).toContain('Nicolás Maduro');
    expect(demo?.events.map((e) => e.id)).toContain('russian-personnel-arrive-caracas');
    // The sidebar's teaser "Inside the Lima Group's long argument" is not main text.
    expect(demo?.entities.find((e) => e.id === 'lima-group')?.mentions).toHaveLength(1);
    expect(plain).toEqual({ source: 'test/pages/plain.html', onTopic: false, entities: [], events: [] });
  });

  it.runIf(existsSync(pagesDir))(
    'finds none of 32 real pages about the story, and marks nothing on them',
    () => {
      const files = readdirSync(pagesDir)
        .filter((name) => name.endsWith('.html'))
        .map((name) => `${pagesDir}${name}`);
      const reports = scan(...files);
      expect(reports).toHaveLength(files.length);
      for (const report of reports) {
        expect(report.onTopic, report.source).toBe(false);
        expect(report.entities, report.source).toEqual([]);
      }
    },
  );
});
