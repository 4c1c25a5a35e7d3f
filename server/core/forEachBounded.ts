import { assert } from './assert';

/**
 * Runs `work` on every item with at most `concurrency` calls in flight, and resolves when all are
 * done; the first failure rejects (calls already started finish on their own).
 */
export async function forEachBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  assert(Number.isSafeInteger(concurrency) && concurrency >= 1, 'concurrency is at least 1');
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
