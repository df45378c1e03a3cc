// The pad's pointer rules without a canvas: pressure only from a pen, palm rejection, one stroke at a time.
import { describe, expect, it } from 'vitest';
import { InkInput, type PointerSample } from '../../renderer/components/ink/ink-input';

const at = (
  pointerType: string,
  x: number,
  y: number,
  timeStamp: number,
  extra: Partial<PointerSample> = {},
): PointerSample => ({
  pointerId: pointerType === 'pen' ? 2 : pointerType === 'touch' ? 7 : 1,
  pointerType,
  x,
  y,
  pressure: 0.5,
  timeStamp,
  button: 0,
  ...extra,
});

describe('InkInput', () => {
  it('turns down, coalesced moves and up into one stroke with times from its start', () => {
    const input = new InkInput();
    expect(input.down(at('mouse', 10, 10, 1000))).toBe('started');
    expect(input.move(1, [at('mouse', 12, 11, 1004), at('mouse', 14, 12, 1008)])).toBe(true);
    const stroke = input.up(1, at('mouse', 16, 13, 1016));
    expect(stroke).toEqual({
      pointerType: 'mouse',
      points: [
        { x: 10, y: 10, pressure: 0.5, t: 0 },
        { x: 12, y: 11, pressure: 0.5, t: 4 },
        { x: 14, y: 12, pressure: 0.5, t: 8 },
        { x: 16, y: 13, pressure: 0.5, t: 16 },
      ],
    });
    expect(input.current).toBeNull();
  });

  it('keeps a pen’s pressure, clamped to 0..1, and fixes touch and mouse at 0.5', () => {
    const input = new InkInput();
    input.down(at('pen', 0, 0, 0, { pressure: 0.8 }));
    input.move(2, [at('pen', 5, 0, 8, { pressure: 1.4 }), at('pen', 9, 0, 16, { pressure: -0.2 })]);
    expect(input.up(2)!.points.map((p) => p.pressure)).toEqual([0.8, 1, 0]);

    const finger = new InkInput();
    finger.down(at('touch', 0, 0, 0, { pressure: 1 }));
    finger.move(7, [at('touch', 5, 5, 8, { pressure: 0 })]);
    expect(finger.up(7)!.points.map((p) => p.pressure)).toEqual([0.5, 0.5]);
  });

  it('keeps the last pressure when a pen lifts (pointerup reports 0)', () => {
    const input = new InkInput();
    input.down(at('pen', 0, 0, 0, { pressure: 0.3 }));
    input.move(2, [at('pen', 5, 0, 8, { pressure: 0.7123456 })]);
    const stroke = input.up(2, at('pen', 9, 0, 12, { pressure: 0 }))!;
    expect(stroke.points.map((p) => p.pressure)).toEqual([0.3, 0.712, 0.712]);
  });

  it('skips samples that did not move', () => {
    const input = new InkInput();
    input.down(at('touch', 3, 3, 0));
    expect(input.move(7, [at('touch', 3, 3, 8)])).toBe(false);
    expect(input.up(7, at('touch', 3, 3, 16))!.points).toHaveLength(1);
  });

  it('once a pen has been seen, ignores fingers (the palm) for the rest of the pad’s life', () => {
    const input = new InkInput();
    expect(input.down(at('touch', 1, 1, 0))).toBe('started');
    input.up(7);
    input.down(at('pen', 5, 5, 100));
    input.up(2);
    expect(input.penSeen).toBe(true);
    expect(input.down(at('touch', 50, 50, 200))).toBe('ignored');
    expect(input.move(7, [at('touch', 60, 60, 208)])).toBe(false);
    expect(input.up(7)).toBeNull();
    // A mouse still works (a clerk helping at the desk).
    expect(input.down(at('mouse', 5, 5, 300))).toBe('started');
  });

  it('drops the palm’s stroke when the pen lands while the palm is drawing', () => {
    const input = new InkInput();
    input.down(at('touch', 100, 200, 0));
    input.move(7, [at('touch', 101, 205, 8)]);
    expect(input.down(at('pen', 20, 30, 12, { pressure: 0.6 }))).toBe('replaced');
    expect(input.current?.pointerType).toBe('pen');
    // The palm's events no longer reach the pen's stroke.
    expect(input.move(7, [at('touch', 120, 220, 16)])).toBe(false);
    expect(input.up(7)).toBeNull();
    const stroke = input.up(2, at('pen', 40, 30, 40, { pressure: 0.6 }))!;
    expect(stroke.points.map((p) => [p.x, p.y, p.t])).toEqual([
      [20, 30, 0],
      [40, 30, 28],
    ]);
  });

  it('ignores a second pointer while one is drawing, and mouse buttons other than the primary', () => {
    const input = new InkInput();
    expect(input.down(at('mouse', 0, 0, 0, { button: 2 }))).toBe('ignored');
    input.down(at('touch', 0, 0, 0));
    expect(input.down(at('touch', 9, 9, 4, { pointerId: 8 }))).toBe('ignored');
    expect(input.down(at('mouse', 9, 9, 4))).toBe('ignored');
    expect(input.pointerId).toBe(7);
  });

  it('drops the stroke on pointercancel', () => {
    const input = new InkInput();
    input.down(at('pen', 0, 0, 0));
    input.move(2, [at('pen', 10, 0, 8)]);
    expect(input.cancel(3)).toBe(false);
    expect(input.cancel(2)).toBe(true);
    expect(input.current).toBeNull();
    expect(input.up(2)).toBeNull();
  });
});
