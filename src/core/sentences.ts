let segmenter: Intl.Segmenter | null = null;

/**
 * The sentences of a text as [start, end) offsets, by Intl.Segmenter (Unicode sentence
 * boundaries, any language). The segmenter is made on first use: most blocks never need it.
 */
export function sentenceSpans(text: string): Array<[number, number]> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const spans: Array<[number, number]> = [];
  for (const part of segmenter.segment(text)) spans.push([part.index, part.index + part.segment.length]);
  return spans;
}
