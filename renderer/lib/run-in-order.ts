// Writes that build on the state the previous write left (two quick keys, a chip tapped just after typing) must
// not start together from the same old state: they go through one queue, one after another.

/** A queue of tasks run one after another. */
export interface RunInOrder {
  /**
   * Run this task once every task queued before it has settled. The returned promise is the task's own: its
   * failure reaches this caller and does not stop the tasks queued after it.
   */
  run<T>(task: () => T | PromiseLike<T>): Promise<T>;
  /** Resolves (never rejects) once every task queued so far has settled. */
  settled(): Promise<void>;
}

/** A new, empty run-in-order queue. */
export function runInOrder(): RunInOrder {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(task: () => T | PromiseLike<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    settled: () => tail,
  };
}
