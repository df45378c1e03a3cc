// Shrink a box's text step by step until its content fits its height: type sizes are chosen from
// the name's length first, but a screen's shape (4:3 projectors) or a long queue below can still
// leave too little room, and on the projector nothing may be cut off.
import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref, type WatchSource } from 'vue';

/** Height the children of `el` take from the top of the first to the bottom of the last. */
function contentHeight(el: HTMLElement): number {
  const first = el.firstElementChild;
  const last = el.lastElementChild;
  if (!first || !last) return 0;
  // Boxes, not scrollHeight: tall CJK glyphs overhang their line boxes and count as overflow there.
  return last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
}

/**
 * How many steps smaller than chosen the text in `box` must be, refitted whenever `source`
 * changes or the box is resized; at most `maxSteps`.
 */
export function useShrinkToFit(
  box: Ref<HTMLElement | undefined>,
  source: WatchSource,
  maxSteps: number,
): Ref<number> {
  const shrink = ref(0);
  let run = 0;

  async function fit(): Promise<void> {
    const mine = ++run;
    shrink.value = 0;
    await nextTick();
    // Measuring and re-rendering happen before the next paint: no flicker between the steps.
    while (
      mine === run &&
      box.value &&
      shrink.value < maxSteps &&
      contentHeight(box.value) > box.value.clientHeight + 1
    ) {
      shrink.value += 1;
      await nextTick();
    }
  }

  watch(source, () => void fit(), { flush: 'post' });

  let observer: ResizeObserver | undefined;
  onMounted(() => {
    void fit();
    if (typeof ResizeObserver !== 'undefined' && box.value) {
      observer = new ResizeObserver(() => void fit());
      observer.observe(box.value);
    }
  });
  onBeforeUnmount(() => observer?.disconnect());

  return shrink;
}
