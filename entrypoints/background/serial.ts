/**
 * Runs async tasks one after another. Storage offers no transactions: two read-modify-write
 * tasks that interleave (two appends, an append and a status update) would each write back
 * what they read, and one change would be lost.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    // A failed task must not block the ones queued after it.
    tail = run.catch(() => undefined);
    return run;
  };
}
