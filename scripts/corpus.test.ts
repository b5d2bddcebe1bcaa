import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `npm run corpus -- --out FILE`: the corpus's public JSON format, as the README documents it. */
const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm run corpus -- --out', () => {
  it('writes articles, passages, entities and events with the documented fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcelight-corpus-'));
    try {
      const out = join(dir, 'corpus.json');
      const report = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/corpus.ts', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(report).toMatch(/articles:\s+7/);
      const corpus = JSON.parse(readFileSync(out, 'utf8'));
      expect(corpus.articles).toHaveLength(7);
      for (const article of corpus.articles) {
        expect(Object.keys(article)).toEqual(
          expect.arrayContaining(['id', 'outlet', 'headline', 'url', 'published', 'authors']),
        );
        expect(article.published === null || /^\d{4}-\d{2}-\d{2}$/.test(article.published)).toBe(true);
      }
      const stated = Object.fromEntries(
        corpus.articles.map((a: { outlet: string; published: string | null }) => [a.outlet, a.published]),
      );
      expect(stated).toMatchObject({
        Reuters: '2019-03-28',
        'The Guardian': '2019-03-25',
        Vox: '2019-03-27',
      });
      for (const passage of corpus.passages) {
        expect(Object.keys(passage)).toEqual(
          expect.arrayContaining(['id', 'articleId', 'text', 'entityIds', 'eventIds']),
        );
      }
      for (const entity of corpus.entities) {
        expect(Object.keys(entity)).toEqual(expect.arrayContaining(['id', 'name', 'type', 'aliases']));
      }
      for (const event of corpus.events) {
        expect(Object.keys(event)).toEqual(
          expect.arrayContaining(['id', 'name', 'date', 'entityIds', 'articleIds']),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
