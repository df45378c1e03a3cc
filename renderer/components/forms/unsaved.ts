// What the secretary has typed and not saved is never thrown away without a question: a form registers
// whether it holds unsaved input, a screen asks before the router leaves it, a dialog asks before it closes.
import { computed, onBeforeUnmount, reactive, ref, type ComputedRef } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { ElMessageBox } from 'element-plus';

interface Source {
  label: () => string;
  dirty: () => boolean;
}

const sources = reactive(new Map<symbol, Source>());

/** Whether a form differs from the values it was last loaded or saved with. */
export function useSnapshot<T>(read: () => T): { dirty: ComputedRef<boolean>; mark: () => void } {
  const saved = ref(JSON.stringify(read()));
  const dirty = computed(() => JSON.stringify(read()) !== saved.value);
  return { dirty, mark: () => (saved.value = JSON.stringify(read())) };
}

/**
 * Register a form for as long as its component lives: `label` names it in the question (会议信息, 添加领导),
 * `dirty` tells whether it holds unsaved input now.
 */
export function useUnsaved(label: string | (() => string), dirty: () => boolean): void {
  const key = Symbol(typeof label === 'string' ? label : 'form');
  sources.set(key, { label: typeof label === 'string' ? () => label : label, dirty });
  onBeforeUnmount(() => sources.delete(key));
}

/** The names of the registered forms that hold unsaved input now. */
export function unsavedForms(): string[] {
  return [...new Set([...sources.values()].filter((s) => s.dirty()).map((s) => s.label()))];
}

/**
 * Ask whether to throw away the unsaved input of the named forms; true to go on without saving (`leave` the
 * screen, or `close` a dialog).
 */
export function confirmDiscard(
  labels: readonly string[],
  going: 'leave' | 'close' = 'leave',
): Promise<boolean> {
  return ElMessageBox.confirm(
    `“${labels.join('”“')}”中有尚未保存的内容，不保存的话这些内容会丢失。`,
    '有未保存的内容',
    {
      confirmButtonText: going === 'leave' ? '不保存，离开' : '不保存，关闭',
      cancelButtonText: '继续编辑',
      type: 'warning',
      // The back button changes the address before the question is answered: the box must stay for the answer.
      closeOnHashChange: false,
    },
  )
    .then(() => true)
    .catch(() => false);
}

/** Ask before the router leaves this screen while a form on it holds unsaved input. */
export function useLeaveGuard(): void {
  onBeforeRouteLeave(() => {
    const open = unsavedForms();
    return open.length === 0 ? true : confirmDiscard(open);
  });
}

/**
 * Closing a dialog: at once when nothing was typed, otherwise only after the user agrees to lose it. For
 * `el-dialog`'s `before-close` (×, Esc, a click beside it) and for its 取消 button.
 */
export function useGuardedClose(label: () => string, dirty: () => boolean, close: () => void) {
  async function request(): Promise<void> {
    if (!dirty() || (await confirmDiscard([label()], 'close'))) close();
  }
  return {
    request,
    beforeClose: (done: () => void) => void (dirty() ? request() : done()),
  };
}
