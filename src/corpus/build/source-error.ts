/**
 * An error in a corpus source file, carrying the file and line so the message reads
 * `corpus/catalog/entities.yaml:42: ...` and an author can jump straight to it.
 */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'SourceError';
  }
}
