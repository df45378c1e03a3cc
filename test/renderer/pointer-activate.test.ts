import { describe, expect, it, vi } from 'vitest';
import { pointerActivate } from '../../renderer/components/sign/pointer-activate';

function button() {
  const el = document.createElement('button');
  document.body.append(el);
  el.getBoundingClientRect = () => ({ left: 0, top: 0, right: 100, bottom: 50 }) as DOMRect;
  return el;
}
const pointer = (
  type: string,
  target: HTMLElement,
  init: Partial<PointerEventInit> & { timeStamp?: number },
) => {
  const e = new PointerEvent(type, { pointerId: 7, isPrimary: true, pointerType: 'touch', ...init });
  Object.defineProperty(e, 'currentTarget', { value: target });
  Object.defineProperty(e, 'timeStamp', { value: init.timeStamp ?? 0 });
  return e;
};
const click = (timeStamp: number) => {
  const e = new MouseEvent('click');
  Object.defineProperty(e, 'timeStamp', { value: timeStamp });
  return e;
};

describe('pointerActivate', () => {
  it('activates on a finger lifted over the button, once, swallowing the click that follows', () => {
    const run = vi.fn();
    const el = button();
    const h = pointerActivate(run);
    h.onPointerdown(pointer('pointerdown', el, { clientX: 10, clientY: 10 }));
    h.onPointerup(pointer('pointerup', el, { clientX: 12, clientY: 11, timeStamp: 100 }));
    h.onClick(click(120));
    expect(run).toHaveBeenCalledTimes(1);
    // A later click (a mouse, the keyboard) works as usual.
    h.onClick(click(2000));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('ignores a finger that slid off, a cancelled touch, a disabled button, and leaves the mouse to click', () => {
    const run = vi.fn();
    const el = button();
    const h = pointerActivate(run);
    h.onPointerdown(pointer('pointerdown', el, { clientX: 10, clientY: 10 }));
    h.onPointerup(pointer('pointerup', el, { clientX: 300, clientY: 10 }));
    h.onPointerdown(pointer('pointerdown', el, { clientX: 10, clientY: 10 }));
    h.onPointercancel();
    h.onPointerup(pointer('pointerup', el, { clientX: 10, clientY: 10 }));
    el.disabled = true;
    h.onPointerdown(pointer('pointerdown', el, { clientX: 10, clientY: 10 }));
    h.onPointerup(pointer('pointerup', el, { clientX: 10, clientY: 10 }));
    expect(run).not.toHaveBeenCalled();
    el.disabled = false;
    h.onPointerdown(pointer('pointerdown', el, { pointerType: 'mouse', clientX: 10, clientY: 10 }));
    h.onPointerup(pointer('pointerup', el, { pointerType: 'mouse', clientX: 10, clientY: 10 }));
    expect(run).not.toHaveBeenCalled();
    h.onClick(click(50));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
