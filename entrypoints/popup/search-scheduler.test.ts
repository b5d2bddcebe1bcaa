import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSearchScheduler } from './search-scheduler';

interface Deferred {
  resolve(value: string): void;
  reject(error: unknown): void;
}

function setup() {
  const calls: string[] = [];
  const deferred = new Map<string, Deferred>();
  const results: string[] = [];
  const errors: string[] = [];
  const scheduler = createSearchScheduler<string, string>({
    delayMs: 80,
    run: (query) => {
      calls.push(query);
      return new Promise<string>((resolve, reject) => deferred.set(query, { resolve, reject }));
    },
    onResult: (response) => results.push(response),
    onError: (_error, query) => errors.push(query),
  });
  return { scheduler, calls, deferred, results, errors };
}

describe('createSearchScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('waits for a pause in typing and searches once', async () => {
    const { scheduler, calls } = setup();
    scheduler.schedule('g');
    await vi.advanceTimersByTimeAsync(50);
    scheduler.schedule('gu');
    await vi.advanceTimersByTimeAsync(50);
    scheduler.schedule('gua');
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(80);
    expect(calls).toEqual(['gua']);
  });

  test('ignores an answer that arrives after a newer search started', async () => {
    const { scheduler, deferred, results } = setup();
    scheduler.runNow('old');
    scheduler.runNow('new');
    deferred.get('new')?.resolve('new results');
    deferred.get('old')?.resolve('old results');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['new results']);
  });

  test('ignores a running answer once the reader types again', async () => {
    const { scheduler, deferred, results } = setup();
    scheduler.runNow('rosn');
    scheduler.schedule('rosne');
    deferred.get('rosn')?.resolve('stale');
    await vi.advanceTimersByTimeAsync(10);
    expect(results).toEqual([]);
    await vi.advanceTimersByTimeAsync(80);
    deferred.get('rosne')?.resolve('fresh');
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['fresh']);
  });

  test('reports the error of the latest search only', async () => {
    const { scheduler, deferred, errors } = setup();
    scheduler.runNow('a');
    scheduler.runNow('b');
    deferred.get('a')?.reject(new Error('gone'));
    deferred.get('b')?.reject(new Error('gone'));
    await vi.runAllTimersAsync();
    expect(errors).toEqual(['b']);
  });

  test('cancel drops the pending search and any answer still coming', async () => {
    const { scheduler, calls, deferred, results } = setup();
    scheduler.runNow('x');
    scheduler.schedule('xy');
    scheduler.cancel();
    deferred.get('x')?.resolve('late');
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['x']);
    expect(results).toEqual([]);
  });
});
