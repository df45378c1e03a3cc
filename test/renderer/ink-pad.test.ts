// InkPad in happy-dom: pointer events become v-model strokes; undo, clear and the accessible text.
// happy-dom has no 2D canvas context, so drawing itself is not checked here.
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, h, nextTick, ref, type App } from 'vue';
import InkPad from '../../renderer/components/ink/InkPad.vue';
import type { InkStroke } from '../../shared/domain/types';

let app: App | undefined;
let host: HTMLElement;

afterEach(() => {
  app?.unmount();
  app = undefined;
  host?.remove();
});

type Exposed = { toPng: (w?: number, h?: number) => Promise<string> };

function mount(initial: InkStroke[] = []) {
  const strokes = ref<InkStroke[]>(initial);
  const pad = ref<Exposed | null>(null);
  const emitted: InkStroke[][] = [];
  host = document.createElement('div');
  document.body.appendChild(host);
  app = createApp({
    render: () =>
      h(InkPad, {
        ref: pad,
        modelValue: strokes.value,
        'onUpdate:modelValue': (v: InkStroke[]) => {
          emitted.push(v);
          strokes.value = v;
        },
        label: '签名区',
      }),
  });
  app.mount(host);
  const canvas = host.querySelector('canvas')!;
  const button = (name: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
  return { strokes, emitted, pad, canvas, button };
}

function pointer(
  target: Element,
  type: string,
  pointerType: string,
  x: number,
  y: number,
  init: PointerEventInit = {},
) {
  const pointerId = pointerType === 'pen' ? 2 : pointerType === 'touch' ? 7 : 1;
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      pointerId,
      pointerType,
      clientX: x,
      clientY: y,
      pressure: 0.5,
      ...init,
    }),
  );
}

function write(canvas: Element, pointerType: string, from: number, pressure = 0.5) {
  pointer(canvas, 'pointerdown', pointerType, from, 20, { pressure });
  for (let x = from + 5; x <= from + 40; x += 5)
    pointer(canvas, 'pointermove', pointerType, x, 20 + x / 10, { pressure });
  pointer(canvas, 'pointerup', pointerType, from + 45, 25, { pressure });
}

describe('InkPad', () => {
  it('is an image named by its label, with the placeholder and the stroke count for screen readers', async () => {
    const { canvas, strokes, button } = mount();
    const img = host.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe('签名区');
    expect(img.getAttribute('aria-description')).toBe('尚未书写');
    expect(host.textContent).toContain('请在此处签名');
    expect(button('撤销一笔').disabled).toBe(true);
    expect(button('清除重写').disabled).toBe(true);

    write(canvas, 'mouse', 10);
    write(canvas, 'mouse', 60);
    await nextTick();
    expect(strokes.value).toHaveLength(2);
    expect(img.getAttribute('aria-description')).toBe('已书写2笔');
    expect(host.querySelector('[aria-live="polite"]')!.textContent).toBe('签名区：已书写2笔');
    expect(host.textContent).not.toContain('请在此处签名');
  });

  it('emits plain strokes in the pad’s space, pressure only from a pen', async () => {
    const { canvas, strokes, emitted } = mount();
    write(canvas, 'touch', 10, 0.9);
    write(canvas, 'pen', 100, 0.9);
    await nextTick();
    expect(strokes.value.map((s) => s.pointerType)).toEqual(['touch', 'pen']);
    expect(strokes.value[0]!.points.every((p) => p.pressure === 0.5)).toBe(true);
    expect(strokes.value[1]!.points.every((p) => p.pressure === 0.9)).toBe(true);
    expect(strokes.value[1]!.points[0]).toMatchObject({ x: 100, y: 20, t: 0 });
    // What the parent receives goes straight into Dexie: no reactive proxy inside.
    expect(() => structuredClone(emitted.at(-1))).not.toThrow();
  });

  it('ignores fingers once a pen has written (palm rejection)', async () => {
    const { canvas, strokes } = mount();
    write(canvas, 'pen', 10);
    write(canvas, 'touch', 80);
    await nextTick();
    expect(strokes.value.map((s) => s.pointerType)).toEqual(['pen']);
  });

  it('drops a cancelled stroke', async () => {
    const { canvas, strokes } = mount();
    pointer(canvas, 'pointerdown', 'touch', 10, 10);
    pointer(canvas, 'pointermove', 'touch', 30, 10);
    pointer(canvas, 'pointercancel', 'touch', 30, 10);
    pointer(canvas, 'pointerup', 'touch', 30, 10);
    await nextTick();
    expect(strokes.value).toEqual([]);
  });

  it('undoes the last stroke and clears all', async () => {
    const { canvas, strokes, button } = mount();
    write(canvas, 'mouse', 10);
    write(canvas, 'mouse', 60);
    write(canvas, 'mouse', 110);
    await nextTick();
    const [first, second] = strokes.value;
    button('撤销一笔').click();
    await nextTick();
    expect(strokes.value).toEqual([first, second]);
    button('清除重写').click();
    await nextTick();
    expect(strokes.value).toEqual([]);
    expect(button('撤销一笔').disabled).toBe(true);
  });

  it('shows restored strokes (after a crash) and refuses a PNG without a 2D canvas', async () => {
    const saved: InkStroke[] = [{ pointerType: 'pen', points: [{ x: 1, y: 2, pressure: 0.4, t: 0 }] }];
    const { pad } = mount(saved);
    await nextTick();
    expect(host.querySelector('[role="img"]')!.getAttribute('aria-description')).toBe('已书写1笔');
    await expect(pad.value!.toPng()).rejects.toThrow('画布不可用');
  });
});
