import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ArticleFile, parseArticleFile } from '../article-file';
import type { CatalogSources } from './load-catalog';

/** The corpus source folder's files, read from disk; names in errors are relative to the repo. */
export interface CorpusSources {
  articles: ArticleFile[];
  catalog: CatalogSources;
}

/** Reads corpus/articles/*.md and corpus/catalog/*.yaml under `repoRoot`. Parse errors name file and line. */
export async function readCorpusSources(repoRoot: string): Promise<CorpusSources> {
  const articleDir = path.join(repoRoot, 'corpus', 'articles');
  const names = (await readdir(articleDir)).filter((name) => name.endsWith('.md')).sort();
  const articles = await Promise.all(
    names.map(async (name) => {
      const file = `corpus/articles/${name}`;
      const parsed = parseArticleFile(await readFile(path.join(articleDir, name), 'utf8'), file);
      if (`${parsed.meta.id}.md` !== name)
        throw new Error(`${file}:2: id "${parsed.meta.id}" does not match the file name`);
      return parsed;
    }),
  );
  const catalogFile = async (name: string) => ({
    file: `corpus/catalog/${name}`,
    text: await readFile(path.join(repoRoot, 'corpus', 'catalog', name), 'utf8'),
  });
  return {
    articles,
    catalog: {
      entities: await catalogFile('entities.yaml'),
      events: await catalogFile('events.yaml'),
      disagreements: await catalogFile('disagreements.yaml'),
    },
  };
}
