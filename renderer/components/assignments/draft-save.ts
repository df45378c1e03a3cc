// Saving a draft's fields from the 拟办 screen.
import { onBeforeUnmount, ref, watch } from 'vue';
import { ElMessage } from 'element-plus';
import { useAssignmentStore, type DraftFields } from '../../stores/assignments';
import type { Id } from '../../../shared/domain/types';
import { runInOrder } from '../../lib/run-in-order';

// updateDraft spreads the fields over the draft as the store holds it *before* its write; two
// saves in flight at once (a blur flushing the instruction while a select changes) would each
// write back the other's old value. One queue for the whole screen keeps them in order.
const saves = runInOrder();

/** Save fields of a draft after any save already under way; a refusal is shown to the secretary. */
export function saveDraft(id: Id, fields: DraftFields): Promise<boolean> {
  const store = useAssignmentStore();
  return saves.run(async () => {
    try {
      const error = await store.updateDraft(id, fields);
      if (error) ElMessage.error(error);
      return !error;
    } catch (e) {
      ElMessage.error(`保存失败：${(e as Error).message}`);
      return false;
    }
  });
}

/**
 * A text field that saves itself: ~400 ms after the last keystroke, at once on blur, and on
 * leaving the screen, so typed words reach the database well within the second docs/architecture.md, "Budgets" asks.
 * While the secretary has unsaved words the stored value does not overwrite them.
 */
export function useSavedText(source: () => string, save: (text: string) => Promise<unknown>, delay = 400) {
  const text = ref(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;

  watch(source, (stored) => {
    if (!pending) text.value = stored;
  });

  function flush(): Promise<unknown> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return Promise.resolve();
    pending = false;
    if (text.value === source()) return Promise.resolve();
    return save(text.value);
  }

  function input(value: string) {
    text.value = value;
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }

  /** Replace the text (e.g. with a suggestion) and save it now. */
  function set(value: string): Promise<unknown> {
    text.value = value;
    pending = true;
    return flush();
  }

  onBeforeUnmount(() => void flush());
  return { text, input, flush, set };
}

/** Resolves once every save asked for so far has been written (before handing over to 签批模式). */
export function whenSaved(): Promise<unknown> {
  return saves.settled();
}
