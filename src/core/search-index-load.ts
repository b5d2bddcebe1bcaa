/**
 * Loads the serialised search index (`JSON.stringify` of a MiniSearch instance, as the corpus
 * build writes it) fast and in short slices. `MiniSearch.loadJSON` parses the whole text, then
 * turns every posting into a `Map` entry through `Object.keys` and `parseInt` (2.5 s at
 * 100,000 passages, in one piece). Here one checking pass reads the text into MiniSearch's own
 * structures (the same term tree, inserted in the same order; the same document maps), yielding
 * between slices, and each term's postings are decoded on first use. A text this reader does
 * not expect goes to `MiniSearch.loadJSONAsync`; a text neither can read is an error that
 * names the file.
 */
import MiniSearch from 'minisearch';
import { JsonCursor } from './search-json-cursor';
import { LazyTermPostings, readTermPostings, type TermPostings } from './search-lazy-postings';
import { type SearchDocument, searchIndexOptions } from './search-options';

/** How the load shares the thread. */
export interface IndexLoadOptions {
  /** Names the file in errors. */
  source: string;
  /** Longest stretch of work, in milliseconds, before the loader yields. */
  sliceMs?: number;
  /** Yields to the event loop; `yieldToEventLoop` unless given. */
  pause?: () => Promise<void>;
}

/** Slice length by default: well under a frame. */
export const DEFAULT_SLICE_MS = 8;

/** MiniSearch 7's internal fields the reader fills (what its own `loadJS` fills). */
interface WritableInternals {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _index: { set(term: string, data: TermPostings): unknown };
}

/** Work that yields whenever its slice of time is spent. */
interface Slicer {
  /**
   * Yields if the current slice is over; call between units of work. Small units (`small`)
   * look at the clock only every 64 calls, since reading it costs more than one of them.
   */
  tick(small?: boolean): Promise<void> | undefined;
}

const COMMA = 44;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/**
 * Lets other tasks run, then resumes: through a message channel where there is one, since
 * browsers hold chained zero-delay timers to 4 ms each
 * (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers, "nesting level").
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

function slicerOf(options: IndexLoadOptions): Slicer {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const pause = options.pause ?? yieldToEventLoop;
  let started = performance.now();
  let calls = 0;
  const resume = async () => {
    await pause();
    started = performance.now();
  };
  return {
    tick(small = false) {
      if ((small && (++calls & 63) !== 0) || performance.now() - started < sliceMs) return undefined;
      return resume();
    },
  };
}

/** Reads `{"n":value,…}` with ascending integer keys; `each` reads the value after key `n`. */
async function readNumericObject(
  cursor: JsonCursor,
  slicer: Slicer,
  each: (key: number) => void,
): Promise<void> {
  cursor.literal('{');
  if (cursor.eat(CLOSE_BRACE)) return;
  let last = -1;
  do {
    const key = cursor.uintKey();
    if (key <= last) cursor.fail('keys in ascending order');
    last = key;
    each(key);
    const pausing = slicer.tick(true);
    if (pausing) await pausing;
  } while (cursor.eat(COMMA));
  cursor.literal('}');
}

/** A field-length array as MiniSearch writes it: integers, `null` where a document lacked the field. */
function readLengths(cursor: JsonCursor): number[] {
  const lengths: number[] = [];
  cursor.literal('[');
  if (cursor.eat(CLOSE_BRACKET)) return lengths;
  do {
    if (cursor.text.startsWith('null', cursor.pos)) {
      cursor.pos += 4;
      lengths.push(null as unknown as number);
    } else {
      lengths.push(cursor.uint());
    }
  } while (cursor.eat(COMMA));
  cursor.literal(']');
  return lengths;
}

/**
 * Reads the index text as `JSON.stringify(miniSearch)` writes it (MiniSearch 7, serialisation
 * version 2) into a MiniSearch instance equal to `MiniSearch.loadJSON`'s: same documents, same
 * term tree in the same order, same postings (decoded lazily). Throws a `SyntaxError` at the
 * first thing it does not expect, even where `JSON.parse` would accept it.
 */
export async function readSerialisedIndex(
  text: string,
  options: IndexLoadOptions,
): Promise<MiniSearch<SearchDocument>> {
  const slicer = slicerOf(options);
  const cursor = new JsonCursor(text);
  cursor.literal('{"documentCount":');
  const documentCount = cursor.uint();
  cursor.literal(',"nextId":');
  const nextId = cursor.uint();

  const documentIds = new Map<number, unknown>();
  const idToShortId = new Map<unknown, number>();
  cursor.literal(',"documentIds":');
  await readNumericObject(cursor, slicer, (short) => {
    const id = cursor.string();
    documentIds.set(short, id);
    idToShortId.set(id, short);
  });
  cursor.literal(',"fieldIds":');
  const fieldIds = cursor.value() as Record<string, number>;
  const fieldLength = new Map<number, number[]>();
  cursor.literal(',"fieldLength":');
  await readNumericObject(cursor, slicer, (short) => fieldLength.set(short, readLengths(cursor)));
  cursor.literal(',"averageFieldLength":');
  const averageFieldLength = cursor.value() as number[];
  cursor.literal(',"storedFields":');
  const storedFields = cursor.value() as Record<string, unknown>;
  cursor.literal(',"dirtCount":');
  const dirtCount = cursor.uint();

  // MiniSearch sets up an empty instance from the small fields; the large ones are ours.
  const index = MiniSearch.loadJS<SearchDocument>(
    {
      documentCount,
      nextId,
      documentIds: {},
      fieldIds,
      fieldLength: {},
      averageFieldLength,
      storedFields,
      dirtCount,
      index: [],
      serializationVersion: 2,
    },
    searchIndexOptions,
  );
  const internals = index as unknown as WritableInternals;
  if (
    !(internals._documentIds instanceof Map) ||
    !(internals._fieldLength instanceof Map) ||
    typeof internals._index?.set !== 'function'
  ) {
    throw new TypeError('MiniSearch internals are not those of MiniSearch 7');
  }
  internals._documentIds = documentIds;
  internals._idToShortId = idToShortId;
  internals._fieldLength = fieldLength;

  cursor.literal(',"index":[');
  if (!cursor.eat(CLOSE_BRACKET)) {
    do {
      cursor.literal('[');
      const term = cursor.string();
      cursor.literal(',');
      const start = cursor.pos;
      const count = readTermPostings(cursor);
      cursor.literal(']');
      // Same insertion order as `loadJSON`, so the tree and every walk of it are the same.
      internals._index.set(term, new LazyTermPostings(text, start, count));
      const pausing = slicer.tick();
      if (pausing) await pausing;
    } while (cursor.eat(COMMA));
    cursor.literal(']');
  }
  cursor.literal(',"serializationVersion":2}');
  if (!cursor.atEnd()) cursor.fail('the end of the text');
  return index;
}

/**
 * Loads the search index text the corpus build wrote, without holding the thread for long:
 * `readSerialisedIndex`, or `MiniSearch.loadJSONAsync` for a text it does not expect. Rejects
 * with an error naming `options.source` when neither can read it.
 */
export async function loadSearchIndex(
  text: string,
  options: IndexLoadOptions,
): Promise<MiniSearch<SearchDocument>> {
  try {
    return await readSerialisedIndex(text, options);
  } catch (fastError) {
    try {
      return await MiniSearch.loadJSONAsync<SearchDocument>(text, searchIndexOptions);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const where = fastError instanceof SyntaxError ? ` (${fastError.message})` : '';
      throw new Error(`${options.source} is not a readable search index: ${reason}${where}`, {
        cause: error,
      });
    }
  }
}
