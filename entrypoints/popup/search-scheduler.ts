/**
 * Runs searches as the reader types: waits a short pause after the last keystroke, and
 * drops any answer that arrives after a newer search was started, so results never jump back
 * to an older query.
 */

/** What the scheduler calls; all of it is supplied by the popup. */
export interface SearchSchedulerOptions<Request, Response> {
  /** Quiet time after the last `schedule` before the search runs, in milliseconds. */
  delayMs: number;
  /** Performs one search (sends the message to the background). */
  run(request: Request): Promise<Response>;
  /** Called when a search starts, after the pause. */
  onStart?(request: Request): void;
  /** Called with the answer of the latest search only. */
  onResult(response: Response, request: Request): void;
  /** Called when the latest search failed. */
  onError(error: unknown, request: Request): void;
  /** Timer functions; the defaults are the global ones (tests pass fakes). */
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Controls for the scheduler returned by {@link createSearchScheduler}. */
export interface SearchScheduler<Request> {
  /** Runs `request` after the pause unless another comes first. */
  schedule(request: Request): void;
  /** Runs `request` now (a suggestion chosen, a filter changed). */
  runNow(request: Request): void;
  /** Forgets any pending or running search: its answer will be ignored. */
  cancel(): void;
}

/** Creates a debounced search runner that ignores stale answers. */
export function createSearchScheduler<Request, Response>(
  options: SearchSchedulerOptions<Request, Response>,
): SearchScheduler<Request> {
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as number));
  let pending: unknown;
  let generation = 0;

  function clearPending(): void {
    if (pending !== undefined) clearTimer(pending);
    pending = undefined;
  }

  function start(request: Request): void {
    clearPending();
    generation += 1;
    const mine = generation;
    options.onStart?.(request);
    let answer: Promise<Response>;
    try {
      answer = options.run(request);
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (response) => {
        if (mine === generation) options.onResult(response, request);
      },
      (error: unknown) => {
        if (mine === generation) options.onError(error, request);
      },
    );
  }

  return {
    schedule(request) {
      clearPending();
      // A search still running for an older query is stale from this keystroke on.
      generation += 1;
      pending = setTimer(() => {
        pending = undefined;
        start(request);
      }, options.delayMs);
    },
    runNow(request) {
      start(request);
    },
    cancel() {
      clearPending();
      generation += 1;
    },
  };
}
