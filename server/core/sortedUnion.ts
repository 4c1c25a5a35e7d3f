import { assert } from './assert';

/**
 * Byte order of the UTF-8 encoding: how MongoDB and FerretDB sort strings when no collation is
 * given (JavaScript's `<` compares UTF-16 code units, which differs beyond the BMP).
 */
export const compareBytes = (a: string, b: string): number =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The size of the union of two streams of distinct strings, each sorted in byte order (such as
 * a `$group` by id followed by `$sort: { _id: 1 }`, read through a cursor): one merge pass in
 * constant memory, however many ids, where the database alone cannot join two collections
 * (FerretDB v1 has no `$lookup` or `$unionWith`). Each stream's order is checked as it is read:
 * a stream out of order is a bug, and must not become a wrong count.
 */
export async function countSortedUnion(
  a: AsyncIterable<string>,
  b: AsyncIterable<string>,
): Promise<number> {
  const left = a[Symbol.asyncIterator]();
  const right = b[Symbol.asyncIterator]();
  const next = async (stream: AsyncIterator<string>, previous: string | null) => {
    const read = await stream.next();
    if (read.done) return null;
    assert(
      previous === null || compareBytes(previous, read.value) < 0,
      `a sorted stream of distinct ids went from "${previous}" to "${read.value}"`,
    );
    return read.value;
  };
  try {
    let x = await next(left, null);
    let y = await next(right, null);
    let count = 0;
    while (x !== null || y !== null) {
      count += 1;
      const order = x === null ? 1 : y === null ? -1 : compareBytes(x, y);
      if (order <= 0) x = await next(left, x);
      if (order >= 0) y = await next(right, y);
    }
    return count;
  } finally {
    await Promise.all([left.return?.(), right.return?.()]);
  }
}
