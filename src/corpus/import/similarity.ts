/**
 * Near-duplicate measure for blocks of text: word shingles (runs of SHINGLE_SIZE folded
 * words) compared by overlap coefficient, |A ∩ B| / min(|A|, |B|). The overlap coefficient,
 * rather than Jaccard, treats a caption repeated with an added photo credit as the same
 * caption: the shorter copy is wholly contained in the longer.
 */
import { foldedWords } from './text-rules';

/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Blocks whose shingle overlap reaches this are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** Blocks shorter than this many shingles (about six words) are never called near-duplicates. */
export const MIN_SHINGLES = 4;

/** The set of word shingles of a text (folded, punctuation ignored). */
export function shingles(text: string): Set<string> {
  const words = foldedWords(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) {
    out.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  }
  return out;
}

/** Overlap coefficient of two shingle sets (0 when either is empty). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** True when two texts are near-duplicates by the measure above. */
export function isNearDuplicate(a: string, b: string): boolean {
  const sa = shingles(a);
  const sb = shingles(b);
  if (Math.min(sa.size, sb.size) < MIN_SHINGLES) return false;
  return overlap(sa, sb) >= NEAR_DUPLICATE_THRESHOLD;
}
