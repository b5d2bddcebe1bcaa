import { describe, expect, it } from 'vitest';
import { boundedDebounce } from './bounded-debounce';

/** Timers on a clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const id = next++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(id: number) {
      pending.delete(id);
    },
    /** Moves the clock to `to`, firing due timers in order. */
    advance(to: number) {
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = to;
    },
  };
}

describe('boundedDebounce', () => {
  it('runs once after a quiet spell', () => {
    const timers = manualTimers();
    const runs: number[] = [];
    const debounce = boundedDebounce(
      () => runs.push(timers.now()),
      { quietMs: 400, maxWaitMs: 1000 },
      timers,
    );
    debounce.trigger();
    timers.advance(100);
    debounce.trigger();
    timers.advance(2000);
    expect(runs).toEqual([500]);
  });

  it('runs at least once per max wait while changes never stop', () => {
    const timers = manualTimers();
    const runs: number[] = [];
    const debounce = boundedDebounce(
      () => runs.push(timers.now()),
      { quietMs: 400, maxWaitMs: 1000 },
      timers,
    );
    // A change every 10 ms for 5 s: a plain debounce would never run.
    for (let t = 0; t < 5000; t += 10) {
      timers.advance(t);
      debounce.trigger();
    }
    timers.advance(5000);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < runs.length; i++)
      expect((runs[i] as number) - (runs[i - 1] as number)).toBeLessThanOrEqual(1010);
    expect(runs[0]).toBe(1000);
  });

  it('cancel drops a run asked for', () => {
    const timers = manualTimers();
    let runs = 0;
    const debounce = boundedDebounce(() => runs++, { quietMs: 400, maxWaitMs: 1000 }, timers);
    debounce.trigger();
    debounce.cancel();
    timers.advance(5000);
    expect(runs).toBe(0);
  });
});
