// Enter that picks a pinyin candidate must not submit a form (a known IME trap). Some IMEs send
// that Enter just after compositionend with isComposing already false, so a flag outlives the event by a tick.
import { ref } from 'vue';

/**
 * Handlers for a form or input: `@compositionstart`, `@compositionend`, and either `@keydown.enter` (isImeEnter)
 * or a whole `@keydown` handler that first asks isImeKey.
 */
export function useImeGuard() {
  const composing = ref(false);

  function onCompositionStart(): void {
    composing.value = true;
  }

  function onCompositionEnd(): void {
    setTimeout(() => (composing.value = false), 0);
  }

  /** True when this key belongs to the IME (a candidate being picked): the handler then leaves it alone. */
  function isImeKey(event: KeyboardEvent): boolean {
    return event.isComposing || event.keyCode === 229 || composing.value;
  }

  /** True when this Enter belongs to the IME; it is then kept from submitting. */
  function isImeEnter(event: KeyboardEvent): boolean {
    const ime = isImeKey(event);
    if (ime) event.preventDefault();
    return ime;
  }

  return { onCompositionStart, onCompositionEnd, isImeKey, isImeEnter };
}
