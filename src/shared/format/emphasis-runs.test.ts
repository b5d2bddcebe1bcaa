import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emphasisRuns } from './emphasis-runs';

describe('emphasisRuns', () => {
  test('marks the ranges and keeps the text between', () => {
    expect(
      emphasisRuns('Guaidó met Pence in Bogotá', [
        [0, 6],
        [11, 16],
      ]),
    ).toEqual([
      { text: 'Guaidó', emphasised: true },
      { text: ' met ', emphasised: false },
      { text: 'Pence', emphasised: true },
      { text: ' in Bogotá', emphasised: false },
    ]);
  });
  test('returns the whole text as one plain run without ranges', () => {
    expect(emphasisRuns('No match here', [])).toEqual([{ text: 'No match here', emphasised: false }]);
  });
  test('merges overlapping and touching ranges given in any order', () => {
    expect(
      emphasisRuns('abcdefghij', [
        [5, 8],
        [1, 3],
        [2, 4],
        [4, 5],
      ]),
    ).toEqual([
      { text: 'a', emphasised: false },
      { text: 'bcdefgh', emphasised: true },
      { text: 'ij', emphasised: false },
    ]);
  });
  test('clamps ranges outside the text and drops empty ones', () => {
    expect(
      emphasisRuns('abc', [
        [-4, 1],
        [2, 99],
        [1, 1],
        [5, 3],
      ]),
    ).toEqual([
      { text: 'a', emphasised: true },
      { text: 'b', emphasised: false },
      { text: 'c', emphasised: true },
    ]);
  });
  test('an empty text gives no runs', () => {
    expect(emphasisRuns('', [[0, 3]])).toEqual([]);
  });
  test('always covers the text exactly once, alternating plain and emphasised runs', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 })), {
          maxLength: 8,
        }),
        (text, ranges) => {
          const runs = emphasisRuns(text, ranges);
          expect(runs.map((run) => run.text).join('')).toBe(text);
          for (const run of runs) expect(run.text.length).toBeGreaterThan(0);
          for (let i = 1; i < runs.length; i++) {
            // Two plain runs never touch; two emphasised runs never touch (they were merged).
            expect(runs[i]?.emphasised).not.toBe(runs[i - 1]?.emphasised);
          }
          // A character is emphasised exactly when some clamped range covers it.
          let offset = 0;
          for (const run of runs) {
            for (let i = 0; i < run.text.length; i++) {
              const at = offset + i;
              const covered = ranges.some(([start, end]) => start <= at && at < end);
              expect(run.emphasised).toBe(covered);
            }
            offset += run.text.length;
          }
        },
      ),
    );
  });
});
