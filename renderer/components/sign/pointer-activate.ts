// Activation on the finger's lift for the buttons that must never need a second tap (签批,
// 确认签批此件). Chromium makes a click out of a tap only when its gesture detector agrees, and on
// touch all-in-ones (and under synthetic touch in tests) a tap right after ink strokes sometimes
// yields pointerdown/pointerup on the button but no click. The lift of a touch or pen that went
// down on the same button activates it; the click that may follow is swallowed. Mouse and keyboard
// keep the ordinary click.

/** Handlers for a button: bind `onPointerdown`, `onPointerup`, `onPointercancel` and `onClick`. */
export function pointerActivate(run: () => void, swallowMs = 700) {
  let downId: number | undefined;
  let swallowUntil = 0;
  return {
    onPointerdown(e: PointerEvent) {
      downId = e.pointerType === 'mouse' || !e.isPrimary ? undefined : e.pointerId;
    },
    onPointercancel() {
      downId = undefined;
    },
    onPointerup(e: PointerEvent) {
      if (downId === undefined || e.pointerId !== downId) return;
      downId = undefined;
      const target = e.currentTarget as HTMLButtonElement | null;
      if (!target || target.disabled) return;
      const box = target.getBoundingClientRect();
      const inside =
        e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
      if (!inside) return;
      swallowUntil = e.timeStamp + swallowMs;
      run();
    },
    onClick(e: MouseEvent) {
      if (e.timeStamp <= swallowUntil) return;
      run();
    },
  };
}
