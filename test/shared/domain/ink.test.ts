import { describe, expect, it } from 'vitest';
import {
  fitTransform,
  isBlank,
  normalizeStrokes,
  outlineToSvgPath,
  strokeOutline,
  strokesBounds,
} from '../../../shared/domain/ink';
import type { InkStroke, PadPoint } from '../../../shared/domain/types';

/** A straight stroke from (x0, y0) to (x1, y1) in `n` steps, 8 ms apart, all at one pressure. */
function line(
  pointerType: InkStroke['pointerType'],
  [x0, y0]: [number, number],
  [x1, y1]: [number, number],
  pressure = 0.5,
  n = 20,
): InkStroke {
  const points: PadPoint[] = [];
  for (let i = 0; i <= n; i++) {
    const k = i / n;
    points.push({ x: x0 + (x1 - x0) * k, y: y0 + (y1 - y0) * k, pressure, t: i * 8 });
  }
  return { pointerType, points };
}

const tap = (x: number, y: number, jitter = 0): InkStroke => ({
  pointerType: 'touch',
  points: [
    { x, y, pressure: 0.5, t: 0 },
    { x: x + jitter, y: y - jitter, pressure: 0.5, t: 16 },
    { x, y, pressure: 0.5, t: 32 },
  ],
});

/** The outline's thickness across a horizontal stroke, at the stroke's middle. */
function widthAtMiddle(outline: [number, number][], midX: number): number {
  const near = outline.filter(([x]) => Math.abs(x - midX) < 6).map(([, y]) => y);
  return Math.max(...near) - Math.min(...near);
}

describe('strokeOutline', () => {
  it('returns a closed polygon around the stroke', () => {
    const outline = strokeOutline(line('mouse', [10, 50], [200, 50]));
    expect(outline.length).toBeGreaterThan(10);
    const xs = outline.map(([x]) => x);
    expect(Math.min(...xs)).toBeLessThan(12);
    expect(Math.max(...xs)).toBeGreaterThan(195);
  });

  it('uses real pressure for a pen: a hard press is wider than a light one', () => {
    const light = strokeOutline(line('pen', [10, 50], [200, 50], 0.1), { size: 8 });
    const hard = strokeOutline(line('pen', [10, 50], [200, 50], 0.9), { size: 8 });
    expect(widthAtMiddle(hard, 105)).toBeGreaterThan(widthAtMiddle(light, 105) * 1.5);
  });

  it('ignores the reported pressure of touch and mouse (simulated from speed instead)', () => {
    const a = strokeOutline(line('touch', [10, 50], [200, 50], 0.1), { size: 8 });
    const b = strokeOutline(line('touch', [10, 50], [200, 50], 0.9), { size: 8 });
    expect(b).toEqual(a);
  });

  it('draws a dot for a single point and nothing for no point', () => {
    const dot = strokeOutline({ pointerType: 'pen', points: [{ x: 5, y: 5, pressure: 0.5, t: 0 }] });
    expect(dot.length).toBeGreaterThan(3);
    expect(strokeOutline({ pointerType: 'pen', points: [] })).toEqual([]);
  });
});

describe('outlineToSvgPath', () => {
  it('closes a quadratic path through the outline, usable by Path2D', () => {
    const d = outlineToSvgPath(strokeOutline(line('mouse', [0, 0], [50, 0])));
    expect(d).toMatch(/^M[\d.-]+,[\d.-]+Q/);
    expect(d.endsWith('Z')).toBe(true);
    expect(outlineToSvgPath([])).toBe('');
  });
});

describe('strokesBounds', () => {
  it('boxes every point of every stroke', () => {
    expect(strokesBounds([line('pen', [10, 20], [50, 20]), line('pen', [30, 5], [30, 90])])).toEqual({
      minX: 10,
      minY: 5,
      maxX: 50,
      maxY: 90,
      width: 40,
      height: 85,
    });
  });

  it('is null without points', () => {
    expect(strokesBounds([])).toBeNull();
    expect(strokesBounds([{ pointerType: 'touch', points: [] }])).toBeNull();
  });
});

describe('isBlank', () => {
  it('is blank with no stroke or only taps, even jittery ones', () => {
    expect(isBlank([])).toBe(true);
    expect(isBlank([tap(10, 10), tap(80, 40, 1.5), { pointerType: 'pen', points: [] }])).toBe(true);
  });

  it('is not blank once one stroke spans a few pixels', () => {
    expect(isBlank([tap(10, 10), line('pen', [10, 10], [30, 12])])).toBe(false);
    expect(isBlank([line('mouse', [10, 10], [13, 13])])).toBe(false);
    expect(isBlank([line('mouse', [10, 10], [13, 13])], 10)).toBe(true);
  });
});

describe('normalizeStrokes', () => {
  it('scales uniformly and centres, keeping pressure, time and pointer type', () => {
    const stroke: InkStroke = {
      pointerType: 'pen',
      points: [
        { x: 0, y: 0, pressure: 0.3, t: 0 },
        { x: 300, y: 120, pressure: 0.8, t: 40 },
      ],
    };
    // 300×120 into 600×300: ×2 limited by width; 60 px left over vertically, 30 above and below.
    const [out] = normalizeStrokes([stroke], { width: 300, height: 120 }, { width: 600, height: 300 });
    expect(out).toEqual({
      pointerType: 'pen',
      points: [
        { x: 0, y: 30, pressure: 0.3, t: 0 },
        { x: 600, y: 270, pressure: 0.8, t: 40 },
      ],
    });
    expect(stroke.points[1]!.x).toBe(300);
  });

  it('round-trips between two sizes of the same aspect', () => {
    const strokes = [line('touch', [12, 34], [250, 180])];
    const there = normalizeStrokes(strokes, { width: 400, height: 200 }, { width: 600, height: 300 });
    const back = normalizeStrokes(there, { width: 600, height: 300 }, { width: 400, height: 200 });
    back[0]!.points.forEach((p, i) => {
      expect(p.x).toBeCloseTo(strokes[0]!.points[i]!.x, 9);
      expect(p.y).toBeCloseTo(strokes[0]!.points[i]!.y, 9);
    });
  });

  it('leaves strokes in place when the source size is unknown', () => {
    expect(fitTransform({ width: 0, height: 0 }, { width: 600, height: 240 })).toEqual({
      scale: 1,
      dx: 0,
      dy: 0,
    });
  });
});
