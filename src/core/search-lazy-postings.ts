/**
 * A term's postings in MiniSearch's shape (field id → short document id → term frequency),
 * decoded from the serialised index text the first time anything reads them. Loading a large
 * index then costs one checking pass over the text instead of millions of `Map.set` calls, and
 * only the terms that queries touch are ever decoded.
 */
import { JsonCursor } from './search-json-cursor';

/** What a MiniSearch index keeps per term: field id → (short document id → term frequency). */
export type TermPostings = Map<number, Map<number, number>>;

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const CLOSE_BRACE = 125;

/**
 * Reads one term's postings as `JSON.stringify` writes them (`{"0":{"12":1,"40":2},"3":{…}}`,
 * keys ascending) at the cursor; fills `into` when given; returns how many postings there are.
 * Throws a `SyntaxError` on anything else, so a checked term can later be decoded without fail.
 */
export function readTermPostings(cursor: JsonCursor, into?: TermPostings): number {
  const { text } = cursor;
  let count = 0;
  let lastField = -1;
  cursor.literal('{');
  if (cursor.eat(CLOSE_BRACE)) return 0;
  do {
    const field = cursor.uintKey();
    if (field <= lastField) cursor.fail('field ids in ascending order');
    lastField = field;
    const perDoc = into ? new Map<number, number>() : undefined;
    cursor.literal('{');
    let lastDoc = -1;
    if (!cursor.eat(CLOSE_BRACE)) {
      // The hot loop: `"doc":tf` pairs read inline, the cursor's helpers only on the rare paths.
      let pos = cursor.pos;
      for (;;) {
        if (text.charCodeAt(pos) !== QUOTE) {
          cursor.pos = pos;
          cursor.fail('a quoted document id');
        }
        cursor.pos = pos + 1;
        const doc = cursor.uint();
        pos = cursor.pos;
        if (text.charCodeAt(pos) !== QUOTE || text.charCodeAt(pos + 1) !== COLON)
          cursor.fail('a quote and colon');
        if (doc <= lastDoc) cursor.fail('document ids in ascending order');
        lastDoc = doc;
        cursor.pos = pos + 2;
        const frequency = cursor.uint();
        perDoc?.set(doc, frequency);
        count++;
        pos = cursor.pos;
        const next = text.charCodeAt(pos);
        if (next === COMMA) {
          pos++;
        } else if (next === CLOSE_BRACE) {
          cursor.pos = pos + 1;
          break;
        } else {
          cursor.pos = pos;
          cursor.fail('"," or "}"');
        }
      }
    }
    if (into && perDoc) into.set(field, perDoc);
  } while (cursor.eat(COMMA));
  cursor.literal('}');
  return count;
}

/**
 * A term's postings that decode themselves from the index text on first read. Every `Map`
 * method decodes first, so MiniSearch's own search and the planner see a plain `Map`.
 * `postingCount` answers "how common is this term" without decoding.
 */
export class LazyTermPostings extends Map<number, Map<number, number>> {
  #text: string | null;
  readonly #start: number;

  /** `start` is where `readTermPostings` already checked the term's postings in `text`. */
  constructor(
    text: string,
    start: number,
    readonly postingCount: number,
  ) {
    super();
    this.#text = text;
    this.#start = start;
  }

  #decode(): void {
    const text = this.#text;
    if (text === null) return;
    this.#text = null;
    // Fills this map through `set`, which no longer decodes now that the text is dropped.
    readTermPostings(new JsonCursor(text, this.#start), this);
  }

  override get(field: number): Map<number, number> | undefined {
    this.#decode();
    return super.get(field);
  }

  override has(field: number): boolean {
    this.#decode();
    return super.has(field);
  }

  override set(field: number, perDoc: Map<number, number>): this {
    this.#decode();
    return super.set(field, perDoc);
  }

  override delete(field: number): boolean {
    this.#decode();
    return super.delete(field);
  }

  override clear(): void {
    this.#text = null;
    super.clear();
  }

  override get size(): number {
    this.#decode();
    return super.size;
  }

  override forEach(
    callback: (perDoc: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ): void {
    this.#decode();
    super.forEach(callback, thisArg);
  }

  override keys(): MapIterator<number> {
    this.#decode();
    return super.keys();
  }

  override values(): MapIterator<Map<number, number>> {
    this.#decode();
    return super.values();
  }

  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#decode();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}
