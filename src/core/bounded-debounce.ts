/** The timers a debounce needs, given so tests can drive time. */
export interface DebounceTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** A debounced trigger with a deadline. */
export interface BoundedDebounce {
  /** Asks for a run: after `quietMs` without another call, or `maxWaitMs` after the first, whichever is sooner. */
  trigger(): void;
  /** Drops a run that was asked for and not yet started. */
  cancel(): void;
}

/**
 * Runs `run` once changes have been quiet for `quietMs`, but never later than `maxWaitMs`
 * after the first change it has not yet answered: a page that changes all the time (a live
 * feed) is still read at least that often, instead of never.
 */
export function boundedDebounce(
  run: () => void,
  { quietMs, maxWaitMs }: { quietMs: number; maxWaitMs: number },
  timers: DebounceTimers,
): BoundedDebounce {
  let timer = 0;
  let firstAt: number | null = null;
  const fire = () => {
    timer = 0;
    firstAt = null;
    run();
  };
  return {
    trigger() {
      const now = timers.now();
      firstAt ??= now;
      if (timer) timers.clearTimeout(timer);
      const delay = Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now));
      timer = timers.setTimeout(fire, delay);
    },
    cancel() {
      if (timer) timers.clearTimeout(timer);
      timer = 0;
      firstAt = null;
    },
  };
}
