/** Options for {@link pollUntil}. */
export interface PollOptions {
  /** Give up after this many milliseconds. */
  timeoutMs?: number;
  /** Wait this long between attempts. */
  intervalMs?: number;
  /** Says what was awaited, for the timeout error. */
  description: string;
}

/**
 * Calls `check` until it returns a value other than `undefined`, `null` or `false`, and
 * returns that value. Errors thrown by `check` count as "not yet" (a page mid-navigation
 * rejects evaluations), and the last one is quoted if time runs out. Waiting for a
 * condition instead of sleeping keeps the browser tests steady on a slow, busy machine.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 30_000, intervalMs = 100, description }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
