import { isCollection, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { SourceError } from './source-error';

/** A parsed YAML list with, for each item, a way to find the line of any path inside it. */
export interface YamlList<T> {
  items: T[];
  /** The 1-based line of `path` (keys and indexes) inside item `index`. */
  lineOf(index: number, ...path: Array<string | number>): number;
}

/**
 * Parses a YAML file holding a list of items and validates each item with `schema`.
 * Any problem (bad YAML, not a list, an item that fails the schema) throws a SourceError
 * naming the file and the line of the offending key.
 */
export function parseYamlList<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): YamlList<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const yamlError = doc.errors[0];
  if (yamlError)
    throw new SourceError(file, lineAt(yamlError.pos[0]), `bad YAML: ${yamlError.message.split('\n')[0]}`);
  const data: unknown = doc.toJS() ?? [];
  if (!Array.isArray(data)) throw new SourceError(file, 1, 'expected a YAML list (items starting with "- ")');

  const lineOf = (index: number, ...path: Array<string | number>): number => {
    let node: unknown = doc.getIn([index]);
    let line = lineAt((node as Node | undefined)?.range?.[0]);
    for (let depth = 1; depth <= path.length; depth++) {
      node = doc.getIn([index, ...path.slice(0, depth)], true);
      const start = (node as Node | undefined)?.range?.[0];
      if (start === undefined) break;
      line = lineAt(start);
    }
    return line;
  };

  const items = data.map((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data as z.infer<S>;
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    const extra = issue && 'keys' in issue ? `: ${(issue.keys as string[]).join(', ')}` : '';
    throw new SourceError(
      file,
      lineOf(index, ...path),
      `item ${index + 1}${where}: ${issue?.message ?? 'invalid'}${extra}`,
    );
  });
  // A scalar or alias in place of an item would have failed the schema above.
  if (!isCollection(doc.contents) && items.length > 0) throw new SourceError(file, 1, 'expected a YAML list');
  return { items, lineOf };
}
