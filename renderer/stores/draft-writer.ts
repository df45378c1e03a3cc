// Writing a draft of text being typed: soon after the last key, and at least every so often while typing goes on,
// one write after another. The minutes' composer and its corrections each have one.
import { repositories } from '../db';
import type { Draft } from '../../shared/domain/types';
import { runInOrder } from '../lib/run-in-order';

/** Quiet time after the last key before the draft is written. */
export const DRAFT_DEBOUNCE_MS = 400;
/** While typing goes on without a pause, the draft is still written at least this often. */
export const DRAFT_MAX_WAIT_MS = 800;

/**
 * Writes a draft a short while after the last change, and at the latest `DRAFT_MAX_WAIT_MS` after the first
 * unsaved one. `record` is read when the write is decided; undefined deletes the draft. Writes run one after
 * another; `cancel` also drops a write that is queued but not begun (the text was just committed).
 */
export function draftWriter(
  key: () => string | undefined,
  record: () => Draft | undefined,
  on: { saved: (draft: Draft | undefined) => void; failed: (error: unknown) => void },
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since: number | undefined;
  let dirty = false;
  let generation = 0;
  const writes = runInOrder();

  function stopTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    since = undefined;
  }

  function flush(): Promise<void> {
    stopTimer();
    if (!dirty) return writes.settled();
    dirty = false;
    const draftKey = key();
    if (draftKey === undefined) return writes.settled();
    const draft = record();
    const mine = generation;
    return writes.run(async () => {
      if (mine !== generation) return;
      try {
        const repo = repositories().minutes;
        if (draft) await repo.saveDraft(draft);
        else await repo.deleteDraft(draftKey);
        performance.mark('desk:draft-saved');
        on.saved(draft);
      } catch (error: unknown) {
        if (mine !== generation) return;
        dirty = true;
        on.failed(error);
      }
    });
  }

  return {
    /** Something changed: write it soon. */
    touch() {
      dirty = true;
      const now = Date.now();
      since ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(
        () => void flush(),
        Math.min(DRAFT_DEBOUNCE_MS, Math.max(0, since + DRAFT_MAX_WAIT_MS - now)),
      );
    },
    flush,
    /** Forget unsaved changes and queued writes: the text was committed, or the draft discarded. */
    cancel() {
      stopTimer();
      dirty = false;
      generation += 1;
    },
    /** Resolves when every write begun so far has finished. */
    settled: () => writes.settled(),
    get pending() {
      return dirty;
    },
  };
}
