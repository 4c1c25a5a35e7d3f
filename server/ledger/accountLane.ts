/**
 * One lane per account in this process: postings to the same account run one after another
 * here instead of racing each other for the next seq. Racing is safe (the unique (account, seq)
 * index settles it) but costs O(n²) attempts for n concurrent writers, each a few round trips;
 * queueing costs one attempt each. Writers in other processes still race, and the index still
 * settles that. The map only holds accounts with a posting in flight.
 */
const tails = new Map<string, Promise<void>>();

export function inAccountLane<T>(accountId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(accountId) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(accountId, tail);
  void tail.then(() => {
    if (tails.get(accountId) === tail) tails.delete(accountId);
  });
  return run;
}
