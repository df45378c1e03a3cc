// Saving a draft's fields from the 拟办 screen.
import { onBeforeUnmount, ref, watch } from 'vue';
import { ElMessage } from 'element-plus';
import { useAssignmentStore, type DraftFields } from '../../stores/assignments';
import type { Id } from '../../../shared/domain/types';
import { runInOrder } from '../../lib/run-in-order';
import { saveAfterTyping } from '../../lib/save-after-typing';
import { describeError } from '../../db/db-errors';

// updateDraft spreads the fields over the draft as the store holds it *before* its write; two
// saves in flight at once (a blur flushing the instruction while a select changes) would each
// write back the other's old value. One queue for the whole screen keeps them in order.
const saves = runInOrder();

/** Save fields of a draft now; a refusal is shown to the secretary. Runs on `saves` only through its callers. */
async function writeDraft(id: Id, fields: DraftFields): Promise<boolean> {
  const store = useAssignmentStore();
  try {
    const error = await store.updateDraft(id, fields);
    if (error) ElMessage.error(error);
    return !error;
  } catch (e) {
    ElMessage.error(
      describeError(e, { what: '拟办内容没有保存', retry: '重试', kept: '已填写的内容仍在页面上' }),
    );
    return false;
  }
}

/** Save fields of a draft after any save already under way; a refusal is shown to the secretary. */
export function saveDraft(id: Id, fields: DraftFields): Promise<boolean> {
  return saves.run(() => writeDraft(id, fields));
}

/**
 * A text field that saves itself (lib/save-after-typing.ts): soon after the last keystroke, at least every so often
 * while typing goes on, at once on blur, and on leaving the screen, so typed words reach the database well within
 * the second docs/architecture.md, "Budgets" asks. While the secretary has unsaved words the stored value does not
 * overwrite them.
 */
export function useSavedText(
  source: () => string,
  fields: (text: string) => { id: Id; fields: DraftFields },
) {
  const text = ref(source());
  const saver = saveAfterTyping(
    () => {
      const value = text.value;
      if (value === source()) return undefined;
      const { id, fields: changed } = fields(value);
      return () => writeDraft(id, changed);
    },
    { queue: saves },
  );

  watch(source, (stored) => {
    if (!saver.pending) text.value = stored;
  });

  function input(value: string) {
    text.value = value;
    saver.touch();
  }

  /** Replace the text (e.g. with a suggestion) and save it now. */
  function set(value: string): Promise<unknown> {
    text.value = value;
    saver.touch();
    return saver.flush();
  }

  onBeforeUnmount(() => void saver.flush());
  return { text, input, flush: saver.flush, set };
}

/** Resolves once every save asked for so far has been written (before handing over to 签批模式). */
export function whenSaved(): Promise<unknown> {
  return saves.settled();
}
