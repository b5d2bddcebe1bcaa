/**
 * Splits a passage into plain and emphasised runs from [start, end) offsets, so the popup can
 * build `<mark>` elements and text nodes (never HTML) around the matched terms.
 */

/** One piece of a passage: its text and whether it is emphasised. */
export interface TextRun {
  text: string;
  emphasised: boolean;
}

/**
 * Cuts `text` into runs covering it exactly once, in order. Ranges may arrive unsorted,
 * overlapping, touching, empty or out of bounds (the background merges the card's subject with
 * the search terms): they are clamped to the text and merged, so no character is emphasised
 * twice and no text is lost or repeated.
 */
export function emphasisRuns(text: string, ranges: ReadonlyArray<readonly [number, number]>): TextRun[] {
  const merged = mergeRanges(text.length, ranges);
  const runs: TextRun[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) runs.push({ text: text.slice(cursor, start), emphasised: false });
    runs.push({ text: text.slice(start, end), emphasised: true });
    cursor = end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), emphasised: false });
  return runs;
}

/** Clamps ranges to [0, length], drops empty ones, sorts them and joins overlapping or touching ones. */
function mergeRanges(
  length: number,
  ranges: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const clamped = ranges
    .map(([start, end]): [number, number] => [
      Math.max(0, Math.min(length, Math.floor(start))),
      Math.max(0, Math.min(length, Math.floor(end))),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
