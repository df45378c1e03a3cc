// Saving text while it is being typed: soon after the last key, and at least every so often while typing goes on,
// one write after another. Every field whose words must not be lost uses this one engine — the minutes' composer
// and its corrections (stores/minutes.ts), the 拟办 form's instruction and fields (components/assignments/draft-save.ts).
import { runInOrder, type RunInOrder } from './run-in-order';

/** Quiet time after the last key before the text is written. */
export const SAVE_DEBOUNCE_MS = 400;
/** While typing goes on without a pause, the text is still written at least this often. */
export const SAVE_MAX_WAIT_MS = 800;

/** What to write now, decided when the write is due: a task for the queue, or nothing to write. */
export type DecideWrite = () => (() => Promise<unknown>) | undefined;

export interface SaveAfterTyping {
  /** Something changed: write it soon. */
  touch(): void;
  /** Write what is unsaved now; resolves when that write (and every one before it) has finished. */
  flush(): Promise<void>;
  /** Forget unsaved changes and queued writes: the text was committed, or the draft discarded. */
  cancel(): void;
  /** Resolves when every write begun so far has finished. */
  settled(): Promise<void>;
  /** Changes wait to be written. */
  readonly pending: boolean;
}

/** Engines holding unsaved text right now: what `flushAllTyping` writes when the app is about to go. */
const unsaved = new Set<SaveAfterTyping>();

/**
 * Write the unsaved text of every field now (main asks before quitting, at session end and shutdown; the browser
 * build on `pagehide`). Resolves when those writes have finished.
 */
export async function flushAllTyping(): Promise<void> {
  await Promise.all([...unsaved].map((engine) => engine.flush().catch(() => undefined)));
}

/**
 * Writes a short while after the last change, and at the latest `maxWaitMs` after the first unsaved one. `decide`
 * reads the state when the write is due, so the newest words are written. Writes run one after another (on `queue`
 * when given, so several fields of one screen stay in order); a write that fails marks the text unsaved again and
 * calls `failed`, which may `touch()` to retry.
 */
export function saveAfterTyping(
  decide: DecideWrite,
  options: {
    failed?: (error: unknown) => void;
    queue?: RunInOrder;
    debounceMs?: number;
    maxWaitMs?: number;
  } = {},
): SaveAfterTyping {
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? SAVE_MAX_WAIT_MS;
  const writes = options.queue ?? runInOrder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since: number | undefined;
  let dirty = false;
  let generation = 0;

  function stopTimer() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    since = undefined;
  }

  function flush(): Promise<void> {
    stopTimer();
    if (!dirty) return writes.settled();
    dirty = false;
    unsaved.delete(engine);
    const write = decide();
    if (!write) return writes.settled();
    const mine = generation;
    return writes.run(async () => {
      if (mine !== generation) return;
      try {
        await write();
      } catch (error: unknown) {
        if (mine !== generation) return;
        dirty = true;
        unsaved.add(engine);
        options.failed?.(error);
      }
    });
  }

  const engine: SaveAfterTyping = {
    touch() {
      dirty = true;
      unsaved.add(engine);
      const now = Date.now();
      since ??= now;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), Math.min(debounceMs, Math.max(0, since + maxWaitMs - now)));
    },
    flush,
    cancel() {
      stopTimer();
      dirty = false;
      unsaved.delete(engine);
      generation += 1;
    },
    settled: () => writes.settled(),
    get pending() {
      return dirty;
    },
  };
  return engine;
}
